import { apiError } from "../errors.ts";
import type { Questionnaire } from "../questionnaire/types.ts";
import {
  exportDocument,
  FORMAT_NAME,
  FORMAT_VERSION,
  MAX_IMPORT_LENGTH,
  type ExportDocument,
} from "./format.ts";

/**
 * Parses and checks an export before anything is written. Raises
 * BAD_USER_INPUT on the first problem, with the place in the document (such
 * as `answers[3].level`) in the message and in `extensions.path`.
 */
export function parseExport(text: string, questionnaire: Questionnaire): ExportDocument {
  if (text.length > MAX_IMPORT_LENGTH) {
    throw rejected(`is ${text.length} characters long; the limit is ${MAX_IMPORT_LENGTH}`, "");
  }

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw rejected(`is not valid JSON: ${(error as Error).message}`, "");
  }

  checkHeader(value);
  const result = exportDocument.safeParse(value);
  if (!result.success) {
    const [issue] = result.error.issues;
    throw rejected(issue.message, formatPath(issue.path));
  }

  checkQuestionKeys(result.data, questionnaire);
  return result.data;
}

// The name and version are checked first, so that a file of another kind gets
// one clear message instead of a list of missing fields.
function checkHeader(value: unknown) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw rejected("must be a JSON object", "");
  }

  const { format, formatVersion } = value as Record<string, unknown>;
  if (format !== FORMAT_NAME) {
    throw rejected(
      `must be "${FORMAT_NAME}", got ${JSON.stringify(format) ?? "nothing"}: ` +
        "this is not an export of this app",
      "format",
    );
  }
  if (formatVersion !== FORMAT_VERSION) {
    throw rejected(
      `${JSON.stringify(formatVersion) ?? "missing"} is not supported; ` +
        `this server reads version ${FORMAT_VERSION}`,
      "formatVersion",
    );
  }
}

function checkQuestionKeys(document: ExportDocument, questionnaire: Questionnaire) {
  const firstIndex = new Map<string, number>();
  document.answers.forEach((answer, index) => {
    const path = `answers[${index}].questionKey`;
    if (!questionnaire.questionsByKey.has(answer.questionKey)) {
      throw rejected(`"${answer.questionKey}" is not a question of this questionnaire`, path);
    }
    const first = firstIndex.get(answer.questionKey);
    if (first !== undefined) {
      throw rejected(`"${answer.questionKey}" is already answered at answers[${first}]`, path);
    }
    firstIndex.set(answer.questionKey, index);
  });
}

function rejected(problem: string, path: string) {
  const subject = path === "" ? "the file" : path;
  return apiError("BAD_USER_INPUT", `Import rejected: ${subject} ${problem}`, {
    field: "document",
    path,
  });
}

function formatPath(path: PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === "number" ? `[${part}]` : `${index ? "." : ""}${String(part)}`,
    )
    .join("");
}
