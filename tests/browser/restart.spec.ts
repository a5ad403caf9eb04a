import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, test } from "@playwright/test";
import { joinByLink, openSection, startAssessment, statement } from "./pages.ts";

// This test stops and starts a server of its own, next to the shared one.
const port = Number(process.env.E2E_PORT ?? 3555) + 1;
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), "cloud-maturity-restart-"));

async function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: resolve(import.meta.dirname, "../.."),
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
  await expect
    .poll(
      async () => {
        const response = await fetch(`${baseURL}/healthz`).catch(() => null);
        return response?.status;
      },
      { timeout: 30_000 },
    )
    .toBe(200);
  return child;
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolveExit) => {
    child.once("exit", () => resolveExit());
    child.kill("SIGTERM");
  });
}

test("both pages recover when the server restarts mid-session", async ({ browser }) => {
  let server = await startServer();
  const priya = await (await browser.newContext({ baseURL })).newPage();
  const sam = await (await browser.newContext({ baseURL })).newPage();
  try {
    const { link } = await startAssessment(priya, "Restart workshop", "Priya");
    await joinByLink(sam, link, "Sam");
    await openSection(priya, "Security");
    await openSection(sam, "Security");
    await statement(sam, "How do you manage risks?", "Informally, by individuals.").check();
    await expect(priya.getByTestId("progress-security")).toContainText("1 answered");

    await stopServer(server);
    await expect(priya.getByText("Reconnecting…")).toBeVisible();
    await expect(sam.getByText("Reconnecting…")).toBeVisible();
    server = await startServer();

    await expect(priya.getByText("Reconnecting…")).toHaveCount(0, { timeout: 30_000 });
    await expect(sam.getByText("Reconnecting…")).toHaveCount(0, { timeout: 30_000 });
    await statement(sam, "How do you manage privileged access?", "I don't know").check();
    await expect(
      statement(priya, "How do you manage privileged access?", "I don't know"),
    ).toBeChecked();
    await expect(
      statement(priya, "How do you manage risks?", "Informally, by individuals."),
    ).toBeChecked();
    await expect(priya.getByTestId("progress-security")).toContainText(
      "1 answered, 1 “I don't know”",
    );
  } finally {
    await stopServer(server);
  }
});
