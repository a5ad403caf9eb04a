import type { Plugin } from "@envelop/core";
import { getOperationAST, Kind } from "graphql";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Context } from "../context.ts";
import { apiError } from "../errors.ts";
import type { Limits } from "../limits.ts";

const JOIN_FIELDS = new Set(["createAssessment", "joinAssessment"]);

/**
 * Rejects a mutation with RATE_LIMITED, before it runs, once its token or IP
 * address has used up its budget for the minute. Applies over HTTP and the
 * websocket alike, because both run through the same envelop.
 */
export function useRateLimits(limits: Limits): Plugin<Context> {
  const perToken = new RateLimiterMemory({
    points: limits.mutationsPerMinutePerToken,
    duration: 60,
  });
  const perClient = new RateLimiterMemory({
    points: limits.mutationsPerMinutePerClient,
    duration: 60,
  });
  const joins = new RateLimiterMemory({ points: limits.joinsPerMinutePerClient, duration: 60 });

  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== "mutation") return;
      const context = args.contextValue as Context;
      const fields = operation.selectionSet.selections.flatMap((selection) =>
        selection.kind === Kind.FIELD ? [selection.name.value] : [],
      );

      try {
        await perClient.consume(context.clientAddress);
        const tokenKey = context.viewer?.participantId ?? context.viewer?.integrationTokenId;
        if (tokenKey) await perToken.consume(tokenKey);
        if (fields.some((field) => JOIN_FIELDS.has(field)))
          await joins.consume(context.clientAddress);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const retryAfter = Math.ceil(rejection.msBeforeNext / 1000);
        context.logger.warn({ client: context.clientAddress, fields }, "rate limit reached");
        setResultAndStopExecution({
          errors: [
            apiError("RATE_LIMITED", `Too many changes; retry in ${retryAfter} s`, { retryAfter }),
          ],
        });
      }
    },
  };
}
