import type { Context, Viewer } from "./context.ts";
import { apiError, forbiddenAssessment, unauthenticated } from "./errors.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Returns the id in canonical form, or null when it cannot be an id of ours. */
export function parseId(id: string | number): string | null {
  const text = String(id);
  return UUID.test(text) ? text.toLowerCase() : null;
}

/** What a scope demands of the viewer on one assessment. */
export type Access = "read" | "write" | "facilitate";

export function isAllowed(viewer: Viewer | null, assessmentId: string, access: Access): boolean {
  if (!viewer || viewer.assessmentId !== parseId(assessmentId)) return false;
  if (access === "write") return viewer.role === "FACILITATOR" || viewer.role === "PARTICIPANT";
  if (access === "facilitate") return viewer.role === "FACILITATOR";
  return true;
}

/** Creates the error for a viewer that lacks `access`, saying why where it is safe to. */
export function accessError(viewer: Viewer | null, assessmentId: string, access: Access) {
  if (!viewer) return unauthenticated();
  if (viewer.assessmentId !== parseId(assessmentId)) return forbiddenAssessment();
  if (access === "facilitate") return apiError("FORBIDDEN", "Only the facilitator can do this");
  return apiError("FORBIDDEN", "This token can read the assessment but not change it");
}

/**
 * Returns the viewer when allowed `access` to the assessment, and raises
 * UNAUTHENTICATED or FORBIDDEN otherwise. Fields declare the same rule with
 * `authScopes`; resolvers call this to get the viewer with its type narrowed.
 */
export function requireAccess(context: Context, assessmentId: string, access: Access): Viewer {
  if (!isAllowed(context.viewer, assessmentId, access)) {
    throw accessError(context.viewer, assessmentId, access);
  }
  return context.viewer!;
}

/** A viewer allowed to write, who is always a participant. */
export type Writer = Viewer & { participantId: string };

/** Like requireAccess for writes, and also returns the participant who writes. */
export function requireWriter(context: Context, assessmentId: string): Writer {
  const viewer = requireAccess(context, assessmentId, "write");
  return { ...viewer, participantId: viewer.participantId! };
}
