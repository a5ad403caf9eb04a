import { existsSync } from "node:fs";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

export type WebMode = "build" | "dev" | "none";

export type PageHandler = (request: IncomingMessage, response: ServerResponse) => void;

export interface PageServer {
  handle: PageHandler;
  close(): Promise<void>;
}

const projectRoot = resolve(import.meta.dirname, "..");
const builtHandler = resolve(projectRoot, "web/build/handler.js");

/**
 * Loads what serves the pages: the SvelteKit build (adapter-node's handler),
 * or Vite in middleware mode with live reload over the same HTTP server.
 */
export async function loadPages(mode: WebMode, server: Server): Promise<PageServer> {
  if (mode === "none") return { handle: notFound, close: async () => {} };

  if (mode === "dev") {
    const { createServer } = await import("vite");
    const vite = await createServer({
      // SvelteKit's config, at the top of the project, points Vite into web/.
      root: projectRoot,
      configFile: resolve(projectRoot, "vite.config.ts"),
      appType: "custom",
      server: { middlewareMode: true, hmr: { server } },
    });
    return {
      handle: (request, response) => vite.middlewares(request, response),
      close: () => vite.close(),
    };
  }

  if (!existsSync(builtHandler)) {
    throw new Error(`${builtHandler} is missing: run \`npm run build\` first`);
  }
  const { handler } = await import(pathToFileURL(builtHandler).href);
  return {
    handle: (request, response) => handler(request, response, () => notFound(request, response)),
    close: async () => {},
  };
}

function notFound(_request: IncomingMessage, response: ServerResponse) {
  response.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
}
