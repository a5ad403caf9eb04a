import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, request, socketClient, startServer, subscribe } from "./harness.ts";
import { ASSESSMENT, CREATE, JOIN, SET_ANSWER } from "./operations.ts";

const PRESENCE = `
  subscription Presence($id: ID!, $section: String) {
    presence(assessmentId: $id, sectionKey: $section) {
      online { participant { name } sectionKey }
      participants { name role }
    }
  }`;
const ROTATE = `mutation Rotate($id: ID!) { rotateJoinCode(assessmentId: $id) { joinCode } }`;
const HAND_OVER = `
  mutation HandOver($id: ID!, $to: ID!) {
    handOverFacilitator(assessmentId: $id, participantId: $to) { participants { name role } }
  }`;
const RECENT = `
  query Recent($id: ID!, $limit: Int!) {
    assessment(id: $id) {
      recentChanges(limit: $limit) {
        revision questionKey fromLevel fromDontKnow toLevel toDontKnow participant { name }
      }
    }
  }`;

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => (server = await startServer()));
afterAll(() => server.stop());

async function workshop() {
  const created = (await request(server.url, CREATE, { name: "Acme", facilitatorName: "Priya" }))
    .data!.createAssessment;
  const joined = (await request(server.url, JOIN, { code: created.joinCode, name: "Sam" })).data!
    .joinAssessment;
  return {
    id: created.assessment.id as string,
    code: created.joinCode as string,
    facilitator: created.token as string,
    participant: joined.token as string,
    participantId: joined.participant.id as string,
  };
}

/** The names online in a presence event, sorted, with their sections. */
const onlineIn = (event: { data?: any }) =>
  event.data.presence.online
    .map(
      (entry: { participant: { name: string }; sectionKey: string | null }) =>
        `${entry.participant.name}@${entry.sectionKey ?? "-"}`,
    )
    .sort();

describe("presence", () => {
  it("shows who is online and on which section, and drops those who leave", async () => {
    const group = await workshop();
    const priyaClient = socketClient(server.url, group.facilitator);
    const priya = subscribe(priyaClient, PRESENCE, { id: group.id });
    expect(onlineIn(await priya.nth(1))).toEqual(["Priya@-"]);

    const samClient = socketClient(server.url, group.participant);
    const sam = subscribe(samClient, PRESENCE, { id: group.id, section: "security" });
    await sam.nth(1);
    await priya.until((event) => onlineIn(event).includes("Sam@security"));

    await samClient.dispose();
    const last = await priya.until(
      (event) => !onlineIn(event).some((n: string) => n.startsWith("Sam")),
    );
    await priyaClient.dispose();

    expect(onlineIn(last)).toEqual(["Priya@-"]);
  });

  it("counts a person with two tabs once", async () => {
    const group = await workshop();
    const first = socketClient(server.url, group.participant);
    const second = socketClient(server.url, group.participant);
    await subscribe(first, PRESENCE, { id: group.id, section: "data" }).nth(1);
    const latest = subscribe(second, PRESENCE, { id: group.id, section: "people" });
    const event = await latest.until((e) => onlineIn(e).includes("Sam@people"));
    await first.dispose();
    await second.dispose();

    expect(onlineIn(event)).toEqual(["Sam@people"]);
  });

  it("tells every member when someone joins", async () => {
    const group = await workshop();
    const client = socketClient(server.url, group.facilitator);
    const presence = subscribe(client, PRESENCE, { id: group.id });
    await presence.nth(1);

    await request(server.url, JOIN, { code: group.code, name: "Ola", role: "OBSERVER" });
    const event = await presence.until((e) => e.data!.presence.participants.length === 3);
    await client.dispose();

    expect(event.data!.presence.participants).toEqual([
      { name: "Priya", role: "FACILITATOR" },
      { name: "Sam", role: "PARTICIPANT" },
      { name: "Ola", role: "OBSERVER" },
    ]);
  });

  it("is refused for another assessment", async () => {
    const mine = await workshop();
    const theirs = await workshop();
    const client = socketClient(server.url, mine.participant);
    const { failure, events } = await subscribe(client, PRESENCE, { id: theirs.id }).failed();
    await client.dispose();

    const errors = (events[0]?.errors ?? failure) as { extensions?: { code?: string } }[];
    expect(errors[0].extensions?.code).toBe("FORBIDDEN");
  });
});

describe("rotateJoinCode", () => {
  it("replaces the code so that the old one stops working", async () => {
    const group = await workshop();
    const rotated = await request(server.url, ROTATE, { id: group.id }, group.facilitator);
    const newCode = rotated.data!.rotateJoinCode.joinCode;
    const withOld = await request(server.url, JOIN, { code: group.code, name: "Late" });
    const withNew = await request(server.url, JOIN, { code: newCode, name: "Late" });

    expect(newCode).not.toBe(group.code);
    expect(codeOf(withOld)).toBe("NOT_FOUND");
    expect(withNew.data!.joinAssessment.assessment.id).toBe(group.id);
  });

  it("is for the facilitator only", async () => {
    const group = await workshop();
    const response = await request(server.url, ROTATE, { id: group.id }, group.participant);
    const stillWorks = await request(server.url, JOIN, { code: group.code, name: "Late" });

    expect(codeOf(response)).toBe("FORBIDDEN");
    expect(stillWorks.data!.joinAssessment).toBeTruthy();
  });
});

describe("handOverFacilitator", () => {
  it("swaps the roles at once", async () => {
    const group = await workshop();
    const response = await request(
      server.url,
      HAND_OVER,
      { id: group.id, to: group.participantId },
      group.facilitator,
    );
    const oldFacilitatorRotates = await request(
      server.url,
      ROTATE,
      { id: group.id },
      group.facilitator,
    );
    const newFacilitatorRotates = await request(
      server.url,
      ROTATE,
      { id: group.id },
      group.participant,
    );

    expect(response.data!.handOverFacilitator.participants).toEqual([
      { name: "Priya", role: "PARTICIPANT" },
      { name: "Sam", role: "FACILITATOR" },
    ]);
    expect(codeOf(oldFacilitatorRotates)).toBe("FORBIDDEN");
    expect(newFacilitatorRotates.data!.rotateJoinCode.joinCode).toMatch(/^[A-Z2-9]{6}$/);
  });

  it("refuses an observer as the new facilitator and changes nothing", async () => {
    const group = await workshop();
    const observer = (
      await request(server.url, JOIN, { code: group.code, name: "Ola", role: "OBSERVER" })
    ).data!.joinAssessment;
    const response = await request(
      server.url,
      HAND_OVER,
      { id: group.id, to: observer.participant.id },
      group.facilitator,
    );
    const after = await request(server.url, ASSESSMENT, { id: group.id }, group.facilitator);

    expect(codeOf(response)).toBe("BAD_USER_INPUT");
    expect(after.data!.assessment.participants[0]).toEqual({ name: "Priya", role: "FACILITATOR" });
  });
});

describe("recentChanges", () => {
  it("lists who changed what, from what to what, newest first", async () => {
    const group = await workshop();
    const set = (token: string, variables: object) =>
      request(server.url, SET_ANSWER, { assessmentId: group.id, ...variables }, token);
    await set(group.participant, { questionKey: "data/retention", level: 2 });
    await set(group.facilitator, { questionKey: "data/retention", dontKnow: true });
    const response = await request(
      server.url,
      RECENT,
      { id: group.id, limit: 5 },
      group.participant,
    );

    expect(response.data!.assessment.recentChanges).toEqual([
      {
        revision: 2,
        questionKey: "data/retention",
        fromLevel: 2,
        fromDontKnow: false,
        toLevel: null,
        toDontKnow: true,
        participant: { name: "Priya" },
      },
      {
        revision: 1,
        questionKey: "data/retention",
        fromLevel: null,
        fromDontKnow: false,
        toLevel: 2,
        toDontKnow: false,
        participant: { name: "Sam" },
      },
    ]);
  });

  it("rejects a limit out of range", async () => {
    const group = await workshop();
    const response = await request(
      server.url,
      RECENT,
      { id: group.id, limit: 1000 },
      group.participant,
    );
    expect(codeOf(response)).toBe("BAD_USER_INPUT");
  });
});
