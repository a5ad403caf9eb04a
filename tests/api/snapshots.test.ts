import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, request, startServer } from "./harness.ts";
import {
  COMPARE,
  SET_NEEDS_IMPROVEMENT,
  SET_NOTE,
  SNAPSHOTS,
  TAKE_SNAPSHOT,
} from "./review-operations.ts";
import { startWorkshop } from "./workshop.ts";

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => (server = await startServer()));
afterAll(() => server.stop());

const compare = (id: string, token: string, from: string, to?: string) =>
  request(server.url, COMPARE, { id, from, to }, token);

describe("takeSnapshot", () => {
  it("stores the current answers under a name", async () => {
    const group = await startWorkshop(server.url);
    await group.answer(group.participant, "security/supply-chain", { level: 2 });
    await group.answer(group.participant, "data/retention", { dontKnow: true });
    await group.send(SET_NOTE, group.participant, { questionKey: "data/retention", note: "Ask" });
    const response = await group.send(TAKE_SNAPSHOT, group.facilitator, { name: " Before lunch " });
    const snapshot = response.data!.takeSnapshot;

    expect(response.errors).toBeUndefined();
    expect(snapshot).toMatchObject({
      name: "Before lunch",
      revision: 3,
      takenBy: { name: "Priya" },
      overall: { answered: 1, score: 2 },
    });
    expect(snapshot.answers).toEqual([
      {
        questionKey: "data/retention",
        level: null,
        dontKnow: true,
        note: "Ask",
        needsImprovement: false,
      },
      {
        questionKey: "security/supply-chain",
        level: 2,
        dontKnow: false,
        note: null,
        needsImprovement: false,
      },
    ]);
  });

  it("lists snapshots oldest first", async () => {
    const group = await startWorkshop(server.url);
    await group.send(TAKE_SNAPSHOT, group.facilitator, { name: "Start" });
    await group.answer(group.participant, "data/retention", { level: 3 });
    await group.send(TAKE_SNAPSHOT, group.facilitator, { name: "End" });
    const response = await request(server.url, SNAPSHOTS, { id: group.id }, group.observer);

    expect(
      response.data!.assessment.snapshots.map((s: { name: string; revision: number }) => [
        s.name,
        s.revision,
      ]),
    ).toEqual([
      ["Start", 0],
      ["End", 1],
    ]);
  });

  it("does not change the revision", async () => {
    const group = await startWorkshop(server.url);
    await group.answer(group.participant, "data/retention", { level: 3 });
    await group.send(TAKE_SNAPSHOT, group.facilitator, { name: "Start" });

    expect((await group.read()).revision).toBe(1);
  });

  it.each([
    ["a participant", "participant", "FORBIDDEN"],
    ["an observer", "observer", "FORBIDDEN"],
  ] as const)("rejects %s with %s", async (_case, who, code) => {
    const group = await startWorkshop(server.url);
    const response = await group.send(TAKE_SNAPSHOT, group[who], { name: "Mine" });
    const listed = await request(server.url, SNAPSHOTS, { id: group.id }, group.facilitator);

    expect(codeOf(response)).toBe(code);
    expect(listed.data!.assessment.snapshots).toEqual([]);
  });

  it("rejects the facilitator of another assessment", async () => {
    const group = await startWorkshop(server.url);
    const other = await startWorkshop(server.url, "Other");
    const response = await group.send(TAKE_SNAPSHOT, other.facilitator, { name: "Theirs" });

    expect(codeOf(response)).toBe("FORBIDDEN");
  });

  it.each([
    ["an empty name", "  "],
    ["a name over 120 characters", "x".repeat(121)],
  ])("rejects %s with BAD_USER_INPUT", async (_case, name) => {
    const group = await startWorkshop(server.url);
    const response = await group.send(TAKE_SNAPSHOT, group.facilitator, { name });
    const listed = await request(server.url, SNAPSHOTS, { id: group.id }, group.facilitator);

    expect(codeOf(response)).toBe("BAD_USER_INPUT");
    expect(response.errors![0].extensions!.field).toBe("name");
    expect(listed.data!.assessment.snapshots).toEqual([]);
  });
});

describe("comparison", () => {
  it("compares a snapshot with now, score by score and answer by answer", async () => {
    const group = await startWorkshop(server.url);
    await group.answer(group.participant, "security/supply-chain", { level: 2 });
    await group.answer(group.participant, "security/risk-management", { level: 4 });
    await group.answer(group.participant, "data/retention", { level: 1 });
    const before = (await group.send(TAKE_SNAPSHOT, group.facilitator, { name: "Morning" })).data!
      .takeSnapshot;

    await group.answer(group.participant, "security/supply-chain", { level: 4 });
    await group.answer(group.participant, "data/retention", { dontKnow: true });
    await group.send(SET_NEEDS_IMPROVEMENT, group.participant, {
      questionKey: "security/risk-management",
      needsImprovement: true,
    });
    await group.send(SET_NOTE, group.participant, { questionKey: "cost/carbon", note: "Unknown" });
    const response = await compare(group.id, group.observer, before.id);
    const comparison = response.data!.assessment.comparison;
    const bySection = (key: string) =>
      comparison.sections.find((each: { key: string }) => each.key === key);

    expect(response.errors).toBeUndefined();
    expect(comparison.from).toEqual({ revision: 3, snapshot: { name: "Morning" } });
    expect(comparison.to).toEqual({ revision: 7, snapshot: null });
    expect(comparison.overall).toEqual({
      before: { score: 7 / 3 },
      after: { score: 4 },
      scoreChange: 4 - 7 / 3,
    });
    expect(bySection("security")).toEqual({
      key: "security",
      before: { answered: 2, score: 3 },
      after: { answered: 2, score: 4 },
      scoreChange: 1,
    });
    expect(bySection("data")).toEqual({
      key: "data",
      before: { answered: 1, score: 1 },
      after: { answered: 0, score: null },
      scoreChange: null,
    });
    expect(bySection("people").scoreChange).toBeNull();
    expect(
      comparison.answers.map((difference: { questionKey: string }) => difference.questionKey),
    ).toEqual([
      "cost/carbon",
      "data/retention",
      "security/risk-management",
      "security/supply-chain",
    ]);
    expect(comparison.answers[1]).toMatchObject({
      before: { level: 1, dontKnow: false },
      after: { level: null, dontKnow: true },
    });
    expect(comparison.answers[0]).toMatchObject({
      before: { level: null, note: null },
      after: { level: null, note: "Unknown" },
    });
    expect(comparison.answers[2].after.needsImprovement).toBe(true);
    expect(comparison.answers[3].question.text).toMatch(/supply chain/i);
  });

  it("compares two snapshots in either order", async () => {
    const group = await startWorkshop(server.url);
    await group.answer(group.participant, "data/retention", { level: 2 });
    const first = (await group.send(TAKE_SNAPSHOT, group.facilitator, { name: "One" })).data!
      .takeSnapshot;
    await group.answer(group.participant, "data/retention", { level: 5 });
    const second = (await group.send(TAKE_SNAPSHOT, group.facilitator, { name: "Two" })).data!
      .takeSnapshot;
    await group.answer(group.participant, "data/retention", { level: 1 });

    const forward = (await compare(group.id, group.participant, first.id, second.id)).data!
      .assessment.comparison;
    const backward = (await compare(group.id, group.participant, second.id, first.id)).data!
      .assessment.comparison;

    expect(forward.overall.scoreChange).toBe(3);
    expect(backward.overall.scoreChange).toBe(-3);
    expect(forward.answers).toHaveLength(1);
    expect(forward.answers[0].before.level).toBe(2);
    expect(forward.answers[0].after.level).toBe(5);
  });

  it("lists no answers when nothing changed", async () => {
    const group = await startWorkshop(server.url);
    await group.answer(group.participant, "data/retention", { level: 2 });
    const snapshot = (await group.send(TAKE_SNAPSHOT, group.facilitator, { name: "Same" })).data!
      .takeSnapshot;
    const comparison = (await compare(group.id, group.facilitator, snapshot.id)).data!.assessment
      .comparison;

    expect(comparison.answers).toEqual([]);
    expect(comparison.overall.scoreChange).toBe(0);
  });

  it("rejects a snapshot of another assessment as NOT_FOUND", async () => {
    const group = await startWorkshop(server.url);
    const other = await startWorkshop(server.url, "Other");
    const theirs = (await other.send(TAKE_SNAPSHOT, other.facilitator, { name: "Theirs" })).data!
      .takeSnapshot;
    const response = await compare(group.id, group.facilitator, theirs.id);

    expect(codeOf(response)).toBe("NOT_FOUND");
    expect(response.errors![0].extensions!.field).toBe("from");
  });

  it.each([
    ["a malformed id", "not-an-id"],
    ["an unknown id", "00000000-0000-4000-8000-000000000000"],
  ])("rejects %s as NOT_FOUND", async (_case, id) => {
    const group = await startWorkshop(server.url);
    const snapshot = (await group.send(TAKE_SNAPSHOT, group.facilitator, { name: "Mine" })).data!
      .takeSnapshot;
    const response = await compare(group.id, group.facilitator, snapshot.id, id);

    expect(codeOf(response)).toBe("NOT_FOUND");
    expect(response.errors![0].extensions!.field).toBe("to");
  });

  it("gives another assessment's member no comparison", async () => {
    const group = await startWorkshop(server.url);
    const other = await startWorkshop(server.url, "Other");
    const snapshot = (await group.send(TAKE_SNAPSHOT, group.facilitator, { name: "Mine" })).data!
      .takeSnapshot;
    const response = await compare(group.id, other.facilitator, snapshot.id);

    expect(response.errors).toBeUndefined();
    expect(response.data!.assessment).toBeNull();
  });
});
