import { builder } from "../builder.ts";
import { hashToken } from "../context.ts";
import { apiError, badInput } from "../errors.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { createJoinCode, createToken, normaliseJoinCode } from "../join-code.ts";
import { checkAssessmentName, checkDisplayName } from "../validation.ts";
import { Role } from "./participant.ts";

interface JoinResultData {
  assessmentId: string;
  participantId: string;
  token: string;
  joinCode: string | null;
}

export const JoinResult = builder.objectRef<JoinResultData>("JoinResult").implement({
  description: "A new member of an assessment, with the token that identifies them.",
  fields: (t) => ({
    assessment: t.prismaField({
      type: "Assessment",
      resolve: (query, result, _args, context) =>
        context.prisma.assessment.findUniqueOrThrow({
          ...query,
          where: { id: result.assessmentId },
        }),
    }),
    participant: t.prismaField({
      type: "Participant",
      resolve: (query, result, _args, context) =>
        context.prisma.participant.findUniqueOrThrow({
          ...query,
          where: { id: result.participantId },
        }),
    }),
    token: t.exposeString("token", {
      description: "Send as `Authorization: Bearer TOKEN`. Shown once; only its hash is stored.",
    }),
    joinCode: t.exposeString("joinCode", {
      nullable: true,
      description: "The code others join with; given to the facilitator only.",
    }),
  }),
});

const MAX_CODE_ATTEMPTS = 5;

builder.mutationField("createAssessment", (t) =>
  t.field({
    type: JoinResult,
    description: "Creates an assessment with the caller as its facilitator.",
    args: {
      name: t.arg.string({ required: true }),
      facilitatorName: t.arg.string({ required: true }),
    },
    resolve: async (_root, args, context) => {
      const name = checkAssessmentName(args.name);
      const facilitatorName = checkDisplayName(args.facilitatorName, "facilitatorName");
      const token = createToken();

      // A fresh code collides about once in hundreds of millions; retry a few times.
      for (let attempt = 1; ; attempt++) {
        const joinCode = createJoinCode();
        try {
          const assessment = await context.prisma.assessment.create({
            data: {
              name,
              joinCode,
              questionnaireVersion: context.questionnaire.version,
              participants: {
                create: { name: facilitatorName, role: "FACILITATOR", tokenHash: hashToken(token) },
              },
            },
            include: { participants: true },
          });
          context.logger.info({ assessmentId: assessment.id }, "assessment created");
          // The rest of this operation, such as the returned assessment's
          // joinCode, is answered as the new facilitator.
          context.viewer = assessment.participants[0];
          return {
            assessmentId: assessment.id,
            participantId: assessment.participants[0].id,
            token,
            joinCode,
          };
        } catch (error) {
          const duplicate =
            error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
          if (!duplicate || attempt >= MAX_CODE_ATTEMPTS) throw error;
        }
      }
    },
  }),
);

builder.mutationField("joinAssessment", (t) =>
  t.field({
    type: JoinResult,
    description: "Joins the assessment that a join code belongs to, as a participant or observer.",
    args: {
      code: t.arg.string({ required: true }),
      name: t.arg.string({ required: true }),
      role: t.arg({ type: Role, defaultValue: "PARTICIPANT", required: true }),
    },
    resolve: async (_root, args, context) => {
      const name = checkDisplayName(args.name, "name");
      if (args.role === "FACILITATOR") {
        throw apiError("FORBIDDEN", "The facilitator role cannot be taken by joining");
      }
      const code = normaliseJoinCode(args.code);
      if (!code) throw badInput("A join code is 6 letters and digits, such as K7MQ2P", "code");

      const assessment = await context.prisma.assessment.findUnique({ where: { joinCode: code } });
      if (!assessment) throw apiError("NOT_FOUND", "No assessment has this join code");

      const token = createToken();
      const participant = await context.prisma.participant.create({
        data: { assessmentId: assessment.id, name, role: args.role, tokenHash: hashToken(token) },
      });
      context.logger.info(
        { assessmentId: assessment.id, participantId: participant.id, role: participant.role },
        "participant joined",
      );
      context.viewer = participant;
      return { assessmentId: assessment.id, participantId: participant.id, token, joinCode: null };
    },
  }),
);
