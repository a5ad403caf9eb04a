import { builder } from "../builder.ts";
import { requireMember } from "../access.ts";
import { apiError } from "../errors.ts";
import { scoreAnswers } from "../scoring.ts";
import type { AnswerValue as AnswerValueData } from "../snapshots/compare.ts";
import { snapshotAnswers, takeSnapshot } from "../snapshots/store.ts";
import { checkSnapshotName } from "../validation.ts";
import { Question } from "./questionnaire.ts";
import { ScoreSummary, SectionResult } from "./scores.ts";

export const AnswerValue = builder.objectRef<AnswerValueData>("AnswerValue").implement({
  description: "The content of one answer at one point in time.",
  fields: (t) => ({
    questionKey: t.exposeString("questionKey"),
    question: t.field({
      type: Question,
      nullable: true,
      description: "Null when the question is no longer in the questionnaire.",
      resolve: (value, _args, context) =>
        context.questionnaire.questionsByKey.get(value.questionKey) ?? null,
    }),
    level: t.exposeInt("level", { nullable: true, description: "1 to 5, or null." }),
    dontKnow: t.exposeBoolean("dontKnow"),
    note: t.exposeString("note", { nullable: true }),
    needsImprovement: t.exposeBoolean("needsImprovement"),
  }),
});

export const Snapshot = builder.prismaObject("Snapshot", {
  description: "The answers of an assessment as they were when a facilitator saved them by name.",
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    revision: t.exposeInt("revision", { description: "The assessment's revision it records." }),
    takenAt: t.expose("createdAt", { type: "DateTime" }),
    takenBy: t.relation("createdBy", { nullable: true }),
    answers: t.field({
      type: [AnswerValue],
      select: { answers: true },
      resolve: (snapshot) => snapshotAnswers(snapshot),
    }),
    sections: t.field({
      type: [SectionResult],
      select: { answers: true },
      resolve: (snapshot, _args, context) =>
        scoreAnswers(context.questionnaire, snapshotAnswers(snapshot)).sections,
    }),
    overall: t.field({
      type: ScoreSummary,
      select: { answers: true },
      resolve: (snapshot, _args, context) =>
        scoreAnswers(context.questionnaire, snapshotAnswers(snapshot)).overall,
    }),
  }),
});

builder.prismaObjectField("Assessment", "snapshots", (t) =>
  t.relation("snapshots", {
    description: "Named snapshots of the answers, oldest first.",
    query: { orderBy: { createdAt: "asc" } },
  }),
);

builder.mutationField("takeSnapshot", (t) =>
  t.prismaField({
    type: "Snapshot",
    description: "Saves the current answers under a name. Facilitator only.",
    args: {
      assessmentId: t.arg.id({ required: true }),
      name: t.arg.string({ required: true }),
    },
    resolve: async (query, _root, args, context) => {
      const viewer = requireMember(context, String(args.assessmentId), "write");
      if (viewer.role !== "FACILITATOR") {
        throw apiError("FORBIDDEN", "Only the facilitator can take snapshots");
      }
      const name = checkSnapshotName(args.name);

      const snapshot = await takeSnapshot(context, viewer.assessmentId, viewer.id, name);

      context.logger.info(
        { assessmentId: viewer.assessmentId, snapshotId: snapshot.id, revision: snapshot.revision },
        "snapshot taken",
      );
      return context.prisma.snapshot.findUniqueOrThrow({ ...query, where: { id: snapshot.id } });
    },
  }),
);
