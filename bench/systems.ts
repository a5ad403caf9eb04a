// Starting and watching the servers under test, each as its own process.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";

const root = resolve(import.meta.dirname, "..");

export type SystemName = "reference" | "embedded" | "postgres";

export interface Services {
  /** An administrative URL of a PostgreSQL server, or null when none is reachable. */
  postgresUrl: string | null;
  redisUrl: string | null;
}

export interface RunningSystem {
  name: SystemName;
  url: string;
  pid: number;
  /** Milliseconds from spawning the process to the first 200 from /healthz. */
  healthyMs: number;
  /** Stops the process; for the embedded database, also measures a restart on its folder. */
  stop(): Promise<{ restartHealthyMs: number | null }>;
}

let runs = 0;

/** Starts one system on a new, empty database and waits until it is healthy. */
export async function startSystem(
  name: SystemName,
  port: number,
  services: Services,
): Promise<RunningSystem> {
  const run = ++runs;
  const env: Record<string, string> = {
    PORT: String(port),
    WEB_MODE: "none",
    LOG_LEVEL: "warn",
    // Every simulated client comes from 127.0.0.1, and the load runs far past a
    // workshop's pace. The per-client and per-token limits are therefore lifted,
    // as the reference server has none.
    RATE_LIMIT_MUTATIONS_PER_TOKEN: "100000000",
    RATE_LIMIT_MUTATIONS_PER_CLIENT: "100000000",
    RATE_LIMIT_JOINS_PER_CLIENT: "100000000",
    MAX_CONNECTIONS_PER_CLIENT: "100000",
  };
  let cleanup = async () => {};
  let dataDir: string | null = null;

  if (name === "embedded") {
    dataDir = await mkdtemp(join(tmpdir(), "cma_scale_bench-"));
    env.DATA_DIR = dataDir;
    cleanup = () => rm(dataDir!, { recursive: true, force: true });
  }
  if (name === "postgres") {
    const database = `cma_scale_bench_${process.pid}_${run}`;
    await adminQuery(services.postgresUrl!, `CREATE DATABASE ${database}`);
    env.DATABASE_URL = withDatabase(services.postgresUrl!, database);
    env.REDIS_URL = services.redisUrl!;
    env.REDIS_CHANNEL_PREFIX = `cma_scale_bench_${process.pid}_${run}:`;
    cleanup = () =>
      adminQuery(services.postgresUrl!, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }

  const script = name === "reference" ? "bench/reference/server.ts" : "server/main.ts";
  // Blank values override those of the benchmark's own environment.
  const childEnv = { ...env, DATABASE_URL: env.DATABASE_URL ?? "", REDIS_URL: env.REDIS_URL ?? "" };
  const started = await spawnHealthy(script, childEnv, port);

  return {
    name,
    url: `http://127.0.0.1:${port}`,
    pid: started.child.pid!,
    healthyMs: started.healthyMs,
    async stop() {
      await stopChild(started.child);
      let restartHealthyMs: number | null = null;
      if (dataDir) {
        const again = await spawnHealthy(script, childEnv, port);
        restartHealthyMs = again.healthyMs;
        await stopChild(again.child);
      }
      await cleanup();
      return { restartHealthyMs };
    },
  };
}

async function spawnHealthy(script: string, env: Record<string, string>, port: number) {
  const startedAt = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${script} exited with ${child.exitCode}: ${stderr}`);
    if (Date.now() > deadline) throw new Error(`${script} was not healthy within 60 s`);
    const healthy = await fetch(`http://127.0.0.1:${port}/healthz`)
      .then((response) => response.status === 200)
      .catch(() => false);
    if (healthy) return { child, healthyMs: performance.now() - startedAt };
    await new Promise((resolveWait) => setTimeout(resolveWait, 10));
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolveExit) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolveExit();
    });
    child.kill("SIGTERM");
  });
}

/** CPU seconds (user and system) that a process has used so far, from /proc. */
export async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name, which is in brackets and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Resident memory of a process in bytes, from /proc. */
export async function residentBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.href;
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
