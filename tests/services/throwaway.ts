// Private PostgreSQL and Redis servers that a test can stop and start again,
// so that outages can be tested without touching the shared services.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Resolves once something accepts TCP connections on the port, or rejects after `timeoutMs`. */
export async function waitForPort(port: number, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await canConnect(port))) {
    if (Date.now() > deadline)
      throw new Error(`nothing listens on port ${port} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function canConnect(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function postgresBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const version = readdirSync(root).sort().at(-1);
  const bin = version && join(root, version, "bin");
  return bin && existsSync(join(bin, "initdb")) ? bin : null;
}

/** Whether this machine can run a private PostgreSQL server (its binaries and a postgres user). */
export const canRunPostgres = () =>
  postgresBin() !== null && spawnSync("id", ["postgres"]).status === 0;

/** Whether this machine can run a private Redis server. */
export const canRunRedis = () => spawnSync("redis-server", ["--version"]).status === 0;

// PostgreSQL refuses to run as root, so its commands run as the postgres user.
function asPostgres(command: string, args: string[]) {
  const asRoot = process.getuid?.() === 0;
  return asRoot
    ? spawnSync("runuser", ["-u", "postgres", "--", command, ...args], { encoding: "utf8" })
    : spawnSync(command, args, { encoding: "utf8" });
}

/** A PostgreSQL cluster of its own in a temporary folder, listening on 127.0.0.1:`port`. */
export async function createPostgres(port: number) {
  const bin = postgresBin();
  if (!bin) throw new Error("PostgreSQL binaries not found under /usr/lib/postgresql");
  const folder = await mkdtemp(join(tmpdir(), "cma_scale_pg-"));
  await chmod(folder, 0o777);
  const dataDir = join(folder, "data");
  const run = (args: string[]) => {
    const result = asPostgres(join(bin, "pg_ctl"), args);
    if (result.status !== 0) throw new Error(`pg_ctl ${args[0]} failed: ${result.stderr}`);
  };

  const init = asPostgres(join(bin, "initdb"), ["-D", dataDir, "-U", "postgres", "-A", "trust"]);
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off`;

  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    async start() {
      run(["start", "-w", "-D", dataDir, "-o", options, "-l", join(folder, "log")]);
      await waitForPort(port);
    },
    stop() {
      run(["stop", "-w", "-m", "immediate", "-D", dataDir]);
    },
    async remove() {
      asPostgres(join(bin, "pg_ctl"), ["stop", "-w", "-m", "immediate", "-D", dataDir]);
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** A Redis server of its own, without persistence, listening on 127.0.0.1:`port`. */
export function createRedis(port: number) {
  let child: ReturnType<typeof spawn> | undefined;
  return {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      child = spawn(
        "redis-server",
        ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        { stdio: "ignore" },
      );
      await waitForPort(port);
    },
    async stop() {
      const running = child;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once("exit", resolve));
      running.kill("SIGKILL");
      await exited;
    },
  };
}
