import { createHash } from "node:crypto";
import type { Database } from "./db.ts";
import type { Role } from "./generated/prisma/enums.ts";
import type { Logger } from "./logger.ts";
import type { PresenceStore } from "./presence.ts";
import type { PubSub } from "./pubsub.ts";
import type { Questionnaire } from "./questionnaire/types.ts";

/** The identity an operation acts for: a member of one assessment, or an integration token for it. */
export interface Viewer {
  assessmentId: string;
  role: Role | "INTEGRATION";
  /** The participant behind the token; null for an integration token. */
  participantId: string | null;
  integrationTokenId: string | null;
}

/** The context of every resolver, over HTTP and over the websocket alike. */
export interface Context {
  prisma: Database;
  pubsub: PubSub;
  questionnaire: Questionnaire;
  logger: Logger;
  /** Null when the operation came without a valid token. */
  viewer: Viewer | null;
  /** The client's IP address, for rate limits and logs. */
  clientAddress: string;
  presence: PresenceStore;
  /** Events a subscription may hold for a client that does not read them. */
  maxQueuedEvents: number;
  /** Drops the websocket that the operation came on; absent over HTTP. */
  disconnect?: () => void;
}

/** Integration tokens carry this prefix, so that one lookup finds the right table. */
export const INTEGRATION_PREFIX = "cmi_";

// Writing lastUsedAt on every request would turn each read into a write.
const LAST_USED_RESOLUTION_MS = 60_000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Extracts the token from an `Authorization: Bearer TOKEN` value. */
export function parseBearer(header: unknown): string | null {
  if (typeof header !== "string") return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

/** Looks up who a token belongs to; null for a missing, unknown, removed or revoked token. */
export async function findViewer(prisma: Database, token: string | null): Promise<Viewer | null> {
  if (!token || token.length > 200) return null;
  const tokenHash = hashToken(token);

  if (token.startsWith(INTEGRATION_PREFIX)) {
    const integration = await prisma.integrationToken.findUnique({ where: { tokenHash } });
    if (!integration || integration.revokedAt) return null;
    await touch(prisma, integration.id, integration.lastUsedAt);
    return {
      assessmentId: integration.assessmentId,
      role: "INTEGRATION",
      participantId: null,
      integrationTokenId: integration.id,
    };
  }

  const participant = await prisma.participant.findUnique({ where: { tokenHash } });
  if (!participant || participant.removedAt) return null;
  return {
    assessmentId: participant.assessmentId,
    role: participant.role,
    participantId: participant.id,
    integrationTokenId: null,
  };
}

async function touch(prisma: Database, id: string, lastUsedAt: Date | null) {
  const now = new Date();
  if (lastUsedAt && now.getTime() - lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
  await prisma.integrationToken.update({ where: { id }, data: { lastUsedAt: now } });
}
