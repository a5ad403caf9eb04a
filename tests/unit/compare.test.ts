import { describe, expect, it } from "vitest";
import type { Questionnaire, Section } from "../../server/questionnaire/types.ts";
import { compareAnswers, type AnswerValue } from "../../server/snapshots/compare.ts";

const sections: Section[] = ["data", "security"].map((key) => ({
  key,
  title: key,
  questions: [1, 2].map((index) => ({
    key: `${key}/q${index}`,
    sectionKey: key,
    text: `Question ${index}`,
    levels: [],
  })),
}));
const questionnaire: Questionnaire = {
  version: "test",
  sections,
  questionsByKey: new Map(sections.flatMap((s) => s.questions.map((q) => [q.key, q]))),
};

const answer = (questionKey: string, change: Partial<AnswerValue> = {}): AnswerValue => ({
  questionKey,
  level: null,
  dontKnow: false,
  note: null,
  needsImprovement: false,
  ...change,
});

describe("compareAnswers", () => {
  it("reports the score change of each section and overall", () => {
    const { sections: changes, overall } = compareAnswers(
      questionnaire,
      [answer("data/q1", { level: 2 }), answer("security/q1", { level: 4 })],
      [answer("data/q1", { level: 3 }), answer("security/q1", { level: 4 })],
    );

    expect(changes.map((change) => [change.key, change.scoreChange])).toEqual([
      ["data", 1],
      ["security", 0],
    ]);
    expect(overall.key).toBeNull();
    expect(overall.before.score).toBe(3);
    expect(overall.after.score).toBe(3.5);
    expect(overall.scoreChange).toBe(0.5);
  });

  it("gives no score change when either side has no score", () => {
    const { sections: changes } = compareAnswers(
      questionnaire,
      [answer("data/q1", { level: 2 })],
      [answer("data/q1", { dontKnow: true }), answer("security/q2", { level: 1 })],
    );

    expect(changes[0].scoreChange).toBeNull();
    expect(changes[0].after.dontKnow).toBe(1);
    expect(changes[1].scoreChange).toBeNull();
    expect(changes[1].before.score).toBeNull();
  });

  it("lists each changed answer with both sides, in questionnaire order", () => {
    const { answers } = compareAnswers(
      questionnaire,
      [answer("security/q2", { level: 5 }), answer("data/q2", { level: 1 })],
      [
        answer("security/q2", { level: 5, needsImprovement: true }),
        answer("data/q2", { level: 1, note: "Why" }),
        answer("data/q1", { dontKnow: true }),
      ],
    );

    expect(answers.map((difference) => difference.questionKey)).toEqual([
      "data/q1",
      "data/q2",
      "security/q2",
    ]);
    expect(answers[0].before).toEqual(answer("data/q1"));
    expect(answers[0].after.dontKnow).toBe(true);
    expect(answers[1].after.note).toBe("Why");
    expect(answers[2].before.needsImprovement).toBe(false);
    expect(answers[2].after.needsImprovement).toBe(true);
  });

  it("treats a missing answer and an open one as the same", () => {
    const { answers } = compareAnswers(questionnaire, [answer("data/q1")], []);

    expect(answers).toEqual([]);
  });

  it("ignores answers to questions no longer asked", () => {
    const { answers, overall } = compareAnswers(
      questionnaire,
      [],
      [answer("data/retired", { level: 1 })],
    );

    expect(answers).toEqual([]);
    expect(overall.after.answered).toBe(0);
  });
});
