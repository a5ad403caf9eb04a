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

/** Finds the error a scope raised, however deep in `$any` or `$all` it sits. */
function firstError(failure: unknown): Error | undefined {
  const node = failure as { error?: Error | null; failures?: unknown[] };
  if (node.error) return node.error;
  for (const child of node.failures ?? []) {
    const found = firstError(child);
    if (found) return found;
  }
  return undefined;
}

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
    // Scope functions raise on purpose; their error is the refusal to report.
    treatErrorsAsUnauthorized: true,
    // A subscription is authorised once, when it starts; removing a member
    // or revoking a token closes their websocket instead.
    authorizeOnSubscribe: true,
    // Each scope raises the error that says why it failed, which
    // unauthorizedError below passes on.
    authScopes: (context) => {
      const check = (access: Access) => (assessmentId: string) => {
        if (!isAllowed(context.viewer, assessmentId, access)) {
          throw accessError(context.viewer, assessmentId, access);
        }
        return true;
      };
      return {
        member: check(scopeAccess.member),
        writer: check(scopeAccess.writer),
        facilitator: check(scopeAccess.facilitator),
      };
    },
    unauthorizedError: (_parent, context, _info, result) =>
      firstError(result.failure) ?? accessError(context.viewer, "", "read"),
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
