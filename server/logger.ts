import { pino } from "pino";

export type Logger = pino.Logger;

/** Creates the one structured logger of the process; LOG_LEVEL sets its level. */
export function createLogger(level = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({ level, base: { service: "cloud-maturity" } });
}
