import { describe, expect, it } from "vitest";
import { GraphQLError } from "graphql";
import { buildCsv, csvField } from "../../server/exchange/csv.ts";
import { buildExport, type AssessmentForExport } from "../../server/exchange/export.ts";
import { parseExport } from "../../server/exchange/parse.ts";
import type { Questionnaire, Section } from "../../server/questionnaire/types.ts";

const levels = [1, 2, 3, 4, 5].map((value) => ({
  value,
  statement: `Statement ${value}`,
  goodEnoughWhen: `Good enough ${value}`,
  howToImprove: `Improve ${value}`,
}));

const sections: Section[] = [
  { key: "data", title: "Data", size: 2 },
  { key: "security", title: "Security", size: 3 },
].map(({ key, title, size }) => ({
  key,
  title,
  questions: Array.from({ length: size }, (_, index) => ({
    key: `${key}/q${index + 1}`,
    sectionKey: key,
    text: `Question ${index + 1} of ${title}`,
    levels,
  })),
}));

const questionnaire: Questionnaire = {
  version: "abc123abc123",
  sections,
  questionsByKey: new Map(sections.flatMap((s) => s.questions.map((q) => [q.key, q]))),
};

const assessment: AssessmentForExport = {
  name: "Acme",
  createdAt: new Date("2026-01-02T09:00:00.000Z"),
  revision: 7,
  questionnaireVersion: "abc123abc123",
  answers: [
    {
      questionKey: "security/q2",
      level: 4,
      dontKnow: false,
      note: 'Said "maybe", then yes',
      needsImprovement: true,
      updatedAt: new Date("2026-01-02T10:00:00.000Z"),
      updatedBy: { name: "Sam" },
    },
    {
      questionKey: "data/q1",
      level: null,
      dontKnow: true,
      note: null,
      needsImprovement: false,
      updatedAt: new Date("2026-01-02T10:05:00.000Z"),
      updatedBy: { name: "Priya" },
    },
    {
      questionKey: "data/q2",
      level: null,
      dontKnow: false,
      note: "Open, but with a note",
      needsImprovement: false,
      updatedAt: new Date("2026-01-02T10:06:00.000Z"),
      updatedBy: null,
    },
    {
      questionKey: "security/retired",
      level: 2,
      dontKnow: false,
      note: null,
      needsImprovement: false,
      updatedAt: new Date("2026-01-02T10:07:00.000Z"),
      updatedBy: { name: "Sam" },
    },
  ],
};

const exportedAt = new Date("2026-01-03T12:00:00.000Z");
const exported = () => buildExport(questionnaire, assessment, exportedAt);

/** Returns the message and path of the BAD_USER_INPUT error that `parse` raises. */
function rejection(parse: () => unknown) {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    const { message, extensions } = error as GraphQLError;
    return { message, code: extensions.code, path: extensions.path, field: extensions.field };
  }
  throw new Error("the document was accepted");
}

describe("buildExport", () => {
  it("writes the format header and metadata", () => {
    const document = exported();

    expect(document.format).toBe("cloud-maturity-assessment");
    expect(document.formatVersion).toBe(1);
    expect(document.exportedAt).toBe("2026-01-03T12:00:00.000Z");
    expect(document.assessment).toEqual({
      name: "Acme",
      createdAt: "2026-01-02T09:00:00.000Z",
      revision: 7,
      questionnaireVersion: "abc123abc123",
    });
  });

  it("lists answers in questionnaire order without retired questions", () => {
    const keys = exported().answers.map((answer) => answer.questionKey);

    expect(keys).toEqual(["data/q1", "data/q2", "security/q2"]);
  });

  it("names who changed each answer and when", () => {
    const [dontKnow, open, level] = exported().answers;

    expect(level).toEqual({
      questionKey: "security/q2",
      level: 4,
      dontKnow: false,
      note: 'Said "maybe", then yes',
      needsImprovement: true,
      updatedBy: "Sam",
      updatedAt: "2026-01-02T10:00:00.000Z",
    });
    expect(dontKnow).toMatchObject({ level: null, dontKnow: true, updatedBy: "Priya" });
    expect(open).toMatchObject({ level: null, dontKnow: false, updatedBy: null });
  });
});

describe("parseExport", () => {
  it("reads back what buildExport wrote", () => {
    const document = exported();

    expect(parseExport(JSON.stringify(document), questionnaire)).toEqual(document);
  });

  const valid = () => JSON.parse(JSON.stringify(exported()));
  const withAnswer = (index: number, change: Record<string, unknown>) => {
    const document = valid();
    document.answers[index] = { ...document.answers[index], ...change };
    return document;
  };

  it.each([
    ["text that is not JSON", "{ nope", "", "is not valid JSON"],
    ["an empty file", "", "", "is not valid JSON"],
    ["a JSON string", '"hello"', "", "must be a JSON object"],
    ["null", "null", "", "must be a JSON object"],
    ["another format", { ...valid(), format: "other" }, "format", 'got "other"'],
    ["no format", { ...valid(), format: undefined }, "format", "got nothing"],
    ["version 2", { ...valid(), formatVersion: 2 }, "formatVersion", "2 is not supported"],
    ["version as text", { ...valid(), formatVersion: "1" }, "formatVersion", "not supported"],
    ["no answers", { ...valid(), answers: undefined }, "answers", ""],
    ["answers as an object", { ...valid(), answers: {} }, "answers", ""],
    [
      "no name",
      { ...valid(), assessment: { ...valid().assessment, name: "" } },
      "assessment.name",
      "must not be empty",
    ],
    ["a bad export time", { ...valid(), exportedAt: "soon" }, "exportedAt", "ISO 8601"],
    ["an extra field", { ...valid(), extra: 1 }, "", "extra"],
    [
      "an unknown question",
      withAnswer(2, { questionKey: "security/nope" }),
      "answers[2].questionKey",
      "not a question",
    ],
    [
      "a retired question",
      withAnswer(0, { questionKey: "security/retired" }),
      "answers[0].questionKey",
      "not a question",
    ],
    [
      "a duplicate question",
      withAnswer(2, { questionKey: "data/q1" }),
      "answers[2].questionKey",
      "already answered at answers[0]",
    ],
    ["level 0", withAnswer(2, { level: 0 }), "answers[2].level", "1 to 5"],
    ["level 6", withAnswer(2, { level: 6 }), "answers[2].level", "1 to 5"],
    ["level 3.5", withAnswer(2, { level: 3.5 }), "answers[2].level", "1 to 5"],
    ["level as text", withAnswer(2, { level: "4" }), "answers[2].level", "1 to 5"],
    [
      "a level and I don't know",
      withAnswer(2, { dontKnow: true }),
      "answers[2].dontKnow",
      "must be false",
    ],
    [
      "I don't know as text",
      withAnswer(0, { dontKnow: "yes" }),
      "answers[0].dontKnow",
      "true or false",
    ],
    [
      "a flag as a number",
      withAnswer(0, { needsImprovement: 1 }),
      "answers[0].needsImprovement",
      "true or false",
    ],
    [
      "a note of 2001 characters",
      withAnswer(0, { note: "x".repeat(2001) }),
      "answers[0].note",
      "at most 2000",
    ],
    [
      "a control character in a note",
      withAnswer(0, { note: "a\u0000b" }),
      "answers[0].note",
      "control characters",
    ],
    [
      "an empty author",
      withAnswer(1, { updatedBy: " " }),
      "answers[1].updatedBy",
      "must not be empty",
    ],
    [
      "a long author name",
      withAnswer(1, { updatedBy: "x".repeat(61) }),
      "answers[1].updatedBy",
      "at most 60",
    ],
    [
      "a bad change time",
      withAnswer(1, { updatedAt: "2026-13-40" }),
      "answers[1].updatedAt",
      "ISO 8601",
    ],
    ["a missing change time", withAnswer(1, { updatedAt: undefined }), "answers[1].updatedAt", ""],
    ["an unknown answer field", withAnswer(1, { version: 3 }), "answers[1]", "version"],
  ])("rejects %s", (_case, input, path, words) => {
    const text = typeof input === "string" ? input : JSON.stringify(input);
    const {
      message,
      code,
      path: reported,
      field,
    } = rejection(() => parseExport(text, questionnaire));

    expect(code).toBe("BAD_USER_INPUT");
    expect(field).toBe("document");
    expect(reported).toBe(path);
    expect(message).toContain(`Import rejected: ${path || "the file"}`);
    expect(message).toContain(words);
  });

  it("rejects a document over the size limit before parsing it", () => {
    const { message } = rejection(() => parseExport(" ".repeat(1_000_001), questionnaire));

    expect(message).toContain("the limit is 1000000");
  });

  it("rejects more than 1000 answers", () => {
    const document = valid();
    document.answers = Array.from({ length: 1001 }, () => document.answers[0]);
    const { path } = rejection(() => parseExport(JSON.stringify(document), questionnaire));

    expect(path).toBe("answers");
  });
});

describe("buildCsv", () => {
  const rows = () => buildCsv(questionnaire, assessment).split("\r\n");

  it("writes a header, a row a question and a final line end", () => {
    const lines = rows();

    expect(lines[0]).toBe(
      "Section,Question key,Question,Level,Statement,I don't know,Note,Needs improvement," +
        "Updated by,Updated at",
    );
    expect(lines).toHaveLength(1 + 5 + 1);
    expect(lines.at(-1)).toBe("");
  });

  it("fills answered, unknown and open questions", () => {
    const [, dontKnow, open, unanswered, level] = rows();

    expect(level).toBe(
      'Security,security/q2,Question 2 of Security,4,Statement 4,no,"Said ""maybe"", then yes",' +
        "yes,Sam,2026-01-02T10:00:00.000Z",
    );
    expect(dontKnow).toBe(
      "Data,data/q1,Question 1 of Data,,,yes,,no,Priya,2026-01-02T10:05:00.000Z",
    );
    expect(open).toBe(
      'Data,data/q2,Question 2 of Data,,,no,"Open, but with a note",no,,2026-01-02T10:06:00.000Z',
    );
    expect(unanswered).toBe("Security,security/q1,Question 1 of Security,,,no,,no,,");
  });
});

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    ["a, b", '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["two\r\nlines", '"two\r\nlines"'],
    ["=1+1", "'=1+1"],
    ["+44 20", "'+44 20"],
    ["-5", "'-5"],
    ["@cmd", "'@cmd"],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ["", ""],
  ])("writes %j as %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});
