import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request, startServer } from "./harness.ts";

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => (server = await startServer()));
afterAll(() => server.stop());

const QUESTIONNAIRE = `{
  questionnaire {
    version
    sections { key title questions { key text levels { value statement goodEnoughWhen howToImprove } } }
  }
}`;

describe("questionnaire", () => {
  it("serves every section and question in order without a token", async () => {
    const response = await request(server.url, QUESTIONNAIRE);
    const { version, sections } = response.data!.questionnaire;

    expect(version).toMatch(/^[0-9a-f]{12}$/);
    expect(sections.map((section: { key: string }) => section.key)).toEqual([
      "cost",
      "data",
      "governance",
      "operations",
      "people",
      "security",
      "technology",
    ]);
    expect(sections.flatMap((section: { questions: unknown[] }) => section.questions)).toHaveLength(
      47,
    );
    expect(sections[5].questions[0]).toMatchObject({
      key: "security/software-accounts",
      text: "How do you manage accounts used by software, not people?",
    });
  });

  it("gives every question five levels with guidance", async () => {
    const response = await request(server.url, QUESTIONNAIRE);
    const questions = response.data!.questionnaire.sections.flatMap(
      (section: { questions: unknown[] }) => section.questions,
    );

    for (const question of questions) {
      expect(question.levels.map((level: { value: number }) => level.value)).toEqual([
        1, 2, 3, 4, 5,
      ]);
      for (const level of question.levels) {
        expect(level.statement.length, question.key).toBeGreaterThan(0);
        expect(level.goodEnoughWhen.length, question.key).toBeGreaterThan(0);
        expect(level.howToImprove.length, question.key).toBeGreaterThan(0);
      }
    }
  });
});
