import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { codeOf, request, socketClient, startServer, subscribe } from "./harness.ts";
import { ASSESSMENT, CHANGED, CREATE, JOIN, SET_ANSWER } from "./operations.ts";

const CREATE_TOKEN = `
  mutation Token($assessmentId: ID!, $name: String!) {
    createIntegrationToken(assessmentId: $assessmentId, name: $name) {
      token
      integrationToken { id name lastUsedAt revokedAt }
    }
  }`;
const REVOKE_TOKEN = `mutation Revoke($id: ID!) { revokeIntegrationToken(id: $id) { id revokedAt } }`;
const TOKENS = `query Tokens($id: ID!) { assessment(id: $id) { integrationTokens { name lastUsedAt } } }`;
const REMOVE = `
  mutation Remove($assessmentId: ID!, $participantId: ID!) {
    removeParticipant(assessmentId: $assessmentId, participantId: $participantId) { id }
  }`;

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => (server = await startServer()));
afterAll(() => server.stop());

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
    participantId: joined.participant.id as string,
    revision: async () =>
      (await request(server.url, ASSESSMENT, { id }, created.token)).data!.assessment.revision,
  };
}

/** Opens a raw graphql-transport-ws socket and resolves with its close code. */
function closeCodeOf(url: string, init: Record<string, unknown>, headers = {}) {
  const socket = new WebSocket(`${url.replace("http", "ws")}/graphql`, "graphql-transport-ws", {
    headers,
  });
  socket.on("open", () => socket.send(JSON.stringify({ type: "connection_init", payload: init })));
  return new Promise<number>((resolveClose, rejectSocket) => {
    socket.once("close", (code) => resolveClose(code));
    socket.once("error", rejectSocket);
  });
}

describe("tokens", () => {
  it("rejects a mutation without a token", async () => {
    const group = await workshop();
    const response = await request(server.url, SET_ANSWER, {
      assessmentId: group.id,
      questionKey: "data/retention",
      level: 2,
    });

    expect(codeOf(response)).toBe("UNAUTHENTICATED");
    expect(await group.revision()).toBe(0);
  });

  it("rejects a subscription without a token", async () => {
    const group = await workshop();
    const client = socketClient(server.url);
    const { failure, events } = await subscribe(client, CHANGED, { id: group.id }).failed();
    await client.dispose();

    const errors = (events[0]?.errors ?? failure) as { extensions?: { code?: string } }[];
    expect(errors[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("closes a websocket that presents a forged token", async () => {
    const code = await closeCodeOf(server.url, { authorization: "Bearer forged" });
    expect(code).toBe(4403);
  });

  it("rejects a forged integration token", async () => {
    const group = await workshop();
    const response = await request(server.url, ASSESSMENT, { id: group.id }, "cmi_forged");
    expect(codeOf(response)).toBe("UNAUTHENTICATED");
  });
});

describe("integration tokens", () => {
  it("read the assessment but cannot change it", async () => {
    const group = await workshop();
    const created = (
      await request(
        server.url,
        CREATE_TOKEN,
        { assessmentId: group.id, name: "Dashboard" },
        group.facilitator,
      )
    ).data!.createIntegrationToken;
    const read = await request(server.url, ASSESSMENT, { id: group.id }, created.token);
    const write = await request(
      server.url,
      SET_ANSWER,
      { assessmentId: group.id, questionKey: "data/retention", level: 2 },
      created.token,
    );
    const listed = await request(server.url, TOKENS, { id: group.id }, group.facilitator);

    expect(created.token).toMatch(/^cmi_[A-Za-z0-9_-]{43}$/);
    expect(created.integrationToken).toMatchObject({ name: "Dashboard", lastUsedAt: null });
    expect(read.data!.assessment.id).toBe(group.id);
    expect(codeOf(write)).toBe("FORBIDDEN");
    expect(await group.revision()).toBe(0);
    expect(listed.data!.assessment.integrationTokens[0].lastUsedAt).not.toBeNull();
  });

  it("can be created by the facilitator only", async () => {
    const group = await workshop();
    const response = await request(
      server.url,
      CREATE_TOKEN,
      { assessmentId: group.id, name: "Dashboard" },
      group.participant,
    );
    const listed = await request(server.url, TOKENS, { id: group.id }, group.participant);

    expect(codeOf(response)).toBe("FORBIDDEN");
    expect(codeOf(listed)).toBe("FORBIDDEN");
  });

  it("stop working and lose their websocket when revoked", async () => {
    const group = await workshop();
    const created = (
      await request(
        server.url,
        CREATE_TOKEN,
        { assessmentId: group.id, name: "Feed" },
        group.facilitator,
      )
    ).data!.createIntegrationToken;
    const client = socketClient(server.url, created.token);
    const changes = subscribe(client, CHANGED, { id: group.id });
    await changes.nth(1);

    const revoked = await request(
      server.url,
      REVOKE_TOKEN,
      { id: created.integrationToken.id },
      group.facilitator,
    );
    const closed = await changes.closed();
    const after = await request(server.url, ASSESSMENT, { id: group.id }, created.token);
    await client.dispose();

    expect(revoked.data!.revokeIntegrationToken.revokedAt).not.toBeNull();
    expect(closed?.code).toBe(4403);
    expect(codeOf(after)).toBe("UNAUTHENTICATED");
  });

  it("cannot be revoked from another assessment", async () => {
    const mine = await workshop();
    const theirs = await workshop();
    const created = (
      await request(
        server.url,
        CREATE_TOKEN,
        { assessmentId: theirs.id, name: "Feed" },
        theirs.facilitator,
      )
    ).data!.createIntegrationToken;
    const response = await request(
      server.url,
      REVOKE_TOKEN,
      { id: created.integrationToken.id },
      mine.facilitator,
    );
    const stillWorks = await request(server.url, ASSESSMENT, { id: theirs.id }, created.token);

    expect(codeOf(response)).toBe("FORBIDDEN");
    expect(stillWorks.data!.assessment.id).toBe(theirs.id);
  });
});

describe("removing a member", () => {
  it("ends their token and closes their open websocket", async () => {
    const group = await workshop();
    const client = socketClient(server.url, group.participant);
    const changes = subscribe(client, CHANGED, { id: group.id });
    await changes.nth(1);

    const removed = await request(
      server.url,
      REMOVE,
      { assessmentId: group.id, participantId: group.participantId },
      group.facilitator,
    );
    const closed = await changes.closed();
    const write = await request(
      server.url,
      SET_ANSWER,
      { assessmentId: group.id, questionKey: "data/retention", level: 2 },
      group.participant,
    );
    await client.dispose();

    expect(removed.data!.removeParticipant.id).toBe(group.participantId);
    expect(closed?.code).toBe(4403);
    expect(codeOf(write)).toBe("UNAUTHENTICATED");
    expect(await group.revision()).toBe(0);
  });

  it("is for the facilitator only", async () => {
    const group = await workshop();
    const response = await request(
      server.url,
      REMOVE,
      { assessmentId: group.id, participantId: group.participantId },
      group.participant,
    );

    expect(codeOf(response)).toBe("FORBIDDEN");
  });
});

describe("request limits", () => {
  const expectRefused = (
    response: { errors?: { message: string; extensions?: any }[] },
    topic: RegExp,
  ) => {
    expect(response.errors?.length).toBeGreaterThan(0);
    expect(response.errors!.some((error) => topic.test(error.message))).toBe(true);
    expect(response.errors!.every((error) => error.extensions?.code === "BAD_USER_INPUT")).toBe(
      true,
    );
    expect(JSON.stringify(response)).not.toMatch(/stack|prisma|at .*\.ts:/i);
  };

  it("rejects a query nested too deep", async () => {
    const query = `{ ${"questionnaire { ".repeat(50)}version${" }".repeat(50)} }`;
    expectRefused(await request(server.url, query), /depth/i);
  });

  it("rejects too many aliases", async () => {
    const fields = Array.from({ length: 40 }, (_, index) => `v${index}: questionnaire { version }`);
    expectRefused(await request(server.url, `{ ${fields.join(" ")} }`), /alias/i);
  });

  it("rejects a query with too many tokens", async () => {
    const fields = Array.from({ length: 2500 }, () => "__typename").join(" ");
    expectRefused(await request(server.url, `{ ${fields} }`), /token/i);
  });

  it("applies the same limits over the websocket", async () => {
    const client = socketClient(server.url);
    const query = `subscription { ${'assessmentChanged(assessmentId: "x") { '.repeat(30)}revision${" }".repeat(30)} }`;
    const { failure, events } = await subscribe(client, query, {}).failed();
    await client.dispose();

    const errors = (events[0]?.errors ?? failure) as { message: string; extensions?: any }[];
    expect(errors.some((error) => /depth/i.test(error.message))).toBe(true);
  });

  it("rejects a body over 1 MB with 413", async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: "{ questionnaire { version } }",
        padding: "x".repeat(1_100_000),
      }),
    });
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("closes a websocket that sends a frame over 64 KB", async () => {
    const socket = new WebSocket(
      `${server.url.replace("http", "ws")}/graphql`,
      "graphql-transport-ws",
    );
    await new Promise((resolveOpen) => socket.once("open", resolveOpen));
    const closed = new Promise<number>((resolveClose) => socket.once("close", resolveClose));
    socket.send(
      JSON.stringify({ type: "connection_init", payload: { padding: "x".repeat(70_000) } }),
    );

    expect(await closed).toBe(1009);
  });

  it("refuses a websocket from a foreign origin", async () => {
    const foreign = await closeCodeOrStatus(server.url, "http://evil.example");
    const same = await closeCodeOrStatus(server.url, server.url);

    expect(foreign).toBe("status 403");
    expect(same).toBe("open");
  });

  it("refuses a GET query without the CSRF header", async () => {
    const url = `${server.url}/graphql?query=${encodeURIComponent("{ questionnaire { version } }")}`;
    const plain = await fetch(url, { headers: { accept: "application/json" } });
    const marked = await fetch(url, {
      headers: { accept: "application/json", "x-graphql-csrf": "1" },
    });

    expect(plain.status).toBe(403);
    expect(marked.status).toBe(200);
  });

  it("serves GraphiQL to a browser", async () => {
    const response = await fetch(`${server.url}/graphql`, { headers: { accept: "text/html" } });

    expect(response.status).toBe(200);
    expect(await response.text()).toContain("GraphiQL");
  });
});

describe("rate limits", () => {
  let limited: Awaited<ReturnType<typeof startServer>>;
  let created: Record<string, any>;
  beforeAll(async () => {
    limited = await startServer({
      limits: {
        mutationsPerMinutePerToken: 3,
        joinsPerMinutePerClient: 4,
        connectionsPerClient: 2,
        subscriptionsPerConnection: 2,
      },
    });
    // Created first, because creating counts against the per-client join budget.
    created = (await request(limited.url, CREATE, { name: "Acme", facilitatorName: "Priya" })).data!
      .createAssessment;
  });
  afterAll(() => limited.stop());

  it("rejects a token's mutations past its budget and applies none of them", async () => {
    const id = created.assessment.id;
    const levels = [1, 2, 3, 4, 5];
    const responses = [];
    for (const level of levels) {
      responses.push(
        await request(
          limited.url,
          SET_ANSWER,
          { assessmentId: id, questionKey: "data/retention", level },
          created.token,
        ),
      );
    }
    const after = (await request(limited.url, ASSESSMENT, { id }, created.token)).data!.assessment;

    expect(responses.slice(0, 3).every((response) => !response.errors)).toBe(true);
    expect(codeOf(responses[3])).toBe("RATE_LIMITED");
    expect(responses[3].errors![0].extensions!.retryAfter).toBeGreaterThan(0);
    expect(after.revision).toBe(3);
    expect(after.answers[0].level).toBe(3);
  });

  it("limits joins per client", async () => {
    const codes = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      codes.push(codeOf(await request(limited.url, JOIN, { code: "ZZZZZZ", name: "Guess" })));
    }

    expect(codes).toContain("RATE_LIMITED");
    expect(codes.indexOf("RATE_LIMITED")).toBeGreaterThan(0);
  });

  it("caps subscriptions per websocket", async () => {
    const client = socketClient(limited.url, created.token);
    const variables = { id: created.assessment.id };
    const first = subscribe(client, CHANGED, variables);
    const second = subscribe(client, CHANGED, variables);
    await first.nth(1);
    await second.nth(1);

    const { failure } = await subscribe(client, CHANGED, variables).failed();
    await client.dispose();

    const errors = failure as { extensions?: { code?: string } }[];
    expect(errors[0].extensions?.code).toBe("RATE_LIMITED");
  });

  it("caps open websockets per client", async () => {
    const first = await closeCodeOrStatus(limited.url, undefined, true);
    const second = await closeCodeOrStatus(limited.url, undefined, true);
    const third = await closeCodeOrStatus(limited.url);

    expect([first, second]).toEqual(["open", "open"]);
    expect(third).toBe("status 429");
  });
});

const openSockets: WebSocket[] = [];
afterAll(() => openSockets.forEach((socket) => socket.terminate()));

/** Opens a websocket with an Origin and tells whether it opened or which status refused it. */
function closeCodeOrStatus(url: string, origin?: string, keepOpen = false) {
  const socket = new WebSocket(`${url.replace("http", "ws")}/graphql`, "graphql-transport-ws", {
    headers: origin ? { origin } : {},
  });
  return new Promise<string>((resolveOutcome) => {
    socket.once("open", () => {
      if (keepOpen) openSockets.push(socket);
      else socket.close();
      resolveOutcome("open");
    });
    socket.once("unexpected-response", (_request, response) => {
      resolveOutcome(`status ${response.statusCode}`);
    });
    socket.once("error", () => resolveOutcome("error"));
  });
}
