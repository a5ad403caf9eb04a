import { setMaxListeners } from "node:events";
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

/** A participant removed or an integration token revoked: its open websockets must close. */
export interface AccessRevokedEvent {
  participantId?: string;
  integrationTokenId?: string;
}

export type Topics = {
  "assessment:changed": [assessmentId: string, event: AssessmentChangeEvent];
  "access:revoked": [event: AccessRevokedEvent];
  /** Someone connected, left, joined, was removed or changed role. */
  "members:changed": [assessmentId: string, event: { assessmentId: string }];
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
  // Every subscriber adds a listener, and a workshop has more than Node's
  // default warning threshold of 10 on one assessment.
  const eventTarget = new EventTarget();
  setMaxListeners(0, eventTarget);
  const { publish, subscribe } = createPubSub<Topics>({ eventTarget });
  return { publish, subscribe, onResync: () => () => {} };
}
