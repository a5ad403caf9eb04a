import { randomBytes } from "node:crypto";
import { recordHistory } from "../answers/transaction.ts";
import type { Context } from "../context.ts";
import { hashToken } from "../context.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { createJoinCode, createToken } from "../join-code.ts";
import type { ExportDocument } from "./format.ts";

export interface ImportInput {
  document: ExportDocument;
  /** The assessment's name; the document's name when null. */
  name: string | null;
  facilitatorName: string;
}

export interface Imported {
  assessmentId: string;
  participantId: string;
  token: string;
  joinCode: string;
}

const MAX_CODE_ATTEMPTS = 5;

/**
 * Creates a new assessment from a checked export, with the caller as its
 * facilitator, in one transaction: on any failure nothing is left behind.
 */
export async function importAssessment(context: Context, input: ImportInput): Promise<Imported> {
  const token = createToken();
  // A fresh code collides about once in hundreds of millions; retry a few times.
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeAssessment(context, input, token);
    } catch (error) {
      const duplicate =
        error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!duplicate || attempt >= MAX_CODE_ATTEMPTS) throw error;
    }
  }
}

async function writeAssessment(
  context: Context,
  { document, name, facilitatorName }: ImportInput,
  token: string,
): Promise<Imported> {
  const joinCode = createJoinCode();
  const answers = document.answers;

  return context.prisma.$transaction(async (tx) => {
    const assessment = await tx.assessment.create({
      data: {
        name: name ?? document.assessment.name,
        joinCode,
        questionnaireVersion: context.questionnaire.version,
        // The import is the assessment's first accepted change.
        revision: answers.length > 0 ? 1 : 0,
        participants: {
          create: { name: facilitatorName, role: "FACILITATOR", tokenHash: hashToken(token) },
        },
      },
      include: { participants: true },
    });
    const facilitator = assessment.participants[0];

    const authorIds = await createAuthors(tx, assessment.id, answers);
    await tx.answer.createMany({
      data: answers.map((answer) => ({
        assessmentId: assessment.id,
        questionKey: answer.questionKey,
        level: answer.level,
        dontKnow: answer.dontKnow,
        note: answer.note,
        needsImprovement: answer.needsImprovement,
        updatedAt: new Date(answer.updatedAt),
        updatedById: answer.updatedBy === null ? null : authorIds.get(answer.updatedBy)!,
      })),
    });
    if (answers.length > 0) {
      await recordHistory(
        tx,
        assessment.id,
        1,
        facilitator.id,
        answers.map((answer) => ({ questionKey: answer.questionKey, from: null, to: answer })),
      );
    }

    context.logger.info(
      { assessmentId: assessment.id, answers: answers.length, authors: authorIds.size },
      "assessment imported",
    );
    return { assessmentId: assessment.id, participantId: facilitator.id, token, joinCode };
  });
}

/**
 * Adds each person named as an author in the export as a participant, so that
 * "who changed it" survives the import. Their tokens are discarded at once, so
 * they are listed as members but nobody can sign in as them.
 */
async function createAuthors(
  tx: Prisma.TransactionClient,
  assessmentId: string,
  answers: ExportDocument["answers"],
): Promise<Map<string, string>> {
  const names = [...new Set(answers.flatMap((answer) => answer.updatedBy ?? []))];
  if (names.length === 0) return new Map();

  const authors = await tx.participant.createManyAndReturn({
    data: names.map((name) => ({
      assessmentId,
      name,
      role: "PARTICIPANT" as const,
      tokenHash: hashToken(randomBytes(32).toString("base64url")),
    })),
    select: { id: true, name: true },
  });
  return new Map(authors.map((author) => [author.name, author.id]));
}
