import { builder } from "../builder.ts";
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
    id: t.exposeID("id"),
    name: t.exposeString("name", { description: "Display name, as the person gave it." }),
    role: t.expose("role", { type: Role }),
    joinedAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.queryField("viewer", (t) =>
  t.prismaField({
    type: "Participant",
    nullable: true,
    description: "The participant whose token came with the request, or null without one.",
    resolve: (query, _root, _args, context) =>
      context.viewer
        ? context.prisma.participant.findUnique({ ...query, where: { id: context.viewer.id } })
        : null,
  }),
);
