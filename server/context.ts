import { createHash } from "node:crypto";
import type { Database } from "./db.ts";
import type { Participant } from "./generated/prisma/client.ts";
import type { Logger } from "./logger.ts";
import type { PubSub } from "./pubsub.ts";
import type { Questionnaire } from "./questionnaire/types.ts";

/** What every resolver gets, over HTTP and over the websocket alike. */
export interface Context {
  prisma: Database;
  pubsub: PubSub;
  questionnaire: Questionnaire;
  logger: Logger;
  /** The participant whose token came with the operation, or null without one. */
  viewer: Participant | null;
  /** Events a subscription may hold for a client that does not read them. */
  maxQueuedEvents: number;
  /** Drops the websocket that the operation came on; absent over HTTP. */
  disconnect?: () => void;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Extracts the token from an `Authorization: Bearer TOKEN` value. */
export function parseBearer(header: unknown): string | null {
  if (typeof header !== "string") return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

/** Looks up the participant that a token belongs to, or null. */
export async function findViewer(prisma: Database, token: string | null) {
  if (!token || token.length > 200) return null;
  return prisma.participant.findUnique({ where: { tokenHash: hashToken(token) } });
}
