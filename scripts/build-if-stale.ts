// Runs `npm run build` unless the built pages and the generated Prisma client
// are newer than everything they are made from. `npm start` calls it, so that
// starting again does not rebuild the pages under a server that is serving them.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const sources = [
  "web/src",
  "web/static",
  "svelte.config.js",
  "vite.config.ts",
  "prisma",
  "package-lock.json",
];
const outputs = ["web/build/handler.js", "server/generated/prisma/client.ts"];

function newestChange(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestChange(join(path, name))),
    stats.mtimeMs,
  );
}

const outputTimes = outputs
  .map((path) => join(root, path))
  .map((path) => (existsSync(path) ? statSync(path).mtimeMs : 0));
const sourceTime = Math.max(...sources.map((path) => newestChange(join(root, path))));

if (Math.min(...outputTimes) > sourceTime) {
  process.stdout.write("The pages are up to date; skipping the build.\n");
} else {
  const build = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  process.exit(build.status ?? 1);
}
