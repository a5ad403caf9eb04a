import { builder } from "../builder.ts";
import { requireAccess } from "../access.ts";
import { scoreAnswers } from "../scoring.ts";
import type { AnswerValue as AnswerValueData } from "../snapshots/compare.ts";
import { snapshotAnswers, takeSnapshot } from "../snapshots/store.ts";
import { checkSnapshotName } from "../validation.ts";
import { Question } from "./questionnaire.ts";
import { ScoreSummary, SectionResult } from "./scores.ts";

export const AnswerValue = builder.objectRef<AnswerValueData>("AnswerValue").implement({
  description: "The content of one answer at one point in time.",
  fields: (t) => ({
    questionKey: t.exposeString("questionKey", { description: "The question's key." }),
    question: t.field({
      type: Question,
      nullable: true,
      description: "Null when the question is no longer in the questionnaire.",
      resolve: (value, _args, context) =>
        context.questionnaire.questionsByKey.get(value.questionKey) ?? null,
    }),
    level: t.exposeInt("level", { nullable: true, description: "1 to 5, or null." }),
    dontKnow: t.exposeBoolean("dontKnow", { description: 'Answered "I don\'t know".' }),
    note: t.exposeString("note", { nullable: true, description: "The note, if any." }),
    needsImprovement: t.exposeBoolean("needsImprovement", {
      description: 'Flagged "we need to do better here".',
    }),
  }),
});

export const Snapshot = builder.prismaObject("Snapshot", {
  description: "The answers of an assessment as they were when a facilitator saved them by name.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Identifies the snapshot." }),
    name: t.exposeString("name", { description: "As the facilitator named it." }),
    revision: t.exposeInt("revision", { description: "The assessment's revision it records." }),
    takenAt: t.expose("createdAt", { type: "DateTime", description: "When it was taken." }),
    takenBy: t.relation("createdBy", { nullable: true, description: "Who took it." }),
    answers: t.field({
      type: [AnswerValue],
      description: "Every answer as it was.",
      select: { answers: true },
      resolve: (snapshot) => snapshotAnswers(snapshot),
    }),
    sections: t.field({
      type: [SectionResult],
      description: "Progress and score per section as they were.",
      select: { answers: true },
      resolve: (snapshot, _args, context) =>
        scoreAnswers(context.questionnaire, snapshotAnswers(snapshot)).sections,
    }),
    overall: t.field({
      type: ScoreSummary,
      description: "Overall progress and score as they were.",
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
      assessmentId: t.arg.id({ required: true, description: "The assessment." }),
      name: t.arg.string({ required: true, description: "Such as `After the first workshop`." }),
    },
    authScopes: (_root, args) => ({ facilitator: String(args.assessmentId) }),
    resolve: async (query, _root, args, context) => {
      const viewer = requireAccess(context, String(args.assessmentId), "facilitate");
      const name = checkSnapshotName(args.name);

      const snapshot = await takeSnapshot(
        context,
        viewer.assessmentId,
        viewer.participantId!,
        name,
      );

      context.logger.info(
        { assessmentId: viewer.assessmentId, snapshotId: snapshot.id, revision: snapshot.revision },
        "snapshot taken",
      );
      return context.prisma.snapshot.findUniqueOrThrow({ ...query, where: { id: snapshot.id } });
    },
  }),
);
