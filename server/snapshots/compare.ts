import type { Questionnaire } from "../questionnaire/types.ts";
import { scoreAnswers, type ScoreSummary } from "../scoring.ts";

/** The content of one answer at one point in time, as a snapshot stores it. */
export interface AnswerValue {
  questionKey: string;
  level: number | null;
  dontKnow: boolean;
  note: string | null;
  needsImprovement: boolean;
}

export interface ScoreChange {
  /** The section key, or null for the whole assessment. */
  key: string | null;
  before: ScoreSummary;
  after: ScoreSummary;
  /** `after.score - before.score`, or null when either side has no score. */
  scoreChange: number | null;
}

export interface AnswerDifference {
  questionKey: string;
  before: AnswerValue;
  after: AnswerValue;
}

export interface Comparison {
  sections: ScoreChange[];
  overall: ScoreChange;
  /** Every question whose level, "I don't know", note or flag differs, in questionnaire order. */
  answers: AnswerDifference[];
}

/** Compares two sets of answers; a question missing from a set counts as open. */
export function compareAnswers(
  questionnaire: Questionnaire,
  before: AnswerValue[],
  after: AnswerValue[],
): Comparison {
  const scoresBefore = scoreAnswers(questionnaire, before);
  const scoresAfter = scoreAnswers(questionnaire, after);

  const sections = scoresBefore.sections.map((section, index) =>
    changeOf(section.key, summaryOf(section), summaryOf(scoresAfter.sections[index])),
  );

  const beforeByKey = new Map(before.map((answer) => [answer.questionKey, answer]));
  const afterByKey = new Map(after.map((answer) => [answer.questionKey, answer]));
  const answers = questionnaire.sections.flatMap((section) =>
    section.questions.flatMap((question) => {
      const from = beforeByKey.get(question.key) ?? openAnswer(question.key);
      const to = afterByKey.get(question.key) ?? openAnswer(question.key);
      return sameContent(from, to) ? [] : [{ questionKey: question.key, before: from, after: to }];
    }),
  );

  return {
    sections,
    overall: changeOf(null, scoresBefore.overall, scoresAfter.overall),
    answers,
  };
}

function changeOf(key: string | null, before: ScoreSummary, after: ScoreSummary): ScoreChange {
  const scoreChange =
    before.score === null || after.score === null ? null : after.score - before.score;
  return { key, before, after, scoreChange };
}

function summaryOf({ total, answered, dontKnow, needsImprovement, score }: ScoreSummary) {
  return { total, answered, dontKnow, needsImprovement, score };
}

function openAnswer(questionKey: string): AnswerValue {
  return { questionKey, level: null, dontKnow: false, note: null, needsImprovement: false };
}

function sameContent(a: AnswerValue, b: AnswerValue): boolean {
  return (
    a.level === b.level &&
    a.dontKnow === b.dontKnow &&
    a.note === b.note &&
    a.needsImprovement === b.needsImprovement
  );
}
