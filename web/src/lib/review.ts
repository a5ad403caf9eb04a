import type { Answer, Level, Question, Questionnaire, Section } from "./types.ts";

/** An answered question of the questionnaire with its answer and chosen level. */
export interface AnsweredQuestion {
  section: Section;
  question: Question;
  answer: Answer;
  /** The chosen level, or null for "I don't know". */
  level: Level | null;
}

/** Lists the questions answered with a level or "I don't know", in questionnaire order. */
export function answeredQuestions(
  questionnaire: Questionnaire,
  answers: Answer[],
): AnsweredQuestion[] {
  const byKey = new Map(answers.map((answer) => [answer.questionKey, answer]));
  return questionnaire.sections.flatMap((section) =>
    section.questions.flatMap((question) => {
      const answer = byKey.get(question.key);
      if (!answer || (answer.level === null && !answer.dontKnow)) return [];
      const level = question.levels.find((each) => each.value === answer.level) ?? null;
      return [{ section, question, answer, level }];
    }),
  );
}

/** Describes a choice in words, such as "Level 3: We review it yearly." */
export function describeChoice(
  question: Question,
  choice: { level: number | null; dontKnow: boolean },
): string {
  if (choice.dontKnow) return "I don't know";
  if (choice.level === null) return "Not answered";
  const level = question.levels.find((each) => each.value === choice.level);
  return `Level ${choice.level}: ${level?.statement ?? ""}`.trim();
}
