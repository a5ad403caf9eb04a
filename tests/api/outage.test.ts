import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canRunPostgres, canRunRedis, createPostgres, createRedis } from "../services/throwaway.ts";
import { codeOf, request, socketClient, startServer, subscribe } from "./harness.ts";
import { ASSESSMENT, CHANGED, CREATE, SET_ANSWER } from "./operations.ts";

// Private servers on ports of this project's range, so that stopping them
// disturbs nobody else.
const POSTGRES_PORT = 4261;
const REDIS_PORT = 4262;

const runnable = canRunPostgres() && canRunRedis();
if (!runnable) {
  // eslint-disable-next-line no-console -- the notice must show in the test output
  console.warn("SKIPPED outage tests: PostgreSQL binaries or redis-server not installed");
}

describe.skipIf(!runnable)("outages", () => {
  let postgres: Awaited<ReturnType<typeof createPostgres>>;
  const redis = createRedis(REDIS_PORT);
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    postgres = await createPostgres(POSTGRES_PORT);
    await Promise.all([postgres.start(), redis.start()]);
    server = await startServer({
      databaseUrl: postgres.url,
      redisUrl: redis.url,
      redisChannelPrefix: "cma_scale_outage:",
    });
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await redis.stop();
    await postgres?.remove();
  });

  async function workshop() {
    const created = (await request(server.url, CREATE, { name: "Acme", facilitatorName: "Priya" }))
      .data!.createAssessment;
    const id: string = created.assessment.id;
    const token: string = created.token;
    return {
      id,
      token,
      set: (questionKey: string, level: number) =>
        request(server.url, SET_ANSWER, { assessmentId: id, questionKey, level }, token),
    };
  }

  it("rejects writes while PostgreSQL is down and keeps what it acknowledged", async () => {
    const group = await workshop();
    expect((await group.set("data/retention", 2)).errors).toBeUndefined();
    expect((await group.set("cost/carbon", 4)).errors).toBeUndefined();

    postgres.stop();
    const refused = await group.set("data/retention", 5);
    const health = await fetch(`${server.url}/healthz`);

    expect(codeOf(refused)).toBe("INTERNAL_SERVER_ERROR");
    expect(refused.errors![0].extensions!.reason).toBe("DATABASE_UNAVAILABLE");
    expect(refused.errors![0].message).toContain("database is unreachable");
    expect(health.status).toBe(503);

    await postgres.start();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const accepted = await group.set("data/classification", 3);
    const assessment = (await request(server.url, ASSESSMENT, { id: group.id }, group.token)).data!
      .assessment;

    expect(accepted.errors).toBeUndefined();
    expect(assessment.revision).toBe(3);
    expect(
      assessment.answers.map((a: { questionKey: string; level: number }) => [
        a.questionKey,
        a.level,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ["data/retention", 2],
        ["cost/carbon", 4],
        ["data/classification", 3],
      ]),
    );
  });

  it("resyncs subscribers once Redis is back", async () => {
    const group = await workshop();
    const client = socketClient(server.url, group.token);
    const changes = subscribe(client, CHANGED, { id: group.id });
    await changes.nth(1);
    await group.set("data/retention", 1);
    await changes.change(1);

    await redis.stop();
    // Accepted while Redis is away, so its event reaches no one.
    const whileAway = await group.set("data/retention", 2);
    expect(whileAway.errors).toBeUndefined();
    await redis.start();

    const resynced = () =>
      changes.events.find(
        (event, index) =>
          index > 0 &&
          event.data!.assessmentChanged.kind === "SUBSCRIBED" &&
          event.data!.assessmentChanged.revision === 2,
      );
    await changes.nth(3, 20_000);
    await group.set("data/retention", 3);
    const live = await changes.change(3, 10_000);
    await client.dispose();

    expect(resynced()).toBeDefined();
    expect(live.answer.level).toBe(3);
  });
});
