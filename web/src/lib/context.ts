import { getContext, setContext } from "svelte";
import type { GraphQLConnection } from "./client.ts";
import { QUESTIONNAIRE } from "./operations.ts";
import type { Questionnaire } from "./types.ts";

const KEY = Symbol("graphql-connection");

export function provideConnection(connection: GraphQLConnection): void {
  setContext(KEY, connection);
}

export function useConnection(): GraphQLConnection {
  return getContext<GraphQLConnection>(KEY);
}

let questionnaire: Promise<Questionnaire> | undefined;

/** Fetches the questionnaire once per page load; it changes only on a server release. */
export function loadQuestionnaire(connection: GraphQLConnection): Promise<Questionnaire> {
  questionnaire ??= connection.client
    .query(QUESTIONNAIRE, {})
    .toPromise()
    .then((result) => {
      if (result.error || !result.data) {
        questionnaire = undefined;
        throw new Error(result.error?.message ?? "The questionnaire could not be loaded");
      }
      return result.data.questionnaire as Questionnaire;
    });
  return questionnaire;
}
