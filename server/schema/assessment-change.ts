import { builder } from "../builder.ts";
import { requireMember } from "../access.ts";
import type { AnswerRecord, AssessmentChangeEvent, ChangeKind as ChangeKindValue } from "../pubsub.ts";
import { Answer } from "./answer.ts";
import { ScoreSummary, SectionResult } from "./scores.ts";

const ChangeKind = builder.enumType("ChangeKind", {
  values: {
    ANSWER_SET: { description: "One answer was set." },
    SECTION_RESET: { description: "Every answer of a section was cleared." },
  } satisfies Record<ChangeKindValue, unknown>,
});

const AssessmentChange = builder.objectRef<AssessmentChangeEvent>("AssessmentChange").implement({
  description:
    "One accepted change. Revisions arrive in order, one apart: a client that sees a gap " +
    "has missed a change and should refetch the assessment.",
  fields: (t) => ({
    assessmentId: t.exposeID("assessmentId"),
    revision: t.exposeInt("revision", { description: "The revision this change produced." }),
    kind: t.field({ type: ChangeKind, resolve: (event) => event.kind }),
    sectionKey: t.exposeString("sectionKey", { description: "The section the change is in." }),
    answer: t.field({
      type: Answer,
      nullable: true,
      description: "The answer that was set; null for a section reset.",
      resolve: (event) => (event.kind === "ANSWER_SET" ? asAnswer(event.answers[0]) : null),
    }),
    answers: t.field({
      type: [Answer],
      description: "Every answer the change touched.",
      resolve: (event) => event.answers.map(asAnswer),
    }),
    sections: t.field({ type: [SectionResult], resolve: (event) => event.sections }),
    overall: t.field({ type: ScoreSummary, resolve: (event) => event.overall }),
  }),
});

// Events carry plain data, so that they can cross processes as JSON; the
// Answer type reads the same fields as from a database row.
function asAnswer(record: AnswerRecord) {
  return { ...record, updatedAt: new Date(record.updatedAt) } as never;
}

builder.subscriptionField("assessmentChanged", (t) =>
  t.field({
    type: AssessmentChange,
    description: "Every accepted change to the answers of an assessment the token belongs to.",
    args: { assessmentId: t.arg.id({ required: true }) },
    subscribe: (_root, args, context) => {
      const viewer = requireMember(context, String(args.assessmentId), "read");
      return context.pubsub.subscribe("assessment:changed", viewer.assessmentId);
    },
    resolve: (event) => event,
  }),
);
