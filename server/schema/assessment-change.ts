import { builder } from "../builder.ts";
import { requireAccess } from "../access.ts";
import type {
  AnswerRecord,
  AssessmentChangeEvent,
  ChangeKind as ChangeKindValue,
} from "../pubsub.ts";
import { followChanges } from "../answers/follow.ts";
import { Answer } from "./answer.ts";
import { ScoreSummary, SectionResult } from "./scores.ts";

const ChangeKind = builder.enumType("ChangeKind", {
  description: "What an AssessmentChange event reports.",
  values: {
    SUBSCRIBED: {
      description:
        "The first event of every subscription: the current revision and scores, no answers.",
    },
    ANSWER_SET: { description: "One answer was set." },
    SECTION_RESET: { description: "Every answer of a section was cleared." },
    NOTE_SET: { description: "The note of one answer was set or cleared." },
    NEEDS_IMPROVEMENT_SET: {
      description: 'The "we need to do better here" flag of one answer was set or cleared.',
    },
  } satisfies Record<ChangeKindValue, unknown>,
});

const AssessmentChange = builder.objectRef<AssessmentChangeEvent>("AssessmentChange").implement({
  description:
    "One accepted change, or the state at the start of a subscription. Revisions arrive in " +
    "order, one apart: a client that sees a gap has missed a change and should refetch.",
  fields: (t) => ({
    assessmentId: t.exposeID("assessmentId", { description: "The assessment that changed." }),
    revision: t.exposeInt("revision", { description: "The revision this change produced." }),
    kind: t.field({
      type: ChangeKind,
      description: "What happened.",
      resolve: (event) => event.kind,
    }),
    sectionKey: t.exposeString("sectionKey", {
      nullable: true,
      description: "The section the change is in; null for SUBSCRIBED.",
    }),
    answer: t.field({
      type: Answer,
      nullable: true,
      description: "The one answer that was changed; null for SUBSCRIBED and SECTION_RESET.",
      resolve: (event) => (singleAnswerKinds.has(event.kind) ? asAnswer(event.answers[0]) : null),
    }),
    answers: t.field({
      type: [Answer],
      description: "Every answer the change touched.",
      resolve: (event) => event.answers.map(asAnswer),
    }),
    sections: t.field({
      type: [SectionResult],
      description: "Every section's progress and score after the change.",
      resolve: (event) => event.sections,
    }),
    overall: t.field({
      type: ScoreSummary,
      description: "Overall progress and score after the change.",
      resolve: (event) => event.overall,
    }),
  }),
});

const singleAnswerKinds = new Set<ChangeKindValue>([
  "ANSWER_SET",
  "NOTE_SET",
  "NEEDS_IMPROVEMENT_SET",
]);

// Events carry plain data, so that they can cross processes as JSON; the
// Answer type reads the same fields as from a database row.
function asAnswer(record: AnswerRecord) {
  return { ...record, updatedAt: new Date(record.updatedAt) } as never;
}

builder.subscriptionField("assessmentChanged", (t) =>
  t.field({
    type: AssessmentChange,
    description: "Every accepted change to the answers of an assessment the token belongs to.",
    args: { assessmentId: t.arg.id({ required: true, description: "The assessment to follow." }) },
    authScopes: (_root, args) => ({ member: String(args.assessmentId) }),
    subscribe: (_root, args, context) => {
      const viewer = requireAccess(context, String(args.assessmentId), "read");
      return followChanges(context, viewer.assessmentId, { maxQueued: context.maxQueuedEvents });
    },
    resolve: (event) => event,
  }),
);
