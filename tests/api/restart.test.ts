import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { newDataDir, request, startProcess, stopProcess } from "./harness.ts";
import { ASSESSMENT, CREATE, JOIN, SET_ANSWER } from "./operations.ts";

const running: Awaited<ReturnType<typeof startProcess>>[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) {
    if (server.child.exitCode === null) await stopProcess(server.child);
  }
});

async function start(dataDir: string) {
  const server = await startProcess(dataDir);
  running.push(server);
  return server;
}

describe("server process", () => {
  it("keeps every answer across a restart", async () => {
    const dataDir = await newDataDir();
    const first = await start(dataDir);
    const created = (await request(first.url, CREATE, { name: "Acme", facilitatorName: "Priya" }))
      .data!.createAssessment;
    const joined = (await request(first.url, JOIN, { code: created.joinCode, name: "Sam" })).data!
      .joinAssessment;
    const id = created.assessment.id;
    await request(
      first.url,
      SET_ANSWER,
      { assessmentId: id, questionKey: "security/supply-chain", level: 3 },
      joined.token,
    );
    await request(
      first.url,
      SET_ANSWER,
      { assessmentId: id, questionKey: "data/retention", dontKnow: true },
      created.token,
    );
    const before = (await request(first.url, ASSESSMENT, { id }, created.token)).data!.assessment;

    expect(await stopProcess(first.child)).toBe(0);
    const second = await start(dataDir);
    const after = await request(second.url, ASSESSMENT, { id }, joined.token);

    expect(after.data!.assessment).toEqual(before);
    expect(after.data!.assessment.revision).toBe(2);
    expect(after.data!.assessment.overall).toEqual({
      total: 47,
      answered: 1,
      dontKnow: 1,
      score: 3,
    });
  });

  it("closes open websockets with 1001 on SIGTERM", async () => {
    const server = await start(await newDataDir());
    const socket = new WebSocket(
      `${server.url.replace("http", "ws")}/graphql`,
      "graphql-transport-ws",
    );
    await new Promise((resolveOpen) => socket.once("open", resolveOpen));
    const closed = new Promise<number>((resolveClose) => socket.once("close", resolveClose));

    const exitCode = await stopProcess(server.child);

    expect(await closed).toBe(1001);
    expect(exitCode).toBe(0);
  });

  it("answers /healthz with 200 once ready", async () => {
    const server = await start(await newDataDir());
    const response = await fetch(`${server.url}/healthz`);

    expect(response.status).toBe(200);
  });

  it("refuses a second server on the same data folder", async () => {
    const dataDir = await newDataDir();
    await start(dataDir);
    const second = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      cwd: resolve(import.meta.dirname, "../.."),
      env: {
        ...process.env,
        DATABASE_URL: "",
        REDIS_URL: "",
        PORT: "0",
        DATA_DIR: dataDir,
        WEB_MODE: "none",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    second.stdout.on("data", (chunk) => (output += chunk));
    const exitCode = await new Promise((resolveExit) => second.once("exit", resolveExit));

    expect(exitCode).toBe(1);
    expect(output).toContain("is in use by process");
  });
});
