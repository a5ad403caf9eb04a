import { z } from "zod";
import { MAX_ASSESSMENT_NAME, MAX_DISPLAY_NAME, noteFormat } from "../validation.ts";

// The JSON export format, documented in the README under "Export and import".
// A change that an older reader could misread gets a new FORMAT_VERSION.

export const FORMAT_NAME = "cloud-maturity-assessment";
export const FORMAT_VERSION = 1;

/**
 * Largest import accepted, in characters of JSON text: about five times the
 * largest export, which has a 2000-character note on each of the 47 questions
 * and every character escaped (about 200,000 characters).
 */
export const MAX_IMPORT_LENGTH = 1_000_000;
const MAX_ANSWERS = 1000;

const printable = /^[^\p{Cc}\p{Cs}]*$/u;
const timestamp = z.iso.datetime({ offset: true, error: "must be an ISO 8601 date and time" });

const exportedAnswer = z
  .strictObject({
    questionKey: z.string().max(200, "must be at most 200 characters"),
    level: z
      .number("must be an integer from 1 to 5, or null")
      .int("must be an integer from 1 to 5, or null")
      .min(1, "must be an integer from 1 to 5, or null")
      .max(5, "must be an integer from 1 to 5, or null")
      .nullable(),
    dontKnow: z.boolean("must be true or false"),
    note: noteFormat.nullable(),
    needsImprovement: z.boolean("must be true or false"),
    updatedBy: z
      .string()
      .trim()
      .min(1, "must not be empty")
      .max(MAX_DISPLAY_NAME, `must be at most ${MAX_DISPLAY_NAME} characters`)
      .regex(printable, "must not contain control characters")
      .nullable(),
    updatedAt: timestamp,
  })
  .refine((answer) => !(answer.level !== null && answer.dontKnow), {
    message: "must be false when a level is given",
    path: ["dontKnow"],
  });

/** The document, once its format name and version are known to match. */
export const exportDocument = z.strictObject({
  format: z.literal(FORMAT_NAME),
  formatVersion: z.literal(FORMAT_VERSION),
  exportedAt: timestamp,
  assessment: z.strictObject({
    name: z
      .string()
      .trim()
      .min(1, "must not be empty")
      .max(MAX_ASSESSMENT_NAME, `must be at most ${MAX_ASSESSMENT_NAME} characters`)
      .regex(printable, "must not contain control characters"),
    createdAt: timestamp,
    revision: z.number().int().min(0),
    questionnaireVersion: z.string().max(100, "must be at most 100 characters"),
  }),
  answers: z.array(exportedAnswer).max(MAX_ANSWERS, `must have at most ${MAX_ANSWERS} entries`),
});

export type ExportDocument = z.infer<typeof exportDocument>;
export type ExportedAnswer = ExportDocument["answers"][number];
