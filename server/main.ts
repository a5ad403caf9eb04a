// Entry point: reads settings from the environment, starts the server and
// stops it cleanly on SIGTERM or SIGINT.
import { startApp } from "./app.ts";
import { readLimits } from "./limits.ts";
import { createLogger } from "./logger.ts";
import type { WebMode } from "./web.ts";

const logger = createLogger();

function readPort(value: string | undefined): number {
  const port = Number(value ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer from 0 to 65535, got "${value}"`);
  }
  return port;
}

try {
  const app = await startApp({
    port: readPort(process.env.PORT),
    host: process.env.HOST ?? "127.0.0.1",
    dataDir: process.env.DATA_DIR ?? "./data",
    databaseUrl: process.env.DATABASE_URL || undefined,
    redisUrl: process.env.REDIS_URL || undefined,
    redisChannelPrefix: process.env.REDIS_CHANNEL_PREFIX || undefined,
    web: (process.env.WEB_MODE as WebMode | undefined) ?? "build",
    logger,
    limits: readLimits(process.env),
    allowedOrigins: (process.env.ALLOWED_ORIGINS ?? "")
      .split(",")
      .map((origin) => origin.trim())
      .filter(Boolean),
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "signal received");
    try {
      await app.stop();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, "failed to stop cleanly");
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
} catch (error) {
  logger.fatal({ err: error }, `failed to start: ${(error as Error).message}`);
  process.exit(1);
}
