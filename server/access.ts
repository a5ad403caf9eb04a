import type { Context } from "./context.ts";
import { apiError, forbiddenAssessment, unauthenticated } from "./errors.ts";
import type { Participant } from "./generated/prisma/client.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Returns the id in canonical form, or null when it cannot be an id of ours. */
export function parseId(id: string): string | null {
  return UUID.test(id) ? id.toLowerCase() : null;
}

export type Access = "read" | "write";

/**
 * Returns the viewer when their token belongs to `assessmentId` and allows
 * `access`; raises UNAUTHENTICATED without a token and FORBIDDEN otherwise.
 */
export function requireMember(context: Context, assessmentId: string, access: Access): Participant {
  const viewer = context.viewer;
  if (!viewer) throw unauthenticated();
  if (viewer.assessmentId !== parseId(assessmentId)) throw forbiddenAssessment();

  if (access === "write" && viewer.role === "OBSERVER") {
    throw apiError("FORBIDDEN", "Observers can read and follow the assessment but not change it");
  }
  return viewer;
}
