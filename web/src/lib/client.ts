import { Client, fetchExchange, subscriptionExchange } from "@urql/core";
import { createClient as createSocketClient, type Client as SocketClient } from "graphql-ws";
import { currentAuthorization } from "./session.ts";

export type ConnectionState = "connecting" | "connected" | "reconnecting" | "revoked";

// The server closes with 4403 when the token was revoked or its member removed.
const FORBIDDEN_CLOSE = 4403;

export interface GraphQLConnection {
  client: Client;
  socket: SocketClient;
  /** Calls `listener` on every change of the websocket's state; returns the unsubscriber. */
  onState(listener: (state: ConnectionState, reconnected: boolean) => void): () => void;
}

/** Builds the headers of an HTTP request, with the given token if any. */
export function authorizationHeaders(token?: string | null): Record<string, string> {
  // The server's CSRF prevention refuses requests without this header.
  const headers: Record<string, string> = { "x-graphql-csrf": "1" };
  if (token) headers.authorization = `Bearer ${token}`;
  return headers;
}

/**
 * Creates the one urql client of the page: queries and mutations over HTTP,
 * subscriptions over graphql-ws on the same origin. The socket retries for
 * ever with backoff, because a workshop laptop may sleep or lose the network.
 */
export function createConnection(): GraphQLConnection {
  const listeners = new Set<(state: ConnectionState, reconnected: boolean) => void>();
  let connectedBefore = false;
  const emit = (state: ConnectionState, reconnected = false) => {
    for (const listener of listeners) listener(state, reconnected);
  };

  const origin = new URL("/graphql", window.location.href);
  origin.protocol = origin.protocol === "https:" ? "wss:" : "ws:";

  const socket = createSocketClient({
    url: origin.href,
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: (event) => (event as CloseEvent | undefined)?.code !== FORBIDDEN_CLOSE,
    retryWait: async (retries) => {
      const delay = Math.min(500 * 2 ** retries, 5000) * (0.75 + Math.random() / 2);
      await new Promise((resolve) => setTimeout(resolve, delay));
    },
    keepAlive: 10_000,
    connectionParams: () => {
      const authorization = currentAuthorization();
      return authorization ? { authorization } : {};
    },
    on: {
      connected: () => {
        emit("connected", connectedBefore);
        connectedBefore = true;
      },
      closed: (event) => {
        if ((event as CloseEvent | undefined)?.code === FORBIDDEN_CLOSE) emit("revoked");
        else emit(connectedBefore ? "reconnecting" : "connecting");
      },
    },
  });

  // A browser that goes offline may keep a dead socket open for a while; close
  // it at once so that the page shows it is reconnecting and retries when back.
  window.addEventListener("offline", () => socket.terminate());

  const client = new Client({
    url: "/graphql",
    preferGetMethod: false,
    requestPolicy: "network-only",
    fetchOptions: (): RequestInit => {
      const authorization = currentAuthorization();
      return { headers: authorizationHeaders(authorization?.replace(/^Bearer /, "")) };
    },
    exchanges: [
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({
            unsubscribe: socket.subscribe({ ...request, query: request.query ?? "" }, sink),
          }),
        }),
      }),
    ],
  });

  return {
    client,
    socket,
    onState(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
