import { request } from "./harness.ts";
import { CREATE, JOIN, SET_ANSWER } from "./operations.ts";
import { REVIEW } from "./review-operations.ts";

/**
 * Creates an assessment with a facilitator (Priya), a participant (Sam) and
 * an observer (Ola), and returns their tokens with helpers bound to it.
 */
export async function startWorkshop(url: string, name = "Acme") {
  const created = (await request(url, CREATE, { name, facilitatorName: "Priya" })).data!
    .createAssessment;
  const join = async (person: string, role: string) =>
    (await request(url, JOIN, { code: created.joinCode, name: person, role })).data!.joinAssessment
      .token as string;
  const id: string = created.assessment.id;

  return {
    id,
    facilitator: created.token as string,
    participant: await join("Sam", "PARTICIPANT"),
    observer: await join("Ola", "OBSERVER"),
    /** Runs an operation on this assessment, with `assessmentId` filled in. */
    send: (query: string, token: string, variables: Record<string, unknown> = {}) =>
      request(url, query, { assessmentId: id, ...variables }, token),
    answer: (token: string, questionKey: string, choice: Record<string, unknown>) =>
      request(url, SET_ANSWER, { assessmentId: id, questionKey, ...choice }, token),
    read: async () => (await request(url, REVIEW, { id }, created.token)).data!.assessment,
  };
}
