import { randomUUID } from "node:crypto";
import { GraphQLError } from "graphql";
import { createYoga, type YogaServerInstance } from "graphql-yoga";
import type { WebSocket } from "ws";
import { type Context, findViewer, parseBearer } from "./context.ts";
import type { Database } from "./db.ts";
import { isDatabaseUnreachable } from "./db/unreachable.ts";
import { apiError } from "./errors.ts";
import type { Logger } from "./logger.ts";
import type { PubSub } from "./pubsub.ts";
import type { Questionnaire } from "./questionnaire/types.ts";
import { schema } from "./schema/index.ts";

export interface YogaOptions {
  prisma: Database;
  pubsub: PubSub;
  questionnaire: Questionnaire;
  logger: Logger;
  maxQueuedEvents: number;
}

/** What Yoga's context function receives over HTTP (`request`) or the websocket. */
interface InitialContext {
  request?: Request;
  connectionParams?: Record<string, unknown>;
  /** The websocket of an operation that came over one. */
  socket?: WebSocket;
}

export type Yoga = YogaServerInstance<InitialContext, Context>;

export function createGraphQLServer(options: YogaOptions): Yoga {
  const { prisma, pubsub, questionnaire, logger, maxQueuedEvents } = options;
  return createYoga<InitialContext, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    logging: {
      debug: (...args) => logger.debug({ yoga: args }, "yoga"),
      info: (...args) => logger.info({ yoga: args }, "yoga"),
      warn: (...args) => logger.warn({ yoga: args }, "yoga"),
      error: (...args) => logger.error({ yoga: args }, "yoga"),
    },
    maskedErrors: { maskError: (error) => maskError(error, logger) },
    context: async ({ request, connectionParams, socket }) => {
      const header = request
        ? request.headers.get("authorization")
        : connectionParams?.authorization;
      return {
        prisma,
        pubsub,
        questionnaire,
        logger,
        viewer: await findViewer(prisma, parseBearer(header)),
        maxQueuedEvents,
        // A client that stopped reading cannot receive a close frame either, so
        // the socket is dropped; its events waiting in memory go with it.
        disconnect: socket ? () => socket.terminate() : undefined,
      };
    },
  });
}

/**
 * Passes expected errors (those that carry a code) to the client as they are,
 * and replaces any other with a generic one whose request id points to the
 * full error in the log.
 */
function maskError(error: unknown, logger: Logger): Error {
  const original = (error as { originalError?: unknown }).originalError ?? error;
  if (hasCode(original) || (original === error && hasCode(error))) return error as Error;

  const requestId = randomUUID();
  if (isDatabaseUnreachable(original)) {
    logger.warn({ requestId, code: (original as { code?: unknown }).code }, "database unreachable");
    return apiError(
      "SERVICE_UNAVAILABLE",
      "The database is unreachable, so nothing was read or saved; try again in a moment",
      { requestId },
    );
  }
  logger.error({ err: original, requestId }, "unexpected error in a GraphQL operation");
  return new GraphQLError("Unexpected error; the server log has details under this requestId", {
    extensions: { code: "INTERNAL_SERVER_ERROR", requestId },
    path: (error as { path?: readonly (string | number)[] }).path,
  });
}

// Checked by shape, not with instanceof: a test runner or bundler may load a
// second copy of graphql, whose GraphQLError is another class.
function hasCode(error: unknown): boolean {
  const extensions = (error as { extensions?: { code?: unknown } } | null)?.extensions;
  return typeof extensions?.code === "string";
}
