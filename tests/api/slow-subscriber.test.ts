import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import WebSocket from "ws";
import { request, socketClient, startServer, subscribe } from "./harness.ts";
import { CHANGED, CREATE, SET_ANSWER } from "./operations.ts";

// Small, so that a client that stops reading passes it after a few hundred changes.
const MAX_QUEUED = 8;
// Subscriptions that the stalled client opens on its one socket, so that the
// socket's kernel buffers fill with fewer changes.
const STALLED_SUBSCRIPTIONS = 100;

let server: Awaited<ReturnType<typeof startServer>>;
const warnings: string[] = [];
beforeAll(async () => {
  const logger = pino({ level: "warn" }, { write: (line: string) => void warnings.push(line) });
  server = await startServer({
    maxQueuedEvents: MAX_QUEUED,
    logger,
    // The test opens more subscriptions on one socket, and makes more changes
    // with one token, than the default limits allow.
    limits: {
      subscriptionsPerConnection: STALLED_SUBSCRIPTIONS + 10,
      mutationsPerMinutePerToken: 100_000,
      mutationsPerMinutePerClient: 100_000,
    },
  });
});
afterAll(() => server.stop());

const pauseReading = (socket: WebSocket) =>
  (socket as unknown as { _socket: { pause(): void } })._socket.pause();
const resumeReading = (socket: WebSocket) =>
  (socket as unknown as { _socket: { resume(): void } })._socket.resume();

/** Opens a raw graphql-ws socket with many subscriptions, then stops reading from it. */
async function stalledClient(id: string, token: string) {
  const socket = new WebSocket(
    `${server.url.replace("http", "ws")}/graphql`,
    "graphql-transport-ws",
  );
  await new Promise((resolve) => socket.once("open", resolve));
  socket.send(
    JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } }),
  );
  let subscribed = 0;
  const ready = new Promise<void>((resolve) => {
    socket.on("message", (data) => {
      const message = JSON.parse(String(data));
      if (message.type === "connection_ack") {
        for (let index = 0; index < STALLED_SUBSCRIPTIONS; index++) {
          const payload = { query: CHANGED, variables: { id } };
          socket.send(JSON.stringify({ id: String(index), type: "subscribe", payload }));
        }
      }
      if (message.type === "next" && ++subscribed === STALLED_SUBSCRIPTIONS) resolve();
    });
  });
  await ready;
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  pauseReading(socket);
  return { socket, closed };
}

describe("a subscriber that stops reading", () => {
  it("is disconnected while others get every change", async () => {
    const created = (await request(server.url, CREATE, { name: "Acme", facilitatorName: "Priya" }))
      .data!.createAssessment;
    const id: string = created.assessment.id;
    const token: string = created.token;
    const stalled = await stalledClient(id, token);
    const client = socketClient(server.url, token);
    const healthy = subscribe(client, CHANGED, { id });
    await healthy.nth(1);

    // Each change alternates one question between two levels, so each is accepted.
    const disconnected = () => warnings.some((line) => line.includes("stopped reading"));
    let revision = 0;
    while (!disconnected() && revision < 2000) {
      const level = (revision % 2) + 1;
      const variables = { assessmentId: id, questionKey: "data/retention", level };
      await request(server.url, SET_ANSWER, variables, token);
      revision++;
    }
    await healthy.change(revision, 10_000);
    resumeReading(stalled.socket);
    await stalled.closed;
    const returning = socketClient(server.url, token);
    const resubscribed = (await subscribe(returning, CHANGED, { id }).nth(1)).data!
      .assessmentChanged;
    await returning.dispose();
    await client.dispose();

    expect(disconnected()).toBe(true);
    const revisions = healthy.events.map((event) => event.data!.assessmentChanged.revision);
    expect(revisions).toEqual(Array.from({ length: revision + 1 }, (_, index) => index));
    expect(resubscribed).toMatchObject({ kind: "SUBSCRIBED", revision });
  });
});
