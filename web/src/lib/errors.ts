import type { CombinedError } from "@urql/core";

// Labels of the API's argument names as the pages show them.
const FIELD_LABELS: Record<string, string> = {
  name: "The name",
  facilitatorName: "Your name",
  code: "The join code",
};

/** Turns a failed operation into a sentence for the page. */
export function describeError(error: CombinedError): string {
  if (error.networkError) {
    return "Could not reach the server. Check your connection and try again.";
  }
  const [first] = error.graphQLErrors;
  const code = first?.extensions?.code;
  if (code === "UNAUTHENTICATED") {
    return "Your place in this assessment has ended. Ask the facilitator for the link to join again.";
  }
  if (code === "RATE_LIMITED") return "Too many changes at once. Wait a moment and try again.";
  const field = first?.extensions?.field as string | undefined;
  if (code === "BAD_USER_INPUT" && field && FIELD_LABELS[field]) {
    return first.message.replace(new RegExp(`^${field}\\b`), FIELD_LABELS[field]);
  }
  return first?.message ?? "Something went wrong. Try again.";
}

/** Returns the `extensions.code` of the first GraphQL error, if any. */
export function errorCode(error: CombinedError | undefined): string | undefined {
  return error?.graphQLErrors[0]?.extensions?.code as string | undefined;
}
