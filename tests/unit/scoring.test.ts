import { describe, expect, it } from "vitest";
import type { Questionnaire, Section } from "../../server/questionnaire/types.ts";
import { scoreAnswers } from "../../server/scoring.ts";

function questionnaireOf(sizes: Record<string, number>): Questionnaire {
  const sections: Section[] = Object.entries(sizes).map(([key, size]) => ({
    key,
    title: key,
    questions: Array.from({ length: size }, (_, index) => ({
      key: `${key}/q${index + 1}`,
      sectionKey: key,
      text: `Question ${index + 1}`,
      levels: [],
    })),
  }));
  return {
    version: "test",
    sections,
    questionsByKey: new Map(sections.flatMap((s) => s.questions.map((q) => [q.key, q]))),
  };
}

const questionnaire = questionnaireOf({ data: 2, security: 4 });
const level = (questionKey: string, value: number) => ({
  questionKey,
  level: value,
  dontKnow: false,
});
const dontKnow = (questionKey: string) => ({ questionKey, level: null, dontKnow: true });
const open = (questionKey: string) => ({ questionKey, level: null, dontKnow: false });

describe("scoreAnswers", () => {
  it("gives a null score and zero counts without answers", () => {
    const { sections, overall } = scoreAnswers(questionnaire, []);

    expect(sections).toEqual([
      { key: "data", total: 2, answered: 0, dontKnow: 0, needsImprovement: 0, score: null },
      { key: "security", total: 4, answered: 0, dontKnow: 0, needsImprovement: 0, score: null },
    ]);
    expect(overall).toEqual({
      total: 6,
      answered: 0,
      dontKnow: 0,
      needsImprovement: 0,
      score: null,
    });
  });

  it("averages the levels of a section", () => {
    const { sections } = scoreAnswers(questionnaire, [
      level("security/q1", 1),
      level("security/q2", 4),
    ]);

    expect(sections[1]).toEqual({
      key: "security",
      total: 4,
      answered: 2,
      dontKnow: 0,
      needsImprovement: 0,
      score: 2.5,
    });
  });

  it("counts I don't know apart and never in the score", () => {
    const { sections } = scoreAnswers(questionnaire, [
      level("security/q1", 5),
      dontKnow("security/q2"),
      dontKnow("security/q3"),
    ]);

    expect(sections[1].score).toBe(5);
    expect(sections[1].answered).toBe(1);
    expect(sections[1].dontKnow).toBe(2);
  });

  it("treats a cleared answer as open", () => {
    const { sections } = scoreAnswers(questionnaire, [open("data/q1"), level("data/q2", 3)]);

    expect(sections[0]).toEqual({
      key: "data",
      total: 2,
      answered: 1,
      dontKnow: 0,
      needsImprovement: 0,
      score: 3,
    });
  });

  it("gives a null score when a section has only I don't know", () => {
    const { sections } = scoreAnswers(questionnaire, [dontKnow("data/q1"), dontKnow("data/q2")]);

    expect(sections[0].score).toBeNull();
    expect(sections[0].dontKnow).toBe(2);
  });

  it("scores overall as the mean of all answered questions, not of sections", () => {
    const { overall } = scoreAnswers(questionnaire, [
      level("data/q1", 5),
      level("security/q1", 1),
      level("security/q2", 1),
      level("security/q3", 1),
      dontKnow("security/q4"),
    ]);

    expect(overall).toEqual({ total: 6, answered: 4, dontKnow: 1, needsImprovement: 0, score: 2 });
  });

  it("counts flags on answered questions only", () => {
    const flagged = { needsImprovement: true };
    const { sections, overall } = scoreAnswers(questionnaire, [
      { ...level("security/q1", 2), ...flagged },
      { ...dontKnow("security/q2"), ...flagged },
      { ...open("security/q3"), ...flagged },
      level("data/q1", 4),
    ]);

    expect(sections[1].needsImprovement).toBe(2);
    expect(sections[0].needsImprovement).toBe(0);
    expect(overall.needsImprovement).toBe(2);
  });

  it("ignores answers to questions that are no longer asked", () => {
    const { overall } = scoreAnswers(questionnaire, [
      level("security/retired", 1),
      level("data/q1", 4),
    ]);

    expect(overall.answered).toBe(1);
    expect(overall.score).toBe(4);
  });
});
