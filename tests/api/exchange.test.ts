import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, request, startServer } from "./harness.ts";
import { EXPORT, IMPORT, SET_NEEDS_IMPROVEMENT, SET_NOTE } from "./review-operations.ts";
import { startWorkshop } from "./workshop.ts";

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => (server = await startServer()));
afterAll(() => server.stop());

const exportOf = async (id: string, token: string, format: "JSON" | "CSV") =>
  (await request(server.url, EXPORT, { id, format }, token)).data!.assessment.export as string;

/** An assessment with a level, an "I don't know", a note with awkward characters and a flag. */
async function answeredWorkshop() {
  const group = await startWorkshop(server.url, 'Acme, "cloud" team');
  await group.answer(group.participant, "security/supply-chain", { level: 2 });
  await group.answer(group.facilitator, "data/retention", { dontKnow: true });
  await group.send(SET_NOTE, group.participant, {
    questionKey: "security/supply-chain",
    note: 'Vendors list, "partial"\nsee wiki, page 3',
  });
  await group.send(SET_NEEDS_IMPROVEMENT, group.participant, {
    questionKey: "security/supply-chain",
    needsImprovement: true,
  });
  await group.send(SET_NOTE, group.facilitator, { questionKey: "cost/carbon", note: "=SUM(A1)" });
  return group;
}

describe("export", () => {
  it("returns the documented JSON format", async () => {
    const group = await answeredWorkshop();
    const document = JSON.parse(await exportOf(group.id, group.observer, "JSON"));

    expect(document.format).toBe("cloud-maturity-assessment");
    expect(document.formatVersion).toBe(1);
    expect(Date.parse(document.exportedAt)).not.toBeNaN();
    expect(document.assessment).toMatchObject({ name: 'Acme, "cloud" team', revision: 5 });
    expect(document.assessment.questionnaireVersion).toMatch(/^[0-9a-f]{12}$/);
    expect(document.answers.map((answer: { questionKey: string }) => answer.questionKey)).toEqual([
      "cost/carbon",
      "data/retention",
      "security/supply-chain",
    ]);
    expect(document.answers[2]).toEqual({
      questionKey: "security/supply-chain",
      level: 2,
      dontKnow: false,
      note: 'Vendors list, "partial"\nsee wiki, page 3',
      needsImprovement: true,
      updatedBy: "Sam",
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(document.answers[1]).toMatchObject({ level: null, dontKnow: true, updatedBy: "Priya" });
  });

  it("returns a CSV row for every question, escaped", async () => {
    const group = await answeredWorkshop();
    const csv = await exportOf(group.id, group.facilitator, "CSV");
    const lines = csv.split("\r\n");

    expect(lines[0]).toBe(
      "Section,Question key,Question,Level,Statement,I don't know,Note,Needs improvement," +
        "Updated by,Updated at",
    );
    // The header, 47 questions and the empty string after the final CRLF. The note's
    // own line break is a bare LF inside quotes, so it does not split a row here.
    expect(lines).toHaveLength(1 + 47 + 1);
    expect(csv).toContain(',"Vendors list, ""partial""\nsee wiki, page 3",yes,Sam,');
    expect(csv).toContain(",'=SUM(A1),no,Priya,");
    expect(lines.find((line) => line.includes("data/retention"))).toMatch(/,,,yes,,no,Priya,/);
  });

  it("gives another assessment's member nothing", async () => {
    const group = await answeredWorkshop();
    const other = await startWorkshop(server.url, "Other");
    const response = await request(
      server.url,
      EXPORT,
      { id: group.id, format: "JSON" },
      other.facilitator,
    );

    expect(response.data!.assessment).toBeNull();
  });
});

describe("importAssessment", () => {
  it("imports an export as a new assessment with the importer as facilitator", async () => {
    const group = await answeredWorkshop();
    const exported = await exportOf(group.id, group.facilitator, "JSON");
    const response = await request(server.url, IMPORT, {
      document: exported,
      facilitatorName: "Jo",
    });
    const imported = response.data!.importAssessment;
    const reexported = JSON.parse(await exportOf(imported.assessment.id, imported.token, "JSON"));
    const original = JSON.parse(exported);

    expect(response.errors).toBeUndefined();
    expect(imported.joinCode).toMatch(/^[A-Z2-9]{6}$/);
    expect(imported.participant).toEqual({ name: "Jo", role: "FACILITATOR" });
    expect(imported.assessment.id).not.toBe(group.id);
    expect(imported.assessment.name).toBe('Acme, "cloud" team');
    expect(imported.assessment.revision).toBe(1);
    expect(imported.assessment.participants).toEqual([
      { name: "Jo", role: "FACILITATOR" },
      expect.objectContaining({ role: "PARTICIPANT" }),
      expect.objectContaining({ role: "PARTICIPANT" }),
    ]);
    expect(reexported.answers).toEqual(original.answers);
    expect(reexported.assessment.name).toBe(original.assessment.name);
  });

  it("takes a new name when one is given", async () => {
    const group = await answeredWorkshop();
    const response = await request(server.url, IMPORT, {
      document: await exportOf(group.id, group.facilitator, "JSON"),
      facilitatorName: "Jo",
      name: "Acme, second round",
    });

    expect(response.data!.importAssessment.assessment.name).toBe("Acme, second round");
  });

  it("leaves the original assessment as it was", async () => {
    const group = await answeredWorkshop();
    const before = await group.read();
    await request(server.url, IMPORT, {
      document: await exportOf(group.id, group.facilitator, "JSON"),
      facilitatorName: "Jo",
    });

    expect(await group.read()).toEqual(before);
  });
});

describe("importAssessment with a bad document", () => {
  // A server of its own, so that its database can be counted after it stops.
  let own: Awaited<ReturnType<typeof startServer>>;
  let valid: Record<string, any>;
  beforeAll(async () => {
    own = await startServer();
    const group = await startWorkshop(own.url);
    await group.answer(group.participant, "security/supply-chain", { level: 2 });
    await group.answer(group.participant, "data/retention", { level: 4 });
    const exported = await request(
      own.url,
      EXPORT,
      { id: group.id, format: "JSON" },
      group.observer,
    );
    valid = JSON.parse(exported.data!.assessment.export);
  });

  const withAnswer = (index: number, change: Record<string, unknown>) => ({
    ...valid,
    answers: valid.answers.map((answer: object, position: number) =>
      position === index ? { ...answer, ...change } : answer,
    ),
  });

  it.each([
    ["text that is not JSON", () => "{ not json", "the file", "is not valid JSON"],
    ["a JSON array", () => "[]", "the file", "must be a JSON object"],
    ["another format", () => ({ ...valid, format: "other-tool" }), "format", "not an export"],
    ["a newer version", () => ({ ...valid, formatVersion: 2 }), "formatVersion", "version 1"],
    [
      "a missing name",
      () => ({ ...valid, assessment: { ...valid.assessment, name: undefined } }),
      "assessment.name",
      "",
    ],
    [
      "an unknown question",
      () => withAnswer(1, { questionKey: "security/nope" }),
      "answers[1].questionKey",
      "not a question",
    ],
    [
      "a question twice",
      () => withAnswer(1, { questionKey: valid.answers[0].questionKey }),
      "answers[1].questionKey",
      "already answered at answers[0]",
    ],
    ["level 6", () => withAnswer(1, { level: 6 }), "answers[1].level", "1 to 5"],
    ["level 0", () => withAnswer(0, { level: 0 }), "answers[0].level", "1 to 5"],
    ["level 2.5", () => withAnswer(0, { level: 2.5 }), "answers[0].level", "1 to 5"],
    ["a level as text", () => withAnswer(0, { level: "3" }), "answers[0].level", "1 to 5"],
    [
      "a level with I don't know",
      () => withAnswer(0, { dontKnow: true }),
      "answers[0].dontKnow",
      "must be false",
    ],
    ["a huge note", () => withAnswer(0, { note: "x".repeat(2001) }), "answers[0].note", "2000"],
    [
      "a bad date",
      () => withAnswer(0, { updatedAt: "yesterday" }),
      "answers[0].updatedAt",
      "ISO 8601",
    ],
    ["an unknown field", () => withAnswer(0, { colour: "red" }), "answers[0]", ""],
    ["a document over 1 MB", () => " ".repeat(1_000_001), "the file", "limit"],
  ])("rejects %s, naming the place", async (_case, make, place, words) => {
    const made = make();
    const document = typeof made === "string" ? made : JSON.stringify(made);
    const response = await request(own.url, IMPORT, { document, facilitatorName: "Jo" });

    expect(codeOf(response)).toBe("BAD_USER_INPUT");
    expect(response.errors![0].extensions!.field).toBe("document");
    expect(response.errors![0].message).toContain(`Import rejected: ${place}`);
    expect(response.errors![0].message).toContain(words);
    expect(response.data).toBeNull();
  });

  it("creates nothing for any rejected document", async () => {
    await own.stop();
    const database = new PGlite(own.dataDir);
    const [assessments, participants, answers] = await Promise.all(
      ["Assessment", "Participant", "Answer"].map(async (table) => {
        const result = await database.query<{ count: number }>(
          `SELECT count(*)::int AS count FROM "${table}"`,
        );
        return result.rows[0].count;
      }),
    );
    await database.close();

    // Only the workshop that made the valid export: one assessment, three members, two answers.
    expect(assessments).toBe(1);
    expect(participants).toBe(3);
    expect(answers).toBe(2);
  });
});
