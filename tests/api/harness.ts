import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { startApp, type App, type AppOptions } from "../../server/app.ts";
import { defaultLimits, type Limits } from "../../server/limits.ts";
import { createLogger } from "../../server/logger.ts";

export const newDataDir = () => mkdtemp(join(tmpdir(), "cloud-maturity-test-"));

/** Starts the server in this process on a free port, with its own embedded database. */
export async function startServer(
  options: Partial<Omit<AppOptions, "limits">> & { limits?: Partial<Limits> } = {},
): Promise<App & { dataDir: string }> {
  const directory = options.dataDir ?? (await newDataDir());
  const app = await startApp({
    port: 0,
    host: "127.0.0.1",
    dataDir: directory,
    web: "none",
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? "silent"),
    ...options,
    limits: { ...defaultLimits, ...options.limits },
  });
  return Object.assign(app, { dataDir: directory });
}

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

/** Sends one operation over HTTP, as an integrator would. */
export async function request<T = Record<string, any>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/** The `extensions.code` of the first error, or undefined. */
export const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;

export function socketClient(baseUrl: string, token?: string): Client {
  return createClient({
    url: `${baseUrl.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
}

/**
 * Subscribes over the websocket and collects what arrives, so that a test can
 * wait for the next event or for the subscription's error.
 */
export function subscribe(client: Client, query: string, variables: Record<string, unknown>) {
  const events: GraphQLResponse[] = [];
  const waiters: (() => void)[] = [];
  let failure: unknown;
  let completed = false;
  const wake = () => waiters.splice(0).forEach((resolveWaiter) => resolveWaiter());

  const unsubscribe = client.subscribe(
    { query, variables },
    {
      next: (value) => {
        events.push(value as GraphQLResponse);
        wake();
      },
      error: (error) => {
        failure = error;
        wake();
      },
      complete: () => {
        completed = true;
        wake();
      },
    },
  );

  async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000) {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise<void>((resolveWait) => {
        const timer = setTimeout(resolveWait, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolveWait();
        });
      });
    }
  }

  return {
    events,
    unsubscribe,
    /** Resolves with the `count`-th event (1-based) once it has arrived. */
    async nth(count: number, timeoutMs?: number) {
      await waitFor(
        () => events.length >= count || failure !== undefined,
        `event ${count}`,
        timeoutMs,
      );
      if (events.length < count) throw new Error(`subscription failed: ${JSON.stringify(failure)}`);
      return events[count - 1];
    },
    /** Resolves with the latest event once the latest event satisfies `condition`. */
    async until(condition: (event: GraphQLResponse) => boolean, timeoutMs?: number) {
      const find = () => {
        const latest = events.at(-1);
        return latest?.data && condition(latest) ? latest : undefined;
      };
      await waitFor(() => Boolean(find()) || failure !== undefined, "a matching event", timeoutMs);
      if (!find()) throw new Error(`subscription failed: ${JSON.stringify(failure)}`);
      return find()!;
    },
    /** Resolves with the change event that produced `revision`. */
    async change(revision: number, timeoutMs?: number) {
      const find = () =>
        events.find((event) => {
          const change = event.data?.assessmentChanged;
          return change && change.kind !== "SUBSCRIBED" && change.revision === revision;
        });
      await waitFor(
        () => Boolean(find()) || failure !== undefined,
        `revision ${revision}`,
        timeoutMs,
      );
      if (!find()) throw new Error(`subscription failed: ${JSON.stringify(failure)}`);
      return find()!.data!.assessmentChanged;
    },
    /** Resolves with what closed the socket, such as `{ code: 4403 }`. */
    async closed(timeoutMs?: number) {
      await waitFor(() => failure !== undefined || completed, "the socket to close", timeoutMs);
      return failure as { code?: number; reason?: string } | undefined;
    },
    /** Resolves with the errors that ended the subscription. */
    async failed(timeoutMs?: number) {
      await waitFor(
        () => failure !== undefined || completed || events.length > 0,
        "an error",
        timeoutMs,
      );
      return { failure, events };
    },
  };
}

/**
 * Starts `npm start`'s server as a separate process, as an operator would, and
 * resolves once its log says it listens.
 */
export async function startProcess(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<{ url: string; child: ChildProcess; log: string[] }> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: resolve(import.meta.dirname, "../.."),
    env: {
      ...process.env,
      // The embedded database and in-process events unless the test asks otherwise.
      DATABASE_URL: "",
      REDIS_URL: "",
      PORT: "0",
      DATA_DIR: dataDir,
      WEB_MODE: "none",
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines = createInterface({ input: child.stdout! });
  const log: string[] = [];
  lines.on("line", (line) => log.push(line));
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));

  const url = await new Promise<string>((resolveUrl, rejectUrl) => {
    child.once("exit", (code) => rejectUrl(new Error(`server exited with ${code}: ${stderr}`)));
    lines.on("line", (line) => {
      const entry = JSON.parse(line) as { msg: string; url?: string };
      if (entry.msg === "listening" && entry.url) resolveUrl(entry.url);
    });
  });
  return { url, child, log };
}

/** Sends SIGTERM and resolves with the exit code. */
export function stopProcess(child: ChildProcess): Promise<number | null> {
  return new Promise((resolveExit) => {
    child.once("exit", (code) => resolveExit(code));
    child.kill("SIGTERM");
  });
}
