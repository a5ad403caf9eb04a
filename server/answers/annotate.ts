import type { Context } from "../context.ts";
import { apiError } from "../errors.ts";
import type { Writer } from "../access.ts";
import type { AssessmentChangeEvent, ChangeKind } from "../pubsub.ts";
import { answerInclude, changeAnswers, recordHistory, toRecord } from "./transaction.ts";

/** A change to the note or to the "we need to do better here" flag; never both. */
export type Annotation = { note: string | null } | { needsImprovement: boolean };

export interface AnnotationInput {
  viewer: Writer;
  questionKey: string;
  annotation: Annotation;
  /** The version the client saw, or null for last write wins. */
  expectedVersion: number | null;
}

/**
 * Stores a note or flag and returns the answer's id, with the event to
 * publish after the commit. A note may be set on an open question, whose row
 * is then created open; a flag needs a level or "I don't know" first. Setting
 * the value the answer already has changes nothing and returns no event.
 */
export async function annotateAnswer(
  context: Context,
  { viewer, questionKey, annotation, expectedVersion }: AnnotationInput,
): Promise<{ answerId: string | null; event: AssessmentChangeEvent | null }> {
  const assessmentId = viewer.assessmentId;
  const where = { assessmentId_questionKey: { assessmentId, questionKey } };
  let unchangedId: string | null = null;

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
    if ("needsImprovement" in annotation && annotation.needsImprovement) {
      const answered = current && (current.level !== null || current.dontKnow);
      if (!answered) {
        throw apiError(
          "BAD_USER_INPUT",
          `Answer "${questionKey}" with a level or "I don't know" before flagging it`,
          { field: "needsImprovement" },
        );
      }
    }
    if (isUnchanged(current, annotation)) {
      unchangedId = current?.id ?? null;
      return null;
    }

    const answer = await tx.answer.upsert({
      where,
      create: { assessmentId, questionKey, ...annotation, updatedById: viewer.participantId },
      update: {
        ...annotation,
        version: { increment: 1 },
        updatedAt: new Date(),
        updatedById: viewer.participantId,
      },
      include: answerInclude,
    });
    await recordHistory(tx, assessmentId, revision, viewer.participantId, [
      { questionKey, from: current, to: { ...answer } },
    ]);
    return answer;
  });

  if (outcome.result === null) return { answerId: unchangedId, event: null };

  const answer = outcome.result;
  const kind: ChangeKind = "note" in annotation ? "NOTE_SET" : "NEEDS_IMPROVEMENT_SET";
  return {
    answerId: answer.id,
    event: {
      assessmentId,
      revision: outcome.revision,
      kind,
      sectionKey: questionKey.split("/")[0],
      answers: [toRecord(answer)],
      ...outcome.scores,
    },
  };
}

function isUnchanged(
  current: { note: string | null; needsImprovement: boolean } | null,
  annotation: Annotation,
): boolean {
  if ("note" in annotation) return (current?.note ?? null) === annotation.note;
  return (current?.needsImprovement ?? false) === annotation.needsImprovement;
}
