import { getContext, setContext } from "svelte";
import type { LiveAssessment } from "./live-assessment.svelte.ts";

const KEY = Symbol("live-assessment");

export function provideLive(live: () => LiveAssessment | null): void {
  setContext(KEY, live);
}

/** The live assessment of the enclosing /a/[id] layout, or null while it loads. */
export function useLive(): () => LiveAssessment | null {
  return getContext<() => LiveAssessment | null>(KEY);
}
