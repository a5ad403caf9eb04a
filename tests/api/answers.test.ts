import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, request, socketClient, startServer, subscribe } from "./harness.ts";
import { ASSESSMENT, CHANGED, CREATE, JOIN, RESET, SET_ANSWER } from "./operations.ts";

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => (server = await startServer()));
afterAll(() => server.stop());

/** Creates an assessment with a facilitator (Priya) and a participant (Sam). */
async function workshop() {
  const created = (await request(server.url, CREATE, { name: "Acme", facilitatorName: "Priya" }))
    .data!.createAssessment;
  const joined = (await request(server.url, JOIN, { code: created.joinCode, name: "Sam" })).data!
    .joinAssessment;
  const id: string = created.assessment.id;
  return {
    id,
    facilitator: created.token as string,
    participant: joined.token as string,
    read: async () =>
      (await request(server.url, ASSESSMENT, { id }, created.token)).data!.assessment,
    set: (token: string, variables: Record<string, unknown>) =>
      request(server.url, SET_ANSWER, { assessmentId: id, ...variables }, token),
  };
}

describe("setAnswer", () => {
  it("sends the change to another member's subscription", async () => {
    const group = await workshop();
    await group.set(group.participant, { questionKey: "security/risk-management", level: 2 });
    const client = socketClient(server.url, group.facilitator);
    const changes = subscribe(client, CHANGED, { id: group.id });
    const subscribed = (await changes.nth(1)).data!.assessmentChanged;

    const response = await group.set(group.participant, {
      questionKey: "security/supply-chain",
      level: 4,
    });
    const event = await changes.change(2);
    await client.dispose();

    expect(subscribed).toMatchObject({
      revision: 1,
      kind: "SUBSCRIBED",
      answer: null,
      answers: [],
    });
    expect(subscribed.overall).toEqual({ answered: 1, dontKnow: 0, score: 2 });
    expect(response.data!.setAnswer).toEqual({
      questionKey: "security/supply-chain",
      level: 4,
      dontKnow: false,
      version: 1,
      updatedBy: { name: "Sam" },
    });
    expect(event.revision).toBe(2);
    expect(event.kind).toBe("ANSWER_SET");
    expect(event.sectionKey).toBe("security");
    expect(event.answer).toEqual(response.data!.setAnswer);
    expect(event.sections.find((s: { key: string }) => s.key === "security")).toEqual({
      key: "security",
      answered: 2,
      dontKnow: 0,
      score: 3,
    });
    expect(event.overall).toEqual({ answered: 2, dontKnow: 0, score: 3 });
  });

  it("grows the revision by one per accepted change", async () => {
    const group = await workshop();
    await group.set(group.participant, { questionKey: "data/retention", level: 1 });
    await group.set(group.facilitator, { questionKey: "data/retention", level: 2 });
    await group.set(group.participant, { questionKey: "data/retention", dontKnow: true });
    const assessment = await group.read();

    expect(assessment.revision).toBe(3);
    expect(assessment.answers).toEqual([
      {
        questionKey: "data/retention",
        level: null,
        dontKnow: true,
        version: 3,
        updatedBy: { name: "Sam" },
      },
    ]);
    expect(assessment.sections.find((s: { key: string }) => s.key === "data")).toMatchObject({
      answered: 0,
      dontKnow: 1,
      score: null,
    });
  });

  it("changes nothing when the answer already has that value", async () => {
    const group = await workshop();
    await group.set(group.participant, { questionKey: "data/retention", level: 3 });
    const again = await group.set(group.facilitator, { questionKey: "data/retention", level: 3 });
    const assessment = await group.read();

    expect(again.data!.setAnswer.version).toBe(1);
    expect(again.data!.setAnswer.updatedBy).toEqual({ name: "Sam" });
    expect(assessment.revision).toBe(1);
  });

  it.each([
    ["an unknown question", { questionKey: "security/nope", level: 3 }, "BAD_USER_INPUT"],
    ["a question key without section", { questionKey: "supply-chain", level: 3 }, "BAD_USER_INPUT"],
    ["level 0", { questionKey: "security/supply-chain", level: 0 }, "BAD_USER_INPUT"],
    ["level 6", { questionKey: "security/supply-chain", level: 6 }, "BAD_USER_INPUT"],
    ["level -1", { questionKey: "security/supply-chain", level: -1 }, "BAD_USER_INPUT"],
    [
      "both level and dontKnow",
      { questionKey: "security/supply-chain", level: 2, dontKnow: true },
      "BAD_USER_INPUT",
    ],
    ["neither level nor dontKnow", { questionKey: "security/supply-chain" }, "BAD_USER_INPUT"],
    [
      "dontKnow false alone",
      { questionKey: "security/supply-chain", dontKnow: false },
      "BAD_USER_INPUT",
    ],
  ])("rejects %s and changes nothing", async (_case, variables, code) => {
    const group = await workshop();
    await group.set(group.participant, { questionKey: "security/supply-chain", level: 1 });
    const response = await group.set(group.participant, variables);
    const assessment = await group.read();

    expect(codeOf(response)).toBe(code);
    expect(response.data).toBeNull();
    expect(assessment.revision).toBe(1);
    expect(assessment.answers).toHaveLength(1);
    expect(assessment.answers[0]).toMatchObject({ level: 1, version: 1 });
  });

  it("rejects a level that is not an integer", async () => {
    const group = await workshop();
    const response = await request(
      server.url,
      `mutation { setAnswer(assessmentId: "${group.id}", questionKey: "data/retention", level: 2.5) { version } }`,
      {},
      group.participant,
    );

    expect(response.errors).toHaveLength(1);
    expect((await group.read()).revision).toBe(0);
  });
});

describe("expectedVersion", () => {
  it("accepts the current version", async () => {
    const group = await workshop();
    await group.set(group.participant, { questionKey: "data/retention", level: 1 });
    const response = await group.set(group.facilitator, {
      questionKey: "data/retention",
      level: 2,
      expectedVersion: 1,
    });

    expect(response.data!.setAnswer).toMatchObject({ level: 2, version: 2 });
  });

  it("accepts version 0 for a question nobody answered", async () => {
    const group = await workshop();
    const response = await group.set(group.participant, {
      questionKey: "data/retention",
      level: 5,
      expectedVersion: 0,
    });

    expect(response.data!.setAnswer).toMatchObject({ level: 5, version: 1 });
  });

  it("rejects a stale version with CONFLICT and the current answer", async () => {
    const group = await workshop();
    await group.set(group.participant, { questionKey: "data/retention", level: 1 });
    await group.set(group.participant, { questionKey: "data/retention", level: 4 });
    const response = await group.set(group.facilitator, {
      questionKey: "data/retention",
      level: 2,
      expectedVersion: 1,
    });
    const assessment = await group.read();

    expect(codeOf(response)).toBe("CONFLICT");
    expect(response.errors![0].extensions!.currentAnswer).toMatchObject({
      questionKey: "data/retention",
      level: 4,
      version: 2,
      updatedBy: { name: "Sam" },
    });
    expect(assessment.revision).toBe(2);
    expect(assessment.answers[0]).toMatchObject({ level: 4, version: 2 });
  });
});

describe("resetSection", () => {
  it("clears the section for everyone as one revision", async () => {
    const group = await workshop();
    await group.set(group.participant, { questionKey: "security/supply-chain", level: 2 });
    await group.set(group.participant, { questionKey: "security/risk-management", dontKnow: true });
    await group.set(group.participant, { questionKey: "data/retention", level: 5 });
    const client = socketClient(server.url, group.participant);
    const changes = subscribe(client, CHANGED, { id: group.id });
    await changes.nth(1);
    await group.set(group.participant, { questionKey: "data/classification", level: 1 });

    const response = await request(
      server.url,
      RESET,
      { assessmentId: group.id, sectionKey: "security" },
      group.facilitator,
    );
    const event = await changes.change(5);
    await client.dispose();
    const assessment = await group.read();

    expect(response.data!.resetSection.revision).toBe(5);
    expect(event).toMatchObject({ revision: 5, kind: "SECTION_RESET", sectionKey: "security" });
    expect(event.answer).toBeNull();
    expect(event.answers).toHaveLength(2);
    expect(
      event.answers.every(
        (a: { level: unknown; dontKnow: boolean }) => a.level === null && !a.dontKnow,
      ),
    ).toBe(true);
    expect(assessment.sections.find((s: { key: string }) => s.key === "security")).toEqual({
      key: "security",
      total: 14,
      answered: 0,
      dontKnow: 0,
      score: null,
    });
    expect(assessment.sections.find((s: { key: string }) => s.key === "data")).toMatchObject({
      answered: 2,
    });
  });

  it("changes nothing in a section with no answers", async () => {
    const group = await workshop();
    const response = await request(
      server.url,
      RESET,
      { assessmentId: group.id, sectionKey: "people" },
      group.facilitator,
    );

    expect(response.data!.resetSection.revision).toBe(0);
  });

  it("rejects an unknown section", async () => {
    const group = await workshop();
    const response = await request(
      server.url,
      RESET,
      { assessmentId: group.id, sectionKey: "nope" },
      group.facilitator,
    );

    expect(codeOf(response)).toBe("BAD_USER_INPUT");
  });
});

describe("concurrent changes", () => {
  it("gives each change its own revision, delivered in order", async () => {
    const group = await workshop();
    const client = socketClient(server.url, group.facilitator);
    const changes = subscribe(client, CHANGED, { id: group.id });
    await changes.nth(1);
    await group.set(group.participant, { questionKey: "people/training", level: 1 });

    const keys = [
      ...[
        "cost/capacity",
        "cost/compute",
        "cost/carbon",
        "cost/spending",
        "cost/workload-location",
      ],
      ...["governance/provisioning", "governance/version-control", "operations/monitoring"],
      ...["security/supply-chain", "security/vulnerabilities", "security/network-access"],
      ...["technology/current-stack", "technology/technology-choice", "data/retention"],
    ];
    const responses = await Promise.all(
      keys.map((questionKey, index) =>
        group.set(index % 2 ? group.participant : group.facilitator, {
          questionKey,
          level: (index % 5) + 1,
        }),
      ),
    );
    const last = await changes.change(keys.length + 1);
    await client.dispose();
    const assessment = await group.read();

    expect(responses.every((response) => !response.errors)).toBe(true);
    expect(changes.events.map((event) => event.data!.assessmentChanged.revision)).toEqual(
      Array.from({ length: keys.length + 2 }, (_, index) => index),
    );
    expect(last.overall.answered).toBe(keys.length + 1);
    expect(assessment.revision).toBe(keys.length + 1);
    expect(assessment.overall.answered).toBe(keys.length + 1);
  });
});
