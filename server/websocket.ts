import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { ExecutionArgs, execute } from "graphql";
import { GraphQLError } from "graphql";
import { CloseCode } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer, type WebSocket } from "ws";
import { findViewer, parseBearer } from "./context.ts";
import type { Database } from "./db.ts";
import type { Limits } from "./limits.ts";
import type { Logger } from "./logger.ts";
import type { PubSub } from "./pubsub.ts";
import type { Yoga } from "./yoga.ts";

type OperationResult = ReturnType<typeof execute>;

interface EnvelopRoot {
  execute: (args: ExecutionArgs) => OperationResult;
  subscribe: (args: ExecutionArgs) => OperationResult;
}

export interface WebSocketOptions {
  yoga: Yoga;
  prisma: Database;
  pubsub: PubSub;
  logger: Logger;
  limits: Limits;
  /** Origins allowed to open a websocket besides the server's own; see `isAllowedOrigin`. */
  allowedOrigins: string[];
}

/**
 * Serves graphql-ws on `/graphql`, running every operation through Yoga's
 * envelop so that the same plugins, context and error masking apply as over
 * HTTP. Returns the upgrade handler to attach to the HTTP server, and `close`.
 */
export function createWebSocketServer(options: WebSocketOptions) {
  const { yoga, prisma, pubsub, logger, limits } = options;
  const sockets = new WebSocketServer({ noServer: true, maxPayload: limits.maxFrameBytes });
  const perClient = new Map<string, number>();
  const subscriptions = new WeakMap<WebSocket, number>();
  const byHolder = new Map<string, Set<WebSocket>>();

  const track = (holder: string, socket: WebSocket) => {
    const set = byHolder.get(holder) ?? new Set();
    set.add(socket);
    byHolder.set(holder, set);
    socket.once("close", () => {
      set.delete(socket);
      if (set.size === 0) byHolder.delete(holder);
    });
  };

  useServer(
    {
      execute: (args) => (args.rootValue as EnvelopRoot).execute(args),
      subscribe: (args) => (args.rootValue as EnvelopRoot).subscribe(args),
      onConnect: async ({ connectionParams, extra }) => {
        const token = parseBearer(connectionParams?.authorization);
        if (!token) return true;
        // A token that is sent must be valid; a connection without one may still
        // read the questionnaire.
        const viewer = await findViewer(prisma, token);
        if (!viewer) return false;
        track(viewer.participantId ?? viewer.integrationTokenId!, extra.socket);
        return true;
      },
      onSubscribe: async (context, _id, params) => {
        const active = subscriptions.get(context.extra.socket) ?? 0;
        if (active >= limits.subscriptionsPerConnection) {
          return [
            new GraphQLError(
              `At most ${limits.subscriptionsPerConnection} subscriptions per connection`,
              { extensions: { code: "RATE_LIMITED" } },
            ),
          ];
        }

        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          connectionParams: context.connectionParams,
          clientAddress: clientAddressOf(context.extra.request),
          params,
          socket: context.extra.socket,
        });
        let document;
        try {
          document = parse(params.query);
          const errors = validate(schema, document);
          if (errors.length > 0) return errors.map(asInputError);
        } catch (error) {
          // graphql-ws treats a throw as a server fault and drops the socket, but
          // a syntax error or a limit (which graphql-armor throws) is the client's to fix.
          return [asInputError(error)];
        }

        subscriptions.set(context.extra.socket, active + 1);
        return {
          schema,
          operationName: params.operationName,
          document,
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
      },
      onComplete: (context) => {
        const active = subscriptions.get(context.extra.socket) ?? 1;
        subscriptions.set(context.extra.socket, active - 1);
      },
    },
    sockets,
    // A ping every 5 s finds a dead network within about 10 s, which ends that
    // member's presence.
    5_000,
  );

  const revocations = pubsub.subscribe("access:revoked");
  void (async () => {
    for await (const event of revocations) {
      const holder = event.participantId ?? event.integrationTokenId;
      for (const socket of byHolder.get(holder ?? "") ?? []) {
        socket.close(CloseCode.Forbidden, "Access revoked");
      }
      logger.info({ holder }, "closed websockets of revoked access");
    }
  })();

  return {
    handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
      if (!isAllowedOrigin(request, options.allowedOrigins)) {
        logger.warn({ origin: request.headers.origin }, "websocket from a foreign origin rejected");
        return refuse(socket, 403, "Forbidden origin");
      }
      const client = clientAddressOf(request);
      const open = perClient.get(client) ?? 0;
      if (open >= limits.connectionsPerClient) {
        logger.warn({ client, open }, "websocket refused: too many connections from one client");
        return refuse(socket, 429, "Too many connections");
      }

      sockets.handleUpgrade(request, socket, head, (webSocket) => {
        perClient.set(client, (perClient.get(client) ?? 0) + 1);
        webSocket.once("close", () => {
          const left = (perClient.get(client) ?? 1) - 1;
          if (left === 0) perClient.delete(client);
          else perClient.set(client, left);
        });
        sockets.emit("connection", webSocket, request);
      });
    },
    /** Closes every client with 1001 (going away) so that they reconnect elsewhere. */
    async close() {
      await revocations.return?.();
      for (const client of sockets.clients) client.close(1001, "Server is shutting down");
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
    },
  };
}

/**
 * Allows a websocket from a page of this server (its Origin names the same
 * host as the request), from a listed origin, or from a client that is not a
 * browser and sends no Origin. A browser always sends it, so a page of another
 * site cannot open a socket from a visitor's browser.
 */
export function isAllowedOrigin(request: IncomingMessage, allowedOrigins: string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (allowedOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

function asInputError(error: unknown): GraphQLError {
  const { message, extensions } = error as GraphQLError;
  return new GraphQLError(message, {
    extensions: { ...extensions, code: extensions?.code ?? "BAD_USER_INPUT" },
  });
}

function clientAddressOf(request: IncomingMessage): string {
  return request.socket.remoteAddress ?? "unknown";
}

function refuse(socket: Duplex, status: number, reason: string) {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
