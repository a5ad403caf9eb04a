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

export type ChangeKind = "SUBSCRIBED" | "ANSWER_SET" | "SECTION_RESET";

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

type YogaPubSub = ReturnType<typeof createPubSub<Topics>>;

/** Yoga's pub/sub, plus a signal for the moments when events may have been missed. */
export interface PubSub {
  publish: YogaPubSub["publish"];
  subscribe: YogaPubSub["subscribe"];
  /**
   * Calls `listener` each time delivery resumes after a break (such as a lost
   * connection to Redis), so that subscriptions can send their state again.
   * Returns the function that removes the listener.
   */
  onResync(listener: () => void): () => void;
}

/** Creates the pub/sub of a server that runs alone: events stay in this process. */
export function createEventBus(): PubSub {
  const { publish, subscribe } = createPubSub<Topics>();
  return { publish, subscribe, onResync: () => () => {} };
}
