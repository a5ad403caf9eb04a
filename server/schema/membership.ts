import { builder } from "../builder.ts";
import { hashToken } from "../context.ts";
import { parseId, requireAccess } from "../access.ts";
import { apiError, badInput } from "../errors.ts";
import { Prisma, type Participant } from "../generated/prisma/client.ts";
import type { Viewer } from "../context.ts";
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
      description: "The assessment joined or created.",
      resolve: (query, result, _args, context) =>
        context.prisma.assessment.findUniqueOrThrow({
          ...query,
          where: { id: result.assessmentId },
        }),
    }),
    participant: t.prismaField({
      type: "Participant",
      description: "The new member, whom the token identifies.",
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

/** Describes a participant as the viewer that their token would give. */
export function viewerOf(participant: Participant): Viewer {
  return {
    assessmentId: participant.assessmentId,
    role: participant.role,
    participantId: participant.id,
    integrationTokenId: null,
  };
}

builder.mutationField("createAssessment", (t) =>
  t.field({
    type: JoinResult,
    description: "Creates an assessment with the caller as its facilitator.",
    args: {
      name: t.arg.string({ required: true, description: "1 to 120 characters." }),
      facilitatorName: t.arg.string({
        required: true,
        description: "The caller's display name, 1 to 60 characters.",
      }),
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
          context.viewer = viewerOf(assessment.participants[0]);
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
      code: t.arg.string({
        required: true,
        description: "The 6-character join code; case, spaces and dashes do not matter.",
      }),
      name: t.arg.string({ required: true, description: "Display name, 1 to 60 characters." }),
      role: t.arg({
        type: Role,
        defaultValue: "PARTICIPANT",
        description: "PARTICIPANT (when left out or null) or OBSERVER; FACILITATOR is refused.",
      }),
    },
    resolve: async (_root, args, context) => {
      const name = checkDisplayName(args.name, "name");
      const role = args.role ?? "PARTICIPANT";
      if (role === "FACILITATOR") {
        throw apiError("FORBIDDEN", "The facilitator role cannot be taken by joining");
      }
      const code = normaliseJoinCode(args.code);
      if (!code) throw badInput("A join code is 6 letters and digits, such as K7MQ2P", "code");

      const assessment = await context.prisma.assessment.findUnique({ where: { joinCode: code } });
      if (!assessment) throw apiError("NOT_FOUND", "No assessment has this join code");

      const token = createToken();
      const participant = await context.prisma.participant.create({
        data: { assessmentId: assessment.id, name, role, tokenHash: hashToken(token) },
      });
      context.logger.info(
        { assessmentId: assessment.id, participantId: participant.id, role: participant.role },
        "participant joined",
      );
      context.viewer = viewerOf(participant);
      context.pubsub.publish("members:changed", assessment.id, { assessmentId: assessment.id });
      return { assessmentId: assessment.id, participantId: participant.id, token, joinCode: null };
    },
  }),
);

builder.mutationField("rotateJoinCode", (t) =>
  t.prismaField({
    type: "Assessment",
    description: "Gives the assessment a new join code; the old one stops working at once.",
    args: { assessmentId: t.arg.id({ required: true, description: "The assessment." }) },
    authScopes: (_root, args) => ({ facilitator: String(args.assessmentId) }),
    resolve: async (query, _root, args, context) => {
      const viewer = requireAccess(context, String(args.assessmentId), "facilitate");
      for (let attempt = 1; ; attempt++) {
        try {
          const assessment = await context.prisma.assessment.update({
            ...query,
            where: { id: viewer.assessmentId },
            data: { joinCode: createJoinCode() },
          });
          context.logger.info({ assessmentId: viewer.assessmentId }, "join code rotated");
          return assessment;
        } catch (error) {
          const duplicate =
            error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
          if (!duplicate || attempt >= MAX_CODE_ATTEMPTS) throw error;
        }
      }
    },
  }),
);

builder.mutationField("handOverFacilitator", (t) =>
  t.prismaField({
    type: "Assessment",
    description:
      "Makes another participant the facilitator; the caller becomes a participant. " +
      "Facilitator only.",
    args: {
      assessmentId: t.arg.id({ required: true, description: "The assessment." }),
      participantId: t.arg.id({ required: true, description: "The new facilitator." }),
    },
    authScopes: (_root, args) => ({ facilitator: String(args.assessmentId) }),
    resolve: async (query, _root, args, context) => {
      const viewer = requireAccess(context, String(args.assessmentId), "facilitate");
      const id = parseId(args.participantId);
      const target = id ? await context.prisma.participant.findUnique({ where: { id } }) : null;
      if (!target || target.assessmentId !== viewer.assessmentId || target.removedAt) {
        throw apiError("NOT_FOUND", "No current member of this assessment has this id");
      }
      if (target.role !== "PARTICIPANT") {
        throw badInput(
          "Hand the role to a participant, not an observer or yourself",
          "participantId",
        );
      }

      await context.prisma.$transaction([
        context.prisma.participant.update({
          where: { id: viewer.participantId! },
          data: { role: "PARTICIPANT" },
        }),
        context.prisma.participant.update({
          where: { id: target.id },
          data: { role: "FACILITATOR" },
        }),
      ]);
      context.pubsub.publish("members:changed", viewer.assessmentId, {
        assessmentId: viewer.assessmentId,
      });
      context.logger.info(
        { assessmentId: viewer.assessmentId, from: viewer.participantId, to: target.id },
        "facilitator role handed over",
      );
      return context.prisma.assessment.findUniqueOrThrow({
        ...query,
        where: { id: viewer.assessmentId },
      });
    },
  }),
);
