import { existsSync } from "node:fs";

/** Returns the Chromium that the browser tests drive, or raises with how to install it. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}: install it with \`apt-get install -y chromium\` ` +
        "or set CHROMIUM_PATH to a Chromium or Chrome binary",
    );
  }
  return path;
}
