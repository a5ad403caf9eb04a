import { builder } from "../builder.ts";
import { accessError, isAllowed, parseId, requireAccess } from "../access.ts";
import { INTEGRATION_PREFIX, hashToken } from "../context.ts";
import { createToken } from "../join-code.ts";
import { checkTokenName } from "../validation.ts";

export const IntegrationToken = builder.prismaObject("IntegrationToken", {
  description: "A read-only token with which another system reads one assessment.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Identifies the token, for example to revoke it." }),
    name: t.exposeString("name", {
      description: "What the token is for, as the facilitator named it.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was created." }),
    lastUsedAt: t.expose("lastUsedAt", {
      type: "DateTime",
      nullable: true,
      description: "When the token was last used, to the minute; null if never.",
    }),
    revokedAt: t.expose("revokedAt", {
      type: "DateTime",
      nullable: true,
      description: "When the token was revoked; it no longer works from then on.",
    }),
  }),
});

interface CreatedTokenData {
  id: string;
  token: string;
}

const CreatedIntegrationToken = builder
  .objectRef<CreatedTokenData>("CreatedIntegrationToken")
  .implement({
    description: "A new integration token, with its secret value shown this once.",
    fields: (t) => ({
      token: t.exposeString("token", {
        description: "Send as `Authorization: Bearer TOKEN`. Only its hash is stored.",
      }),
      integrationToken: t.prismaField({
        type: "IntegrationToken",
        description: "The token's record, without its secret.",
        resolve: (query, created, _args, context) =>
          context.prisma.integrationToken.findUniqueOrThrow({
            ...query,
            where: { id: created.id },
          }),
      }),
    }),
  });

builder.prismaObjectField("Assessment", "integrationTokens", (t) =>
  t.prismaField({
    type: ["IntegrationToken"],
    description: "The assessment's integration tokens, revoked ones included; facilitator only.",
    authScopes: (assessment) => ({ facilitator: assessment.id }),
    resolve: (query, assessment, _args, context) =>
      context.prisma.integrationToken.findMany({
        ...query,
        where: { assessmentId: assessment.id },
        orderBy: { createdAt: "asc" },
      }),
  }),
);

builder.mutationField("createIntegrationToken", (t) =>
  t.field({
    type: CreatedIntegrationToken,
    description: "Creates a read-only token for another system; facilitator only.",
    args: {
      assessmentId: t.arg.id({ required: true, description: "The assessment it may read." }),
      name: t.arg.string({ required: true, description: "What it is for, such as `Dashboard`." }),
    },
    authScopes: (_root, args) => ({ facilitator: String(args.assessmentId) }),
    resolve: async (_root, args, context) => {
      const viewer = requireAccess(context, String(args.assessmentId), "facilitate");
      const name = checkTokenName(args.name);
      const token = `${INTEGRATION_PREFIX}${createToken()}`;

      const created = await context.prisma.integrationToken.create({
        data: {
          assessmentId: viewer.assessmentId,
          name,
          tokenHash: hashToken(token),
          createdById: viewer.participantId,
        },
      });
      context.logger.info(
        { assessmentId: viewer.assessmentId, integrationTokenId: created.id },
        "integration token created",
      );
      return { id: created.id, token };
    },
  }),
);

builder.mutationField("revokeIntegrationToken", (t) =>
  t.prismaField({
    type: "IntegrationToken",
    description: "Revokes an integration token at once, closing its open websockets.",
    args: { id: t.arg.id({ required: true, description: "The token's id." }) },
    resolve: async (query, _root, args, context) => {
      const id = parseId(args.id);
      const found = id ? await context.prisma.integrationToken.findUnique({ where: { id } }) : null;
      // An unknown id gets the same refusal as another assessment's token.
      if (!found || !isAllowed(context.viewer, found.assessmentId, "facilitate")) {
        throw accessError(context.viewer, found?.assessmentId ?? "", "facilitate");
      }

      const revoked = await context.prisma.integrationToken.update({
        ...query,
        where: { id: found.id },
        data: { revokedAt: found.revokedAt ?? new Date() },
      });
      context.pubsub.publish("access:revoked", { integrationTokenId: found.id });
      context.logger.info({ integrationTokenId: found.id }, "integration token revoked");
      return revoked;
    },
  }),
);
