import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, socketClient, startServer, subscribe } from "./harness.ts";
import { RESET } from "./operations.ts";
import { REVIEW_CHANGED, SET_NEEDS_IMPROVEMENT, SET_NOTE } from "./review-operations.ts";
import { startWorkshop } from "./workshop.ts";

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => (server = await startServer()));
afterAll(() => server.stop());

const section = (assessment: { sections: { key: string }[] }, key: string) =>
  assessment.sections.find((each) => each.key === key) as Record<string, unknown>;

describe("setNote", () => {
  it("sends the note to another member's subscription", async () => {
    const group = await startWorkshop(server.url);
    await group.answer(group.participant, "security/supply-chain", { level: 3 });
    const client = socketClient(server.url, group.observer);
    const changes = subscribe(client, REVIEW_CHANGED, { id: group.id });
    await changes.nth(1);

    const response = await group.send(SET_NOTE, group.participant, {
      questionKey: "security/supply-chain",
      note: "  Supplier list lives in the procurement wiki.  ",
    });
    const event = await changes.change(2);
    await client.dispose();

    expect(response.errors).toBeUndefined();
    expect(response.data!.setNote).toEqual({
      questionKey: "security/supply-chain",
      level: 3,
      dontKnow: false,
      note: "Supplier list lives in the procurement wiki.",
      needsImprovement: false,
      version: 2,
      updatedBy: { name: "Sam" },
    });
    expect(event.kind).toBe("NOTE_SET");
    expect(event.sectionKey).toBe("security");
    expect(event.answer).toEqual(response.data!.setNote);
  });

  it("creates an open answer for a question not yet answered", async () => {
    const group = await startWorkshop(server.url);
    const response = await group.send(SET_NOTE, group.facilitator, {
      questionKey: "data/retention",
      note: "Ask the records manager",
    });
    const assessment = await group.read();

    expect(response.data!.setNote).toMatchObject({ level: null, dontKnow: false, version: 1 });
    expect(assessment.revision).toBe(1);
    expect(assessment.answers).toHaveLength(1);
    expect(section(assessment, "data")).toMatchObject({ answered: 0, dontKnow: 0 });
  });

  it("clears the note when it is empty", async () => {
    const group = await startWorkshop(server.url);
    const questionKey = "data/retention";
    await group.send(SET_NOTE, group.participant, { questionKey, note: "Draft" });
    const cleared = await group.send(SET_NOTE, group.participant, { questionKey, note: "   " });
    const again = await group.send(SET_NOTE, group.participant, { questionKey, note: null });

    expect(cleared.data!.setNote).toMatchObject({ note: null, version: 2 });
    expect(again.data!.setNote).toMatchObject({ note: null, version: 2 });
    expect((await group.read()).revision).toBe(2);
  });

  it("keeps line breaks inside a note", async () => {
    const group = await startWorkshop(server.url);
    const response = await group.send(SET_NOTE, group.participant, {
      questionKey: "data/retention",
      note: "Evidence:\n- retention policy\n- audit, 2024",
    });

    expect(response.data!.setNote.note).toBe("Evidence:\n- retention policy\n- audit, 2024");
  });

  it.each([
    ["a note over 2000 characters", { questionKey: "data/retention", note: "x".repeat(2001) }],
    ["a 10 MB note", { questionKey: "data/retention", note: "x".repeat(10_000_000) }],
    ["a control character", { questionKey: "data/retention", note: "bell \u0007" }],
    ["an unknown question", { questionKey: "data/nope", note: "Hello" }],
  ])("rejects %s and changes nothing", async (_case, variables) => {
    const group = await startWorkshop(server.url);
    await group.send(SET_NOTE, group.participant, { questionKey: "data/retention", note: "Kept" });
    const response = await group.send(SET_NOTE, group.participant, variables);
    const assessment = await group.read();

    expect(codeOf(response)).toBe("BAD_USER_INPUT");
    expect(response.data?.setNote ?? null).toBeNull();
    expect(assessment.revision).toBe(1);
    expect(assessment.answers.map((answer: { note: string }) => answer.note)).toEqual(["Kept"]);
  });

  it("accepts a note of exactly 2000 characters", async () => {
    const group = await startWorkshop(server.url);
    const response = await group.send(SET_NOTE, group.participant, {
      questionKey: "data/retention",
      note: "é".repeat(2000),
    });

    expect(response.data!.setNote.note).toHaveLength(2000);
  });

  it("rejects a stale expectedVersion with CONFLICT", async () => {
    const group = await startWorkshop(server.url);
    await group.answer(group.participant, "data/retention", { level: 2 });
    await group.send(SET_NOTE, group.participant, { questionKey: "data/retention", note: "A" });
    const response = await group.send(SET_NOTE, group.facilitator, {
      questionKey: "data/retention",
      note: "B",
      expectedVersion: 1,
    });

    expect(codeOf(response)).toBe("CONFLICT");
    expect(response.errors![0].extensions!.currentAnswer).toMatchObject({ note: "A", version: 2 });
  });
});

describe("setNeedsImprovement", () => {
  it("flags an answer live and counts it per section and overall", async () => {
    const group = await startWorkshop(server.url);
    await group.answer(group.participant, "security/supply-chain", { level: 2 });
    await group.answer(group.participant, "security/risk-management", { dontKnow: true });
    await group.answer(group.participant, "data/retention", { level: 4 });
    const client = socketClient(server.url, group.facilitator);
    const changes = subscribe(client, REVIEW_CHANGED, { id: group.id });
    await changes.nth(1);

    const flag = (questionKey: string) =>
      group.send(SET_NEEDS_IMPROVEMENT, group.participant, { questionKey, needsImprovement: true });
    const response = await flag("security/supply-chain");
    await flag("security/risk-management");
    const event = await changes.change(4);
    const second = await changes.change(5);
    await client.dispose();
    const assessment = await group.read();

    expect(response.data!.setNeedsImprovement).toMatchObject({
      needsImprovement: true,
      level: 2,
      version: 2,
    });
    expect(event.kind).toBe("NEEDS_IMPROVEMENT_SET");
    expect(event.answer).toMatchObject({ questionKey: "security/supply-chain" });
    expect(event.overall).toEqual({ needsImprovement: 1 });
    expect(second.overall).toEqual({ needsImprovement: 2 });
    expect(section(second, "security")).toEqual({ key: "security", needsImprovement: 2 });
    expect(assessment.revision).toBe(5);
    expect(assessment.overall.needsImprovement).toBe(2);
    expect(section(assessment, "data")).toMatchObject({ needsImprovement: 0 });
  });

  it("changes nothing when the flag already has that value", async () => {
    const group = await startWorkshop(server.url);
    await group.answer(group.participant, "data/retention", { level: 4 });
    const variables = { questionKey: "data/retention", needsImprovement: true };
    await group.send(SET_NEEDS_IMPROVEMENT, group.participant, variables);
    const again = await group.send(SET_NEEDS_IMPROVEMENT, group.facilitator, variables);

    expect(again.data!.setNeedsImprovement).toMatchObject({
      version: 2,
      updatedBy: { name: "Sam" },
    });
    expect((await group.read()).revision).toBe(2);
  });

  it("rejects a flag on an open question and changes nothing", async () => {
    const group = await startWorkshop(server.url);
    const response = await group.send(SET_NEEDS_IMPROVEMENT, group.participant, {
      questionKey: "data/retention",
      needsImprovement: true,
    });
    const assessment = await group.read();

    expect(codeOf(response)).toBe("BAD_USER_INPUT");
    expect(response.errors![0].extensions!.field).toBe("needsImprovement");
    expect(assessment.revision).toBe(0);
    expect(assessment.answers).toEqual([]);
  });

  it("keeps notes and flags through a reset but stops counting the flag", async () => {
    const group = await startWorkshop(server.url);
    await group.answer(group.participant, "data/retention", { level: 4 });
    await group.send(SET_NOTE, group.participant, { questionKey: "data/retention", note: "Why" });
    await group.send(SET_NEEDS_IMPROVEMENT, group.participant, {
      questionKey: "data/retention",
      needsImprovement: true,
    });
    await group.send(RESET, group.facilitator, { sectionKey: "data" });
    const assessment = await group.read();

    expect(assessment.answers[0]).toMatchObject({
      level: null,
      note: "Why",
      needsImprovement: true,
    });
    expect(assessment.overall.needsImprovement).toBe(0);
  });
});

describe("access to notes and flags", () => {
  it("rejects an observer with FORBIDDEN and changes nothing", async () => {
    const group = await startWorkshop(server.url);
    await group.answer(group.participant, "data/retention", { level: 4 });
    const note = await group.send(SET_NOTE, group.observer, {
      questionKey: "data/retention",
      note: "Observed",
    });
    const flag = await group.send(SET_NEEDS_IMPROVEMENT, group.observer, {
      questionKey: "data/retention",
      needsImprovement: true,
    });
    const assessment = await group.read();

    expect(codeOf(note)).toBe("FORBIDDEN");
    expect(codeOf(flag)).toBe("FORBIDDEN");
    expect(assessment.revision).toBe(1);
    expect(assessment.answers[0]).toMatchObject({ note: null, needsImprovement: false });
  });

  it("rejects a token of another assessment with FORBIDDEN", async () => {
    const group = await startWorkshop(server.url);
    const other = await startWorkshop(server.url, "Other");
    await group.answer(group.participant, "data/retention", { level: 4 });
    const note = await group.send(SET_NOTE, other.facilitator, {
      questionKey: "data/retention",
      note: "Intruder",
    });
    const flag = await group.send(SET_NEEDS_IMPROVEMENT, other.facilitator, {
      questionKey: "data/retention",
      needsImprovement: true,
    });
    const assessment = await group.read();

    expect(codeOf(note)).toBe("FORBIDDEN");
    expect(codeOf(flag)).toBe("FORBIDDEN");
    expect(assessment.revision).toBe(1);
    expect(assessment.answers[0]).toMatchObject({ note: null, needsImprovement: false });
  });

  it("rejects a request without a token", async () => {
    const group = await startWorkshop(server.url);
    const response = await group.send(SET_NOTE, "", { questionKey: "data/retention", note: "x" });

    expect(codeOf(response)).toBe("UNAUTHENTICATED");
  });
});
