import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { questionFormat, sectionFormat, sectionListFormat } from "./format.ts";
import type { Question, Questionnaire, Section } from "./types.ts";

/** Raised when a question file is missing, unreadable or breaks the format. */
export class QuestionFormatError extends Error {
  override name = "QuestionFormatError";
}

/**
 * Reads and validates every file under `directory` (sections.yaml, then a
 * folder per section with section.yaml and one YAML file per question).
 * Throws a QuestionFormatError naming the file, the line and the rule broken.
 */
export async function loadQuestionnaire(directory: string): Promise<Questionnaire> {
  try {
    return await readQuestionnaire(directory);
  } catch (error) {
    if (!(error instanceof QuestionFormatError)) throw error;
    const folder = relative(process.cwd(), directory) || ".";
    throw new QuestionFormatError(`${join(folder, error.message)}`);
  }
}

async function readQuestionnaire(directory: string): Promise<Questionnaire> {
  const files = new FileReader(directory);
  const sectionKeys = (await files.parse("sections.yaml", sectionListFormat)).sections;

  reportDuplicates(sectionKeys, "sections.yaml", "section");
  await reportUnlistedFolders(directory, sectionKeys);

  const sections: Section[] = [];
  for (const sectionKey of sectionKeys) {
    sections.push(await loadSection(files, sectionKey));
  }

  const questionsByKey = new Map(
    sections.flatMap((section) => section.questions.map((question) => [question.key, question])),
  );
  return { version: digest(sections), sections, questionsByKey };
}

async function loadSection(files: FileReader, sectionKey: string): Promise<Section> {
  const sectionFile = join(sectionKey, "section.yaml");
  const { title, questions: slugs } = await files.parse(sectionFile, sectionFormat);

  reportDuplicates(slugs, sectionFile, "question");
  await reportUnlistedQuestions(files.directory, sectionKey, slugs);

  const questions: Question[] = [];
  for (const slug of slugs) {
    const file = await files.parse(join(sectionKey, `${slug}.yaml`), questionFormat);
    questions.push({
      key: `${sectionKey}/${slug}`,
      sectionKey,
      text: file.text.trim(),
      levels: file.levels.map(({ level, statement, goodEnoughWhen, howToImprove }) => ({
        value: level,
        statement: statement.trim(),
        goodEnoughWhen: goodEnoughWhen.trim(),
        howToImprove: howToImprove.trim(),
      })),
    });
  }
  return { key: sectionKey, title: title.trim(), questions };
}

function reportDuplicates(keys: string[], file: string, kind: string) {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) throw new QuestionFormatError(`${file}: duplicate ${kind} key "${key}"`);
    seen.add(key);
  }
}

async function reportUnlistedFolders(directory: string, sectionKeys: string[]) {
  const entries = await readdir(directory, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.isDirectory() && !sectionKeys.includes(entry.name)) {
      throw new QuestionFormatError(
        `${entry.name}/: unknown section "${entry.name}"; list it in sections.yaml or remove the folder`,
      );
    }
  }
}

async function reportUnlistedQuestions(directory: string, sectionKey: string, slugs: string[]) {
  const names = await readdir(join(directory, sectionKey));
  for (const name of names) {
    if (name === "section.yaml") continue;
    const slug = name.replace(/\.yaml$/, "");
    if (name === slug || !slugs.includes(slug)) {
      throw new QuestionFormatError(
        `${sectionKey}/${name}: not a question of section "${sectionKey}"; ` +
          `list "${slug}" in ${sectionKey}/section.yaml or remove the file`,
      );
    }
  }
}

/** Reads YAML files relative to one folder and checks them against a format. */
class FileReader {
  constructor(readonly directory: string) {}

  async parse<T extends z.ZodType>(path: string, format: T): Promise<z.infer<T>> {
    const source = await this.read(path);
    const lines = new LineCounter();
    const document = parseDocument(source, { lineCounter: lines, prettyErrors: false });

    const [yamlError] = document.errors;
    if (yamlError) {
      const { line, col } = lines.linePos(yamlError.pos[0]);
      throw new QuestionFormatError(`${path}:${line}:${col}: invalid YAML: ${yamlError.message}`);
    }

    const result = format.safeParse(document.toJS());
    if (result.success) return result.data;

    const [issue] = result.error.issues;
    const where = locate(document, lines, issue.path as (string | number)[]);
    const field = issue.path.length > 0 ? `${formatPath(issue.path)} ` : "";
    throw new QuestionFormatError(`${path}${where}: ${field}${issue.message}`);
  }

  private async read(path: string): Promise<string> {
    try {
      return await readFile(join(this.directory, path), "utf8");
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "file is missing" : error;
      throw new QuestionFormatError(`${path}: ${reason}`);
    }
  }
}

/** Finds the line of the deepest node of `path` that exists in the document. */
function locate(
  document: ReturnType<typeof parseDocument>,
  lines: LineCounter,
  path: (string | number)[],
): string {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (range) return `:${lines.linePos(range[0]).line}`;
  }
  return "";
}

function formatPath(path: PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === "number" ? `[${part}]` : `${index ? "." : ""}${String(part)}`,
    )
    .join("");
}

function digest(sections: Section[]): string {
  return createHash("sha256").update(JSON.stringify(sections)).digest("hex").slice(0, 12);
}
