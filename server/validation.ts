import { z } from "zod";
import { badInput } from "./errors.ts";

// Names are shown to every member, so control and format characters (which
// could break the layout or logs, hide a name or turn it right to left) are
// rejected along with empty and very long ones.
const printable = /^[^\p{Cc}\p{Cs}\p{Cf}]*$/u;

export const MAX_DISPLAY_NAME = 60;
export const MAX_ASSESSMENT_NAME = 120;

const displayName = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(MAX_DISPLAY_NAME, `must be at most ${MAX_DISPLAY_NAME} characters`)
  .regex(printable, "must not contain control or invisible characters");

const assessmentName = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(MAX_ASSESSMENT_NAME, `must be at most ${MAX_ASSESSMENT_NAME} characters`)
  .regex(printable, "must not contain control or invisible characters");

/** Parses `value` or raises BAD_USER_INPUT naming the argument. */
function check<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw badInput(`${field} ${result.error.issues[0].message}`, field);
}

const tokenName = displayName.max(80, "must be at most 80 characters");
export const checkTokenName = (value: string) => check(tokenName, value, "name");

export const checkDisplayName = (value: string, field: string) => check(displayName, value, field);
export const checkAssessmentName = (value: string) => check(assessmentName, value, "name");

export interface Choice {
  level: number | null;
  dontKnow: boolean;
}

/** Turns setAnswer's `level` and `dontKnow` into one choice, exactly one of the two. */
export function checkChoice(
  level: number | null | undefined,
  dontKnow: boolean | null | undefined,
): Choice {
  const hasLevel = level !== null && level !== undefined;
  if (hasLevel && dontKnow) {
    throw badInput("Give either level or dontKnow: true, not both", "level");
  }
  if (hasLevel) {
    if (!Number.isInteger(level) || level < 1 || level > 5) {
      throw badInput(`level must be an integer from 1 to 5, got ${level}`, "level");
    }
    return { level, dontKnow: false };
  }
  if (dontKnow) return { level: null, dontKnow: true };
  throw badInput("Give a level from 1 to 5 or dontKnow: true", "level");
}

export const MAX_NOTE = 2000;

/** A note on an answer. It may span lines, so tabs and line breaks are the only control characters allowed. */
export const noteFormat = z
  .string()
  .trim()
  .max(MAX_NOTE, `must be at most ${MAX_NOTE} characters`)
  .refine((note) => !/[^\P{Cc}\t\n\r]|\p{Cs}/u.test(note), "must not contain control characters");

/** Returns the trimmed note, or null for an empty one, which clears the note. */
export function checkNote(value: string | null | undefined): string | null {
  const note = check(noteFormat, value ?? "", "note");
  return note === "" ? null : note;
}

export const checkSnapshotName = (value: string) => check(assessmentName, value, "name");
