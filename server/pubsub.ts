import { createPubSub } from "graphql-yoga";
import type { Scores } from "./scoring.ts";

/** An answer as it travels in an event: plain data, so it survives JSON. */
export interface AnswerRecord {
  id: string;
  assessmentId: string;
  questionKey: string;
  level: number | null;
  dontKnow: boolean;
  note: string | null;
  needsImprovement: boolean;
  version: number;
  updatedAt: Date | string;
  updatedById: string | null;
  updatedBy: { id: string; name: string; role: string } | null;
}

export type ChangeKind =
  "SUBSCRIBED" | "ANSWER_SET" | "SECTION_RESET" | "NOTE_SET" | "NEEDS_IMPROVEMENT_SET";

/** Published after the commit of every accepted change to an assessment's answers. */
export interface AssessmentChangeEvent extends Scores {
  assessmentId: string;
  revision: number;
  kind: ChangeKind;
  /** The section the change is in; null for SUBSCRIBED. */
  sectionKey: string | null;
  answers: AnswerRecord[];
}

export type Topics = {
  "assessment:changed": [assessmentId: string, event: AssessmentChangeEvent];
};

export type PubSub = ReturnType<typeof createEventBus>;

export function createEventBus() {
  return createPubSub<Topics>();
}
