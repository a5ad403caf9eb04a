import type { Questionnaire } from "./questionnaire/types.ts";

/** The part of an answer that scoring needs. */
export interface ScoredAnswer {
  questionKey: string;
  level: number | null;
  dontKnow: boolean;
  /** Flagged "we need to do better here"; counted only on answered questions. */
  needsImprovement?: boolean;
}

export interface ScoreSummary {
  total: number;
  answered: number;
  dontKnow: number;
  /** Questions answered with a level or "I don't know" and flagged "we need to do better here". */
  needsImprovement: number;
  /** Mean level of the questions answered with a level, or null when there are none. */
  score: number | null;
}

export interface SectionScore extends ScoreSummary {
  key: string;
}

export interface Scores {
  sections: SectionScore[];
  overall: ScoreSummary;
}

/**
 * Scores answers per section and overall. "I don't know" is counted apart and
 * never lowers a score; answers to questions no longer in the questionnaire are
 * ignored.
 */
export function scoreAnswers(questionnaire: Questionnaire, answers: ScoredAnswer[]): Scores {
  const byKey = new Map(answers.map((answer) => [answer.questionKey, answer]));

  const sections = questionnaire.sections.map((section) => {
    const sectionAnswers = section.questions.flatMap((question) => byKey.get(question.key) ?? []);
    return { key: section.key, ...summarise(section.questions.length, sectionAnswers) };
  });

  const allAnswers = questionnaire.sections.flatMap((section) =>
    section.questions.flatMap((question) => byKey.get(question.key) ?? []),
  );
  return { sections, overall: summarise(questionnaire.questionsByKey.size, allAnswers) };
}

function summarise(total: number, answers: ScoredAnswer[]): ScoreSummary {
  const levels = answers.flatMap((answer) => (answer.level === null ? [] : [answer.level]));
  const dontKnow = answers.filter((answer) => answer.level === null && answer.dontKnow).length;
  const sum = levels.reduce((accumulated, level) => accumulated + level, 0);
  const needsImprovement = answers.filter(
    (answer) => answer.needsImprovement && (answer.level !== null || answer.dontKnow),
  ).length;

  return {
    total,
    answered: levels.length,
    dontKnow,
    needsImprovement,
    score: levels.length === 0 ? null : sum / levels.length,
  };
}
