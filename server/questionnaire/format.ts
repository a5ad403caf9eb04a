import { z } from "zod";

// The shape of the files under questions/. The loader reports each issue with
// the file and line it comes from, so messages here name only the rule.

const text = z.string().trim().min(1, "must not be empty");
const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lowercase words joined by hyphens");

export const sectionListFormat = z.strictObject({
  sections: z.array(slug).min(1, "must list at least one section"),
});

export const sectionFormat = z.strictObject({
  title: text,
  questions: z.array(slug).min(1, "must list at least one question"),
});

export const LEVEL_COUNT = 5;

const levelFormat = z.strictObject({
  level: z.number().int(),
  statement: text,
  goodEnoughWhen: text,
  howToImprove: text,
});

export const questionFormat = z.strictObject({
  text,
  levels: z
    .array(levelFormat)
    .length(LEVEL_COUNT, `must have exactly ${LEVEL_COUNT} levels, 1 to ${LEVEL_COUNT}`)
    .superRefine((levels, context) => {
      levels.forEach((level, index) => {
        if (level.level !== index + 1) {
          context.addIssue({
            code: "custom",
            path: [index, "level"],
            message: `is ${level.level} but must be ${index + 1}: levels go from 1 to ${LEVEL_COUNT} in order`,
          });
        }
      });
    }),
});

export type QuestionFile = z.infer<typeof questionFormat>;
