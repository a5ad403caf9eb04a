import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";
import { chromiumPath } from "./tests/browser/chromium.ts";

const port = Number(process.env.E2E_PORT ?? 3555);
// Each run starts on an empty embedded database of its own.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), "cloud-maturity-e2e-"));

export default defineConfig({
  testDir: "tests/browser",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      // The machine has no network beyond loopback, and tests run as root.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: "node --import tsx server/main.ts",
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      // The browser tests use the embedded database even where CI sets these.
      DATABASE_URL: "",
      REDIS_URL: "",
    },
    stdout: "ignore",
    stderr: "pipe",
  },
});
