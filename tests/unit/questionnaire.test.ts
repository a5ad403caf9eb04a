import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadQuestionnaire, QuestionFormatError } from "../../server/questionnaire/load.ts";

const shipped = resolve(import.meta.dirname, "../../questions");

describe("shipped questionnaire", () => {
  it("loads all seven sections in order", async () => {
    const questionnaire = await loadQuestionnaire(shipped);

    expect(questionnaire.sections.map((s) => [s.key, s.title, s.questions.length])).toEqual([
      ["cost", "Cost & Sustainability", 5],
      ["data", "Data", 2],
      ["governance", "Governance", 7],
      ["operations", "Operations", 9],
      ["people", "People", 8],
      ["security", "Security", 14],
      ["technology", "Technology", 2],
    ]);
    expect(questionnaire.questionsByKey.size).toBe(47);
  });

  it("has guidance of two to five sentences on every level", async () => {
    const questionnaire = await loadQuestionnaire(shipped);
    const sentences = (text: string) => text.split(/(?<=[.!?])\s+(?=[A-Z])/).length;

    for (const question of questionnaire.questionsByKey.values()) {
      for (const level of question.levels) {
        const where = `${question.key} level ${level.value}`;
        expect(sentences(level.goodEnoughWhen), `${where} goodEnoughWhen`).toBeGreaterThanOrEqual(
          2,
        );
        expect(sentences(level.goodEnoughWhen), `${where} goodEnoughWhen`).toBeLessThanOrEqual(5);
        expect(sentences(level.howToImprove), `${where} howToImprove`).toBeGreaterThanOrEqual(2);
        expect(sentences(level.howToImprove), `${where} howToImprove`).toBeLessThanOrEqual(5);
      }
    }
  });

  it("asks the Security section word for word as published", async () => {
    const questionnaire = await loadQuestionnaire(shipped);
    const security = questionnaire.sections.find((section) => section.key === "security")!;
    // The published text lists each question, its five statements and "I don't know".
    const lines = (
      await readFile(resolve(import.meta.dirname, "../fixtures/security-section.txt"), "utf8")
    )
      .split("\n")
      .filter((line) => line !== "");
    const published = Array.from({ length: lines.length / 7 }, (_, index) =>
      lines.slice(index * 7, index * 7 + 7),
    );

    expect(security.questions.map((question) => question.key)[0]).toBe(
      "security/software-accounts",
    );
    expect(
      security.questions.map((question) => [
        question.text,
        ...question.levels.map((level) => level.statement),
        "I don't know",
      ]),
    ).toEqual(published);
  });

  it("changes version when any text changes", async () => {
    const directory = await writeMinimalSet();
    const before = (await loadQuestionnaire(directory)).version;
    await writeQuestion(directory, "alpha", "first", { text: "A reworded question?" });

    expect((await loadQuestionnaire(directory)).version).not.toBe(before);
    await rm(directory, { recursive: true });
  });
});

describe("loadQuestionnaire on broken files", () => {
  let directory: string;
  beforeEach(async () => (directory = await writeMinimalSet()));
  afterEach(() => rm(directory, { recursive: true }));

  async function failure(): Promise<string> {
    const error = await loadQuestionnaire(directory).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(QuestionFormatError);
    return (error as Error).message;
  }

  it("loads the minimal valid set", async () => {
    const questionnaire = await loadQuestionnaire(directory);
    expect([...questionnaire.questionsByKey.keys()]).toEqual(["alpha/first", "alpha/second"]);
  });

  it("rejects a missing level", async () => {
    await writeQuestion(directory, "alpha", "first", { levels: levels().slice(0, 4) });
    expect(await failure()).toMatch(/alpha\/first\.yaml:\d+: levels must have exactly 5 levels/);
  });

  it("rejects an empty statement", async () => {
    const broken = levels();
    broken[2].statement = "  ";
    await writeQuestion(directory, "alpha", "second", { levels: broken });
    expect(await failure()).toMatch(
      /alpha\/second\.yaml:\d+: levels\[2\]\.statement must not be empty/,
    );
  });

  it("rejects empty guidance", async () => {
    const broken = levels();
    broken[4].howToImprove = "";
    await writeQuestion(directory, "alpha", "first", { levels: broken });
    expect(await failure()).toMatch(
      /alpha\/first\.yaml:\d+: levels\[4\]\.howToImprove must not be empty/,
    );
  });

  it("rejects levels out of order", async () => {
    const broken = levels();
    [broken[1], broken[2]] = [broken[2], broken[1]];
    await writeQuestion(directory, "alpha", "first", { levels: broken });
    expect(await failure()).toMatch(
      /alpha\/first\.yaml:\d+: levels\[1\]\.level is 3 but must be 2/,
    );
  });

  it("rejects a duplicate question key", async () => {
    await writeYaml(directory, "alpha/section.yaml", {
      title: "Alpha",
      questions: ["first", "second", "first"],
    });
    expect(await failure()).toMatch(/alpha\/section\.yaml: duplicate question key "first"/);
  });

  it("rejects a duplicate section key", async () => {
    await writeYaml(directory, "sections.yaml", { sections: ["alpha", "alpha"] });
    expect(await failure()).toMatch(/sections\.yaml: duplicate section key "alpha"/);
  });

  it("rejects a folder that is not a listed section", async () => {
    await mkdir(join(directory, "extra"));
    expect(await failure()).toMatch(/extra\/: unknown section "extra"/);
  });

  it("rejects a listed section without a folder", async () => {
    await writeYaml(directory, "sections.yaml", { sections: ["alpha", "beta"] });
    expect(await failure()).toMatch(/beta\/section\.yaml: file is missing/);
  });

  it("rejects a question file that its section does not list", async () => {
    await writeQuestion(directory, "alpha", "stray", {});
    expect(await failure()).toMatch(/alpha\/stray\.yaml: not a question of section "alpha"/);
  });

  it("rejects a listed question without a file", async () => {
    await writeYaml(directory, "alpha/section.yaml", {
      title: "Alpha",
      questions: ["first", "second", "third"],
    });
    expect(await failure()).toMatch(/alpha\/third\.yaml: file is missing/);
  });

  it("rejects an unknown field", async () => {
    await writeQuestion(directory, "alpha", "first", { guidance: "stray" });
    expect(await failure()).toMatch(/alpha\/first\.yaml:1: Unrecognized key: "guidance"/);
  });

  it("rejects invalid YAML with its line", async () => {
    await writeFile(join(directory, "alpha/first.yaml"), "text: fine\nlevels: [\n  - broken\n");
    expect(await failure()).toMatch(/alpha\/first\.yaml:\d+:\d+: invalid YAML/);
  });

  it("rejects a duplicate YAML key", async () => {
    await writeFile(join(directory, "alpha/first.yaml"), "text: one\ntext: two\nlevels: []\n");
    expect(await failure()).toMatch(
      /alpha\/first\.yaml:2:\d+: invalid YAML: Map keys must be unique/,
    );
  });

  it("names the folder it was given", async () => {
    await writeQuestion(directory, "alpha", "first", { text: "" });
    expect(await failure()).toContain(relative(process.cwd(), join(directory, "alpha/first.yaml")));
  });
});

function levels() {
  return [1, 2, 3, 4, 5].map((level) => ({
    level,
    statement: `Statement ${level}.`,
    goodEnoughWhen: "Fine for now. Risk is low.",
    howToImprove: "Do the next thing. Then check it.",
  }));
}

async function writeYaml(directory: string, path: string, data: unknown) {
  await mkdir(join(directory, path, ".."), { recursive: true });
  await writeFile(join(directory, path), stringify(data));
}

async function writeQuestion(directory: string, section: string, slug: string, overrides: object) {
  await writeYaml(directory, `${section}/${slug}.yaml`, {
    text: `Question ${slug}?`,
    levels: levels(),
    ...overrides,
  });
}

async function writeMinimalSet(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), "questions-"));
  await writeYaml(directory, "sections.yaml", { sections: ["alpha"] });
  await writeYaml(directory, "alpha/section.yaml", {
    title: "Alpha",
    questions: ["first", "second"],
  });
  await writeQuestion(directory, "alpha", "first", {});
  await writeQuestion(directory, "alpha", "second", {});
  return directory;
}
