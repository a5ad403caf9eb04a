import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, request, socketClient, startServer, subscribe } from "./harness.ts";
import { ASSESSMENT, CHANGED, CREATE, JOIN, SET_ANSWER } from "./operations.ts";

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => (server = await startServer()));
afterAll(() => server.stop());

async function createAssessment(name = "Acme", facilitatorName = "Priya") {
  const response = await request(server.url, CREATE, { name, facilitatorName });
  return response.data!.createAssessment;
}

describe("createAssessment", () => {
  it("returns a token, a join code and the facilitator", async () => {
    const created = await createAssessment("  Acme Ltd  ", "Priya");

    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.joinCode).toMatch(/^[A-Z2-9]{6}$/);
    expect(created.participant).toMatchObject({ name: "Priya", role: "FACILITATOR" });
    expect(created.assessment).toMatchObject({ name: "Acme Ltd", revision: 0 });
    expect(created.assessment.joinCode).toBe(created.joinCode);
    expect(created.assessment.questionnaireVersion).toMatch(/^[0-9a-f]{12}$/);
  });

  it("starts with every section open", async () => {
    const created = await createAssessment();
    const response = await request(
      server.url,
      ASSESSMENT,
      { id: created.assessment.id },
      created.token,
    );
    const { sections, overall } = response.data!.assessment;

    expect(sections.map((s: { key: string }) => s.key)).toEqual([
      "cost",
      "data",
      "governance",
      "operations",
      "people",
      "security",
      "technology",
    ]);
    expect(sections.find((s: { key: string }) => s.key === "security")).toEqual({
      key: "security",
      total: 14,
      answered: 0,
      dontKnow: 0,
      score: null,
    });
    expect(overall).toEqual({ total: 47, answered: 0, dontKnow: 0, score: null });
  });

  it.each([
    ["an empty name", { name: "   ", facilitatorName: "Priya" }, "name"],
    ["a huge name", { name: "x".repeat(121), facilitatorName: "Priya" }, "name"],
    ["an empty facilitator name", { name: "Acme", facilitatorName: "" }, "facilitatorName"],
    [
      "a huge facilitator name",
      { name: "Acme", facilitatorName: "x".repeat(10_000) },
      "facilitatorName",
    ],
    ["a control character", { name: "Acme", facilitatorName: "Pri\u0007ya" }, "facilitatorName"],
    ["only an invisible space", { name: "Acme", facilitatorName: "\u200b" }, "facilitatorName"],
    [
      "a right-to-left override",
      { name: "Acme", facilitatorName: "\u202enaigrevs" },
      "facilitatorName",
    ],
  ])("rejects %s with BAD_USER_INPUT", async (_case, variables, field) => {
    const response = await request(server.url, CREATE, variables);

    expect(codeOf(response)).toBe("BAD_USER_INPUT");
    expect(response.errors![0].extensions!.field).toBe(field);
    expect(response.data).toBeNull();
  });
});

describe("joinAssessment", () => {
  it("joins by code as a participant without seeing the code", async () => {
    const created = await createAssessment();
    const response = await request(server.url, JOIN, { code: created.joinCode, name: "Sam" });
    const joined = response.data!.joinAssessment;

    expect(joined.assessment.id).toBe(created.assessment.id);
    expect(joined.participant).toMatchObject({ name: "Sam", role: "PARTICIPANT" });
    expect(joined.joinCode).toBeNull();
    expect(joined.assessment.joinCode).toBeNull();
    expect(joined.token).not.toBe(created.token);
  });

  it("accepts a code typed in lower case with a dash", async () => {
    const created = await createAssessment();
    const typed = `${created.joinCode.slice(0, 3)}-${created.joinCode.slice(3)}`.toLowerCase();
    const response = await request(server.url, JOIN, { code: typed, name: "Sam" });

    expect(response.data!.joinAssessment.assessment.id).toBe(created.assessment.id);
  });

  it("lists every member on the assessment", async () => {
    const created = await createAssessment();
    await request(server.url, JOIN, { code: created.joinCode, name: "Sam" });
    await request(server.url, JOIN, { code: created.joinCode, name: "Ola", role: "OBSERVER" });
    const response = await request(
      server.url,
      ASSESSMENT,
      { id: created.assessment.id },
      created.token,
    );

    expect(response.data!.assessment.participants).toEqual([
      { name: "Priya", role: "FACILITATOR" },
      { name: "Sam", role: "PARTICIPANT" },
      { name: "Ola", role: "OBSERVER" },
    ]);
  });

  it("takes a null role as a participant", async () => {
    const created = await createAssessment();
    const response = await request(server.url, JOIN, {
      code: created.joinCode,
      name: "Sam",
      role: null,
    });

    expect(response.data!.joinAssessment.participant.role).toBe("PARTICIPANT");
  });

  it("rejects a wrong code with NOT_FOUND", async () => {
    const response = await request(server.url, JOIN, { code: "ZZZZZZ", name: "Sam" });
    expect(codeOf(response)).toBe("NOT_FOUND");
  });

  it("rejects a malformed code with BAD_USER_INPUT", async () => {
    const response = await request(server.url, JOIN, { code: "12", name: "Sam" });
    expect(codeOf(response)).toBe("BAD_USER_INPUT");
  });

  it.each([
    ["an empty name", ""],
    ["a huge name", "y".repeat(61)],
  ])("rejects %s and adds nobody", async (_case, name) => {
    const created = await createAssessment();
    const response = await request(server.url, JOIN, { code: created.joinCode, name });
    const after = await request(
      server.url,
      ASSESSMENT,
      { id: created.assessment.id },
      created.token,
    );

    expect(codeOf(response)).toBe("BAD_USER_INPUT");
    expect(after.data!.assessment.participants).toHaveLength(1);
  });

  it("refuses the facilitator role with FORBIDDEN", async () => {
    const created = await createAssessment();
    const response = await request(server.url, JOIN, {
      code: created.joinCode,
      name: "Mallory",
      role: "FACILITATOR",
    });
    const after = await request(
      server.url,
      ASSESSMENT,
      { id: created.assessment.id },
      created.token,
    );

    expect(codeOf(response)).toBe("FORBIDDEN");
    expect(after.data!.assessment.participants).toHaveLength(1);
  });
});

describe("access", () => {
  it("requires a token to read an assessment", async () => {
    const created = await createAssessment();
    const response = await request(server.url, ASSESSMENT, { id: created.assessment.id });

    expect(codeOf(response)).toBe("UNAUTHENTICATED");
  });

  it("treats a forged token as no token", async () => {
    const created = await createAssessment();
    const response = await request(server.url, ASSESSMENT, { id: created.assessment.id }, "forged");

    expect(codeOf(response)).toBe("UNAUTHENTICATED");
  });

  it("gives null for another assessment, as for one that does not exist", async () => {
    const mine = await createAssessment();
    const theirs = await createAssessment("Other");
    const other = await request(server.url, ASSESSMENT, { id: theirs.assessment.id }, mine.token);
    const missing = await request(
      server.url,
      ASSESSMENT,
      { id: "00000000-0000-4000-8000-000000000000" },
      mine.token,
    );
    const malformed = await request(server.url, ASSESSMENT, { id: "not-an-id" }, mine.token);

    expect(other).toEqual({ data: { assessment: null } });
    expect(missing).toEqual({ data: { assessment: null } });
    expect(malformed).toEqual({ data: { assessment: null } });
  });

  it("refuses to change another assessment", async () => {
    const mine = await createAssessment();
    const theirs = await createAssessment("Other");
    const response = await request(
      server.url,
      SET_ANSWER,
      { assessmentId: theirs.assessment.id, questionKey: "security/supply-chain", level: 1 },
      mine.token,
    );
    const after = await request(server.url, ASSESSMENT, { id: theirs.assessment.id }, theirs.token);

    expect(codeOf(response)).toBe("FORBIDDEN");
    expect(after.data!.assessment.revision).toBe(0);
  });

  it("refuses a subscription to another assessment", async () => {
    const mine = await createAssessment();
    const theirs = await createAssessment("Other");
    const client = socketClient(server.url, mine.token);
    const subscription = subscribe(client, CHANGED, { id: theirs.assessment.id });
    const { failure, events } = await subscription.failed();
    await client.dispose();

    const errors = (events[0]?.errors ?? failure) as { extensions?: { code?: string } }[];
    expect(errors[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("lets an observer read but not answer", async () => {
    const created = await createAssessment();
    const joined = await request(server.url, JOIN, {
      code: created.joinCode,
      name: "Ola",
      role: "OBSERVER",
    });
    const token = joined.data!.joinAssessment.token;
    const write = await request(
      server.url,
      SET_ANSWER,
      { assessmentId: created.assessment.id, questionKey: "security/supply-chain", level: 3 },
      token,
    );
    const read = await request(server.url, ASSESSMENT, { id: created.assessment.id }, token);

    expect(codeOf(write)).toBe("FORBIDDEN");
    expect(read.data!.assessment.revision).toBe(0);
  });
});
