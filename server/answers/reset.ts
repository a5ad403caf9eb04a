import type { Context } from "../context.ts";
import type { Writer } from "../access.ts";
import type { AssessmentChangeEvent } from "../pubsub.ts";
import { answerInclude, changeAnswers, recordHistory, toRecord } from "./transaction.ts";

/**
 * Clears the level and "I don't know" of every answered question in a section,
 * as one change with one revision. Notes and flags stay, so that a reset never
 * throws away what people wrote. Returns the event to publish, or null when
 * the section had nothing to clear.
 */
export async function resetSection(
  context: Context,
  viewer: Writer,
  sectionKey: string,
): Promise<AssessmentChangeEvent | null> {
  const assessmentId = viewer.assessmentId;
  const questionKeys = (
    context.questionnaire.sections.find((s) => s.key === sectionKey)?.questions ?? []
  ).map((question) => question.key);

  const outcome = await changeAnswers(context, assessmentId, async (tx, revision) => {
    const answered = await tx.answer.findMany({
      where: {
        assessmentId,
        questionKey: { in: questionKeys },
        OR: [{ level: { not: null } }, { dontKnow: true }],
      },
    });
    if (answered.length === 0) return null;

    const ids = answered.map((answer) => answer.id);
    await tx.answer.updateMany({
      where: { id: { in: ids } },
      data: {
        level: null,
        dontKnow: false,
        version: { increment: 1 },
        updatedAt: new Date(),
        updatedById: viewer.participantId,
      },
    });
    await recordHistory(
      tx,
      assessmentId,
      revision,
      viewer.participantId,
      answered.map((answer) => ({
        questionKey: answer.questionKey,
        from: answer,
        to: { level: null, dontKnow: false },
      })),
    );
    return tx.answer.findMany({ where: { id: { in: ids } }, include: answerInclude });
  });

  if (outcome.result === null) return null;
  return {
    assessmentId,
    revision: outcome.revision,
    kind: "SECTION_RESET",
    sectionKey,
    answers: outcome.result.map(toRecord),
    ...outcome.scores,
  };
}
