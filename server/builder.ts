import SchemaBuilder from "@pothos/core";
import PrismaPlugin from "@pothos/plugin-prisma";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import { accessError, isAllowed, type Access } from "./access.ts";
import type { Context } from "./context.ts";
import { getDatamodel } from "./generated/pothos-types.ts";
import type PrismaTypes from "./generated/pothos-types.ts";

/** Each scope takes the id of the assessment it is about. */
const scopeAccess = { member: "read", writer: "write", facilitator: "facilitate" } as const;
type ScopeName = keyof typeof scopeAccess;

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: Record<ScopeName, string>;
  Scalars: { DateTime: { Input: Date; Output: Date | string } };
  DefaultFieldNullability: false;
}>({
  plugins: [ScopeAuthPlugin, PrismaPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    // A subscription is authorised once, when it starts; removing a member
    // or revoking a token closes their websocket instead.
    authorizeOnSubscribe: true,
    authScopes: (context) => ({
      member: (assessmentId) => isAllowed(context.viewer, assessmentId, "read"),
      writer: (assessmentId) => isAllowed(context.viewer, assessmentId, "write"),
      facilitator: (assessmentId) => isAllowed(context.viewer, assessmentId, "facilitate"),
    }),
    unauthorizedError: (_parent, context, _info, result) => {
      const failure = result.failure as { scope?: string; parameter?: unknown };
      const access: Access = scopeAccess[failure.scope as ScopeName] ?? "read";
      return accessError(context.viewer, String(failure.parameter ?? ""), access);
    },
  },
  prisma: {
    // The client is made at start, so each request's context carries it.
    client: (context) => context.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
  },
});

builder.queryType({ description: "Reading questionnaires and assessments." });
builder.mutationType({ description: "Every change to an assessment." });
builder.subscriptionType({ description: "Live changes, over the graphql-ws websocket." });
