import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { ExecutionArgs, execute } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { Logger } from "./logger.ts";
import type { Yoga } from "./yoga.ts";

type OperationResult = ReturnType<typeof execute>;

interface EnvelopRoot {
  execute: (args: ExecutionArgs) => OperationResult;
  subscribe: (args: ExecutionArgs) => OperationResult;
}

/**
 * Serves graphql-ws on `/graphql`, running every operation through Yoga's
 * envelop so that the same plugins, context and error masking apply as over HTTP.
 * Returns the upgrade handler to attach to the HTTP server, and `close`.
 */
export function createWebSocketServer(yoga: Yoga, logger: Logger) {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });

  useServer(
    {
      execute: (args) => (args.rootValue as EnvelopRoot).execute(args),
      subscribe: (args) => (args.rootValue as EnvelopRoot).subscribe(args),
      onSubscribe: async (context, _id, params) => {
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          connectionParams: context.connectionParams,
          params,
          socket: context.extra.socket,
        });
        const document = parse(params.query);
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;

        return {
          schema,
          operationName: params.operationName,
          document,
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
      },
      onError: (_context, id, _params, errors) => {
        logger.debug({ operationId: id, errors: errors.map((e) => e.message) }, "websocket error");
      },
    },
    sockets,
  );

  return {
    handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
      sockets.handleUpgrade(request, socket, head, (client) => {
        sockets.emit("connection", client, request);
      });
    },
    /** Closes every client with 1001 (going away) so that they reconnect elsewhere. */
    async close() {
      for (const client of sockets.clients) client.close(1001, "Server is shutting down");
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
    },
  };
}
