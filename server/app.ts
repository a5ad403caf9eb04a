import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { openDatabase, type OpenDatabase } from "./db.ts";
import type { Logger } from "./logger.ts";
import { defaultLimits, type Limits } from "./limits.ts";
import { PresenceStore } from "./presence.ts";
import { createEventBus, type PubSub } from "./pubsub.ts";
import { connectRedisBus } from "./redis-bus.ts";
import { loadQuestionnaire } from "./questionnaire/load.ts";
import { loadPages, type WebMode } from "./web.ts";
import { createWebSocketServer } from "./websocket.ts";
import { createGraphQLServer } from "./yoga.ts";

export interface AppOptions {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** A Redis server through which instances share live events; unset for one instance alone. */
  redisUrl?: string;
  /** Put before the Redis channel name, so that deployments can share one Redis. */
  redisChannelPrefix?: string;
  /** Events a subscription may hold for a client that does not read them; 256 by default. */
  maxQueuedEvents?: number;
  questionsDir?: string;
  web: WebMode;
  logger: Logger;
  limits?: Limits;
  /** Origins besides the server's own that may open a websocket, such as https://example.org. */
  allowedOrigins?: string[];
}

export interface App {
  /** The base URL the server listens on, such as http://127.0.0.1:3000. */
  url: string;
  stop(): Promise<void>;
}

const defaultQuestionsDir = resolve(import.meta.dirname, "../questions");

/**
 * Starts one HTTP server for the pages, `/graphql` and its websocket, after
 * loading the questionnaire and migrating the database. Rejects if any of them fails.
 */
export async function startApp(options: AppOptions): Promise<App> {
  const { logger } = options;
  const questionnaire = await loadQuestionnaire(options.questionsDir ?? defaultQuestionsDir);
  logger.info(
    { version: questionnaire.version, questions: questionnaire.questionsByKey.size },
    "questionnaire loaded",
  );

  const database = await openDatabase(options);
  const limits = options.limits ?? defaultLimits;
  const events = await openEventBus(options).catch(async (error) => {
    await database.close();
    throw error;
  });
  const yoga = createGraphQLServer({
    presence: new PresenceStore(),
    prisma: database.prisma,
    pubsub: events,
    questionnaire,
    logger,
    limits,
    maxQueuedEvents: options.maxQueuedEvents ?? 256,
  });
  const websocket = createWebSocketServer({
    yoga,
    prisma: database.prisma,
    pubsub: events,
    logger,
    limits,
    allowedOrigins: options.allowedOrigins ?? [],
  });
  const server = createServer();
  const pages = await loadPages(options.web, server).catch(async (error) => {
    await events.close();
    await database.close();
    throw error;
  });

  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? "/").split("?")[0];
    if (path === "/healthz") return void checkHealth(database, response);
    if (path === "/graphql") {
      if (rejectLargeBody(request, response, limits.maxBodyBytes)) return;
      return void yoga.requestListener(request, response);
    }
    pages.handle(request, response);
  });
  server.on("upgrade", (request, socket, head) => {
    const path = (request.url ?? "/").split("?")[0];
    if (path === "/graphql") return websocket.handleUpgrade(request, socket, head);
    // In dev mode Vite's live reload listens for its own upgrades on this server.
    if (options.web !== "dev") socket.destroy();
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once("error", rejectListen);
    server.listen(options.port, options.host, () => resolveListen());
  }).catch(async (error) => {
    await pages.close();
    await events.close();
    await database.close();
    throw error;
  });

  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(":") ? `[${address}]` : address}:${port}`;
  logger.info(
    { url, database: database.kind, events: options.redisUrl ? "redis" : "memory" },
    "listening",
  );

  return {
    url,
    async stop() {
      logger.info("stopping");
      const closed = new Promise<void>((resolveClose) => server.close(() => resolveClose()));
      await websocket.close();
      server.closeIdleConnections();
      await closed;
      await pages.close();
      await events.close();
      await database.close();
      logger.info("stopped");
    },
  };
}

/**
 * Answers 413 when Content-Length exceeds `maxBytes`, and 411 for a POST
 * without Content-Length, whose size could not be known before reading it.
 * Returns whether it answered.
 */
function rejectLargeBody(request: IncomingMessage, response: ServerResponse, maxBytes: number) {
  const length = request.headers["content-length"];
  if (request.method === "POST" && length === undefined) {
    return refuseBody(request, response, 411, "Send the request with a Content-Length header");
  }
  if (Number(length ?? 0) > maxBytes) {
    return refuseBody(request, response, 413, `Request body is larger than ${maxBytes} bytes`);
  }
  return false;
}

function refuseBody(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  message: string,
) {
  const body = JSON.stringify({ errors: [{ message, extensions: { code: "BAD_USER_INPUT" } }] });
  response.writeHead(status, { "content-type": "application/json", connection: "close" }).end(body);
  request.resume();
  return true;
}

async function openEventBus(options: AppOptions): Promise<PubSub & { close(): Promise<void> }> {
  if (!options.redisUrl) return { ...createEventBus(), close: async () => {} };
  return connectRedisBus({
    url: options.redisUrl,
    channelPrefix: options.redisChannelPrefix ?? "cloud-maturity:",
    logger: options.logger,
  });
}

const HEALTH_TIMEOUT_MS = 2000;

async function checkHealth(database: OpenDatabase, response: ServerResponse) {
  try {
    // A database that hangs instead of refusing counts as unreachable too.
    await Promise.race([
      database.prisma.$queryRaw`SELECT 1`,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error("timed out")), HEALTH_TIMEOUT_MS).unref(),
      ),
    ]);
    response.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
  } catch {
    response.writeHead(503, { "content-type": "text/plain" }).end("database unreachable\n");
  }
}
