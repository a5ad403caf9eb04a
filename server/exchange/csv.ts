import type { Questionnaire } from "../questionnaire/types.ts";
import { orderedQuestions, type AssessmentForExport } from "./export.ts";

export const CSV_HEADER = [
  "Section",
  "Question key",
  "Question",
  "Level",
  "Statement",
  "I don't know",
  "Note",
  "Needs improvement",
  "Updated by",
  "Updated at",
];

/**
 * Builds a CSV table with one row for every question of the questionnaire,
 * open ones included, in RFC 4180 form: CRLF line ends, and every field that
 * contains a comma, quote or line break in double quotes.
 */
export function buildCsv(questionnaire: Questionnaire, assessment: AssessmentForExport): string {
  const byKey = new Map(assessment.answers.map((answer) => [answer.questionKey, answer]));
  const titles = new Map(questionnaire.sections.map((section) => [section.key, section.title]));

  const rows = orderedQuestions(questionnaire).map((question) => {
    const answer = byKey.get(question.key);
    const level = answer?.level ?? null;
    return [
      titles.get(question.sectionKey) ?? question.sectionKey,
      question.key,
      question.text,
      level === null ? "" : String(level),
      level === null ? "" : (question.levels.find((each) => each.value === level)?.statement ?? ""),
      answer?.dontKnow ? "yes" : "no",
      answer?.note ?? "",
      answer?.needsImprovement ? "yes" : "no",
      answer?.updatedBy?.name ?? "",
      answer ? answer.updatedAt.toISOString() : "",
    ];
  });

  return [CSV_HEADER, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/**
 * Quotes one field. A field that a spreadsheet would run as a formula (one
 * starting with =, +, -, @, a tab or a carriage return) gets a leading
 * apostrophe, so that a note typed in a workshop cannot run in Excel.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
