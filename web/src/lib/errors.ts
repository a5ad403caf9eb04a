import type { CombinedError } from "@urql/core";

/** Turns a failed operation into a sentence for the page. */
export function describeError(error: CombinedError): string {
  if (error.networkError) {
    return "Could not reach the server. Check your connection and try again.";
  }
  const [first] = error.graphQLErrors;
  return first?.message ?? "Something went wrong. Try again.";
}

/** The `extensions.code` of the first GraphQL error, if any. */
export function errorCode(error: CombinedError | undefined): string | undefined {
  return error?.graphQLErrors[0]?.extensions?.code as string | undefined;
}
