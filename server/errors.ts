import { GraphQLError } from "graphql";

/** The error codes of the public API, as `extensions.code`. */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "BAD_USER_INPUT"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "SERVICE_UNAVAILABLE"
  | "INTERNAL_SERVER_ERROR";

/** Creates an expected error that reaches the client with its message and code. */
export function apiError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const badInput = (message: string, field?: string) =>
  apiError("BAD_USER_INPUT", message, field ? { field } : {});

export const unauthenticated = () =>
  apiError("UNAUTHENTICATED", "Missing or invalid token: send Authorization: Bearer TOKEN");

// One message for "not yours" and "does not exist", so that a refusal never
// reveals whether an assessment exists.
export const forbiddenAssessment = () =>
  apiError("FORBIDDEN", "This token does not give access to that assessment");
