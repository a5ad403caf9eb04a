import type { Context } from "../context.ts";
import { apiError } from "../errors.ts";
import type { Writer } from "../access.ts";
import type { AssessmentChangeEvent } from "../pubsub.ts";
import type { Choice } from "../validation.ts";
import { answerInclude, changeAnswers, recordHistory, toRecord } from "./transaction.ts";

export interface AnswerInput {
  viewer: Writer;
  questionKey: string;
  choice: Choice;
  /** The version the client saw, or null for last write wins. */
  expectedVersion: number | null;
}

/**
 * Stores one choice and returns the answer's id, with the event to publish
 * after the commit. Setting the value an answer already has changes nothing
 * and returns no event.
 */
export async function recordAnswer(
  context: Context,
  { viewer, questionKey, choice, expectedVersion }: AnswerInput,
): Promise<{ answerId: string; event: AssessmentChangeEvent | null }> {
  const assessmentId = viewer.assessmentId;
  const where = { assessmentId_questionKey: { assessmentId, questionKey } };
  let unchangedId: string | undefined;

  const outcome = await changeAnswers(context, assessmentId, async (tx, revision) => {
    const current = await tx.answer.findUnique({ where, include: answerInclude });
    const currentVersion = current?.version ?? 0;

    if (expectedVersion !== null && expectedVersion !== currentVersion) {
      throw apiError(
        "CONFLICT",
        `The answer changed since you saw it: version ${currentVersion}, not ${expectedVersion}`,
        { currentAnswer: current ? toRecord(current) : null },
      );
    }
    if (current && current.level === choice.level && current.dontKnow === choice.dontKnow) {
      unchangedId = current.id;
      return null;
    }

    const answer = await tx.answer.upsert({
      where,
      create: { assessmentId, questionKey, ...choice, updatedById: viewer.participantId },
      update: {
        ...choice,
        version: { increment: 1 },
        updatedAt: new Date(),
        updatedById: viewer.participantId,
      },
      include: answerInclude,
    });
    await recordHistory(tx, assessmentId, revision, viewer.participantId, [
      { questionKey, from: current, to: choice },
    ]);
    return answer;
  });

  if (outcome.result === null) return { answerId: unchangedId!, event: null };

  const answer = outcome.result;
  return {
    answerId: answer.id,
    event: {
      assessmentId,
      revision: outcome.revision,
      kind: "ANSWER_SET",
      sectionKey: questionKey.split("/")[0],
      answers: [toRecord(answer)],
      ...outcome.scores,
    },
  };
}
