import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { costLimitPlugin } from "@escape.tech/graphql-armor-cost-limit";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { GraphQLError } from "graphql";
import { createYoga, type YogaServerInstance } from "graphql-yoga";
import type { WebSocket } from "ws";
import { type Context, findViewer, parseBearer } from "./context.ts";
import type { Database } from "./db.ts";
import type { Limits } from "./limits.ts";
import { isDatabaseUnreachable } from "./db/unreachable.ts";
import { apiError } from "./errors.ts";
import type { Logger } from "./logger.ts";
import { useInputErrorCodes } from "./plugins/input-error-codes.ts";
import { useRateLimits } from "./plugins/rate-limits.ts";
import type { PresenceStore } from "./presence.ts";
import type { PubSub } from "./pubsub.ts";
import type { Questionnaire } from "./questionnaire/types.ts";
import { schema } from "./schema/index.ts";

export interface YogaOptions {
  presence: PresenceStore;
  prisma: Database;
  pubsub: PubSub;
  questionnaire: Questionnaire;
  logger: Logger;
  limits: Limits;
  maxQueuedEvents: number;
}

/** The initial context of Yoga's context function, over HTTP (`request`, `req`) or the websocket. */
interface InitialContext {
  request?: Request;
  req?: IncomingMessage;
  connectionParams?: Record<string, unknown>;
  clientAddress?: string;
  /** The websocket of an operation that came over one. */
  socket?: WebSocket;
}

export type Yoga = YogaServerInstance<InitialContext, Context>;

/** The header the web client sends so that Yoga's CSRF prevention lets its requests through. */
export const CSRF_HEADER = "x-graphql-csrf";

export function createGraphQLServer(options: YogaOptions): Yoga {
  const { prisma, pubsub, questionnaire, logger, limits, presence, maxQueuedEvents } = options;
  return createYoga<InitialContext, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    graphiql: { title: "Cloud maturity assessment API" },
    renderGraphiQL,
    logging: {
      debug: (...args) => logger.debug({ yoga: args }, "yoga"),
      info: (...args) => logger.info({ yoga: args }, "yoga"),
      warn: (...args) => logger.warn({ yoga: args }, "yoga"),
      error: (...args) => logger.error({ yoga: args }, "yoga"),
    },
    // isDev false keeps Yoga from adding the original error's details in development.
    maskedErrors: { maskError: (error) => maskError(error, logger), isDev: false },
    plugins: [
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
      maxTokensPlugin({ n: limits.maxTokens }),
      maxDepthPlugin({ n: limits.maxDepth, flattenFragments: true }),
      maxAliasesPlugin({ n: limits.maxAliases }),
      costLimitPlugin({ maxCost: limits.maxCost }),
      useRateLimits(limits),
      useInputErrorCodes(),
    ],
    context: async ({ request, req, connectionParams, clientAddress, socket }) => {
      const header = request
        ? request.headers.get("authorization")
        : connectionParams?.authorization;
      return {
        prisma,
        pubsub,
        presence,
        questionnaire,
        logger,
        viewer: await findViewer(prisma, parseBearer(header)),
        clientAddress: clientAddress ?? req?.socket.remoteAddress ?? "unknown",
        maxQueuedEvents,
        // A client that stopped reading cannot receive a close frame either, so
        // the socket is dropped; its events waiting in memory go with it.
        disconnect: socket ? () => socket.terminate() : undefined,
      };
    },
  });
}

const PUBLIC_CODES = new Set<string>([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "CONFLICT",
  "RATE_LIMITED",
  "INTERNAL_SERVER_ERROR",
]);

/**
 * Passes expected errors (those with a public code) to the client as they
 * are. An error outside any field (a syntax error, a failed validation, a
 * variable of the wrong type, a limit) is the request's fault: it becomes
 * BAD_USER_INPUT. Any other error is replaced with a generic one whose request
 * id points to the full error in the log.
 */
function maskError(error: unknown, logger: Logger): Error {
  const original = (error as { originalError?: unknown }).originalError;
  const code = codeOf(original) ?? codeOf(error);
  if (code && PUBLIC_CODES.has(code)) return error as Error;

  if (isGraphQLError(error) && !error.path) {
    const extensions: Record<string, unknown> = { ...error.extensions };
    delete extensions.originalError;
    return new GraphQLError(error.message, {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      extensions: { ...extensions, code: "BAD_USER_INPUT" },
    });
  }

  const requestId = randomUUID();
  if (isDatabaseUnreachable(original ?? error)) {
    logger.warn(
      { requestId, code: ((original ?? error) as { code?: unknown }).code },
      "database unreachable",
    );
    return apiError(
      "INTERNAL_SERVER_ERROR",
      "The database is unreachable, so nothing was read or saved; try again in a moment",
      { requestId, reason: "DATABASE_UNAVAILABLE" },
    );
  }
  logger.error({ err: original ?? error, requestId }, "unexpected error in a GraphQL operation");
  return new GraphQLError("Unexpected error; the server log has details under this requestId", {
    extensions: { code: "INTERNAL_SERVER_ERROR", requestId },
    path: (error as { path?: readonly (string | number)[] }).path,
  });
}

// Read by shape, not with instanceof: a test runner or bundler may load a
// second copy of graphql, whose GraphQLError is another class.
function codeOf(error: unknown): string | undefined {
  const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  return typeof code === "string" ? code : undefined;
}

function isGraphQLError(error: unknown): error is GraphQLError {
  return (error as { name?: unknown } | null)?.name === "GraphQLError";
}
