import type { Plugin } from "@envelop/core";
import { GraphQLError } from "graphql";

/**
 * Gives validation failures the public BAD_USER_INPUT code; Yoga would
 * otherwise tag them GRAPHQL_VALIDATION_FAILED, which the API does not list.
 */
export function useInputErrorCodes(): Plugin {
  return {
    onValidate:
      () =>
      ({ result, setResult }) => {
        if (result.length === 0) return;
        setResult(
          result.map(
            (error) =>
              new GraphQLError(error.message, {
                nodes: error.nodes,
                source: error.source,
                positions: error.positions,
                extensions: { ...error.extensions, code: "BAD_USER_INPUT" },
              }),
          ),
        );
      },
  };
}
