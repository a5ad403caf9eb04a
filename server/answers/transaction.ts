import type { Context } from "../context.ts";
import { apiError } from "../errors.ts";
import type { AnswerRecord } from "../pubsub.ts";
import { scoreAnswers, type Scores } from "../scoring.ts";
import type { Prisma } from "../generated/prisma/client.ts";

export type Transaction = Prisma.TransactionClient;

/**
 * Runs `change` in a transaction that holds the assessment's row lock, so that
 * changes to one assessment are applied one at a time and each gets the next
 * revision, which `change` receives to record in the history. `change` returns
 * null to leave everything as it was.
 */
export async function changeAnswers<T>(
  context: Context,
  assessmentId: string,
  change: (tx: Transaction, revision: number) => Promise<T | null>,
): Promise<{ result: T; revision: number; scores: Scores } | { result: null }> {
  return context.prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ revision: number }[]>`
      SELECT revision FROM "Assessment" WHERE id = ${assessmentId}::uuid FOR UPDATE`;
    if (!locked) throw apiError("NOT_FOUND", "The assessment no longer exists");
    const revision = locked.revision + 1;

    const result = await change(tx, revision);
    if (result === null) return { result: null };

    await tx.assessment.update({ where: { id: assessmentId }, data: { revision } });
    const answers = await tx.answer.findMany({
      where: { assessmentId },
      select: { questionKey: true, level: true, dontKnow: true, needsImprovement: true },
    });
    return { result, revision, scores: scoreAnswers(context.questionnaire, answers) };
  });
}

export const answerInclude = {
  updatedBy: { select: { id: true, name: true, role: true } },
} as const;

type AnswerWithAuthor = Prisma.AnswerGetPayload<{ include: typeof answerInclude }>;

/** The content of an answer. A note or flag left out of `to` stays as it was in `from`. */
interface AnswerContent {
  level: number | null;
  dontKnow: boolean;
  note?: string | null;
  needsImprovement?: boolean;
}

export interface ChangeRow {
  questionKey: string;
  from: AnswerContent | null;
  to: AnswerContent;
}

/** Appends changes to the assessment's history, which outlives resets and overwrites. */
export async function recordHistory(
  tx: Transaction,
  assessmentId: string,
  revision: number,
  participantId: string,
  rows: ChangeRow[],
) {
  await tx.answerChange.createMany({
    data: rows.map(({ questionKey, from, to }) => {
      const fromNote = from?.note ?? null;
      const fromNeedsImprovement = from?.needsImprovement ?? false;
      return {
        assessmentId,
        revision,
        questionKey,
        fromLevel: from?.level ?? null,
        fromDontKnow: from?.dontKnow ?? false,
        toLevel: to.level,
        toDontKnow: to.dontKnow,
        fromNote,
        toNote: to.note === undefined ? fromNote : to.note,
        fromNeedsImprovement,
        toNeedsImprovement: to.needsImprovement ?? fromNeedsImprovement,
        participantId,
      };
    }),
  });
}

/** Copies an answer into the plain form that events carry. */
export function toRecord(answer: AnswerWithAuthor): AnswerRecord {
  return { ...answer, updatedAt: answer.updatedAt.toISOString() };
}
