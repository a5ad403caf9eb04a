import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  redisUrl,
  sharedServicesAvailable,
  testChannelPrefix,
} from "../services/shared.ts";
import {
  newDataDir,
  request,
  socketClient,
  startProcess,
  stopProcess,
  subscribe,
} from "./harness.ts";
import { CHANGED, CREATE, JOIN, SET_ANSWER } from "./operations.ts";

const available = await sharedServicesAvailable("scale-out tests");

describe.skipIf(!available)("two instances on PostgreSQL and Redis", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let first: Awaited<ReturnType<typeof startProcess>>;
  let second: Awaited<ReturnType<typeof startProcess>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      REDIS_CHANNEL_PREFIX: testChannelPrefix(),
    };
    // Started together, so that both reach the migration step at once.
    [first, second] = await Promise.all([
      startProcess(await newDataDir(), env),
      startProcess(await newDataDir(), env),
    ]);
  });

  afterAll(async () => {
    for (const server of [first, second]) {
      if (server && server.child.exitCode === null) await stopProcess(server.child);
    }
    await database?.drop();
  });

  async function workshop() {
    const created = (await request(first.url, CREATE, { name: "Acme", facilitatorName: "Priya" }))
      .data!.createAssessment;
    const joined = (await request(second.url, JOIN, { code: created.joinCode, name: "Sam" })).data!
      .joinAssessment;
    return {
      id: created.assessment.id as string,
      facilitator: created.token as string,
      participant: joined.token as string,
    };
  }

  it("serves both instances from one migrated database", async () => {
    const group = await workshop();
    const response = await request(
      second.url,
      `query ($id: ID!) { assessment(id: $id) { name revision } }`,
      { id: group.id },
      group.facilitator,
    );

    expect(response.data!.assessment).toEqual({ name: "Acme", revision: 0 });
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
  });

  it("delivers changes through either instance to a subscriber on one", async () => {
    const group = await workshop();
    const client = socketClient(first.url, group.facilitator);
    const changes = subscribe(client, CHANGED, { id: group.id });
    await changes.nth(1);

    // Sent at once, half through each instance, so that commits interleave.
    // Each sets another question, so that every one is a change.
    const questions = (
      await request(first.url, `{ questionnaire { sections { questions { key } } } }`)
    ).data!.questionnaire.sections.flatMap((section: { questions: { key: string }[] }) =>
      section.questions.map((question) => question.key),
    );
    const count = 40;
    const responses = await Promise.all(
      Array.from({ length: count }, (_, index) =>
        request(
          index % 2 === 0 ? first.url : second.url,
          SET_ANSWER,
          {
            assessmentId: group.id,
            questionKey: questions[index],
            level: (index % 5) + 1,
          },
          index % 2 === 0 ? group.facilitator : group.participant,
        ),
      ),
    );
    await changes.change(count, 10_000);
    await client.dispose();

    expect(responses.filter((response) => response.errors)).toEqual([]);
    const revisions = changes.events.map((event) => event.data!.assessmentChanged.revision);
    expect(revisions).toEqual(Array.from({ length: count + 1 }, (_, index) => index));
  });

  it("applies the migration once when both start at once", () => {
    const applied = [...first.log, ...second.log].filter((line) =>
      line.includes('"applied migrations"'),
    );

    expect(applied).toHaveLength(1);
  });
});
