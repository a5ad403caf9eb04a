import type { Context } from "../context.ts";
import { apiError } from "../errors.ts";
import type { Prisma, Snapshot } from "../generated/prisma/client.ts";
import type { AnswerValue } from "./compare.ts";

const answerValueSelect = {
  questionKey: true,
  level: true,
  dontKnow: true,
  note: true,
  needsImprovement: true,
} as const;

/**
 * Stores the current answers under a name. The assessment's row is locked for
 * share, so no change can commit between reading the revision and the answers.
 */
export async function takeSnapshot(
  context: Context,
  assessmentId: string,
  participantId: string,
  name: string,
): Promise<Snapshot> {
  return context.prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ revision: number }[]>`
      SELECT revision FROM "Assessment" WHERE id = ${assessmentId}::uuid FOR SHARE`;
    if (!locked) throw apiError("NOT_FOUND", "The assessment no longer exists");

    const answers = await tx.answer.findMany({
      where: { assessmentId },
      select: answerValueSelect,
      orderBy: { questionKey: "asc" },
    });
    return tx.snapshot.create({
      data: {
        assessmentId,
        name,
        revision: locked.revision,
        answers: answers as unknown as Prisma.InputJsonValue,
        createdById: participantId,
      },
    });
  });
}

/** The answers that a snapshot row holds, as it stored them. */
export function snapshotAnswers(snapshot: Pick<Snapshot, "answers">): AnswerValue[] {
  return snapshot.answers as unknown as AnswerValue[];
}

/** Reads the current answers and revision, for a comparison with "now". */
export async function currentAnswers(context: Context, assessmentId: string) {
  return context.prisma.assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    select: { revision: true, answers: { select: answerValueSelect } },
  });
}
