import { builder } from "../builder.ts";
import { parseId, requireAccess } from "../access.ts";
import { apiError, badInput } from "../errors.ts";
import { Role as RoleValues } from "../generated/prisma/enums.ts";

export const Role = builder.enumType("Role", {
  description: "What a member of an assessment may do.",
  values: {
    FACILITATOR: { value: RoleValues.FACILITATOR, description: "Created the assessment; runs it." },
    PARTICIPANT: { value: RoleValues.PARTICIPANT, description: "Answers questions." },
    OBSERVER: { value: RoleValues.OBSERVER, description: "Reads and follows, changes nothing." },
  },
});

export const Participant = builder.prismaObject("Participant", {
  description: "A member of one assessment.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Tells apart two members with the same name." }),
    name: t.exposeString("name", { description: "Display name, as the person gave it." }),
    role: t.expose("role", { type: Role, description: "What the member may do." }),
    joinedAt: t.expose("createdAt", { type: "DateTime", description: "When they joined." }),
  }),
});

builder.queryField("viewer", (t) =>
  t.prismaField({
    type: "Participant",
    nullable: true,
    description:
      "The participant whose token came with the request; null without one or for an " +
      "integration token.",
    resolve: (query, _root, _args, context) =>
      context.viewer?.participantId
        ? context.prisma.participant.findUnique({
            ...query,
            where: { id: context.viewer.participantId },
          })
        : null,
  }),
);

builder.mutationField("removeParticipant", (t) =>
  t.prismaField({
    type: "Participant",
    description:
      "Removes a member: their token stops working at once and their open websockets " +
      "close. Their answers stay. Facilitator only; the facilitator cannot remove themself.",
    args: {
      assessmentId: t.arg.id({ required: true, description: "The assessment." }),
      participantId: t.arg.id({ required: true, description: "The member to remove." }),
    },
    authScopes: (_root, args) => ({ facilitator: String(args.assessmentId) }),
    resolve: async (query, _root, args, context) => {
      const viewer = requireAccess(context, String(args.assessmentId), "facilitate");
      const id = parseId(args.participantId);
      const member = id ? await context.prisma.participant.findUnique({ where: { id } }) : null;
      if (!member || member.assessmentId !== viewer.assessmentId || member.removedAt) {
        throw apiError("NOT_FOUND", "No current member of this assessment has this id");
      }
      if (member.id === viewer.participantId) {
        throw badInput("The facilitator cannot remove themself", "participantId");
      }

      const removed = await context.prisma.participant.update({
        ...query,
        where: { id: member.id },
        data: { removedAt: new Date() },
      });
      context.pubsub.publish("access:revoked", { participantId: member.id });
      context.pubsub.publish("members:changed", viewer.assessmentId, {
        assessmentId: viewer.assessmentId,
      });
      context.logger.info(
        { assessmentId: viewer.assessmentId, participantId: member.id },
        "participant removed",
      );
      return removed;
    },
  }),
);
