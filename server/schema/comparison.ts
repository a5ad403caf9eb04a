import { builder } from "../builder.ts";
import { parseId } from "../access.ts";
import type { Context } from "../context.ts";
import { apiError } from "../errors.ts";
import type { Snapshot as SnapshotRow } from "../generated/prisma/client.ts";
import {
  compareAnswers,
  type AnswerDifference as AnswerDifferenceData,
  type Comparison as ComparisonData,
  type ScoreChange as ScoreChangeData,
} from "../snapshots/compare.ts";
import { currentAnswers, snapshotAnswers } from "../snapshots/store.ts";
import { Question, Section } from "./questionnaire.ts";
import { ScoreSummary } from "./scores.ts";
import { AnswerValue, Snapshot } from "./snapshot.ts";

const ScoreChange = builder.objectRef<ScoreChangeData>("ScoreChange").implement({
  description: "Counts and score of a section, or of the whole assessment, on both sides.",
  fields: (t) => ({
    key: t.exposeString("key", { nullable: true, description: "Null for the overall score." }),
    section: t.field({
      type: Section,
      nullable: true,
      description: "The section; null for the overall score.",
      resolve: (change, _args, context) =>
        context.questionnaire.sections.find((section) => section.key === change.key) ?? null,
    }),
    before: t.field({
      type: ScoreSummary,
      description: "Progress and score at the earlier point.",
      resolve: (change) => change.before,
    }),
    after: t.field({
      type: ScoreSummary,
      description: "Progress and score at the later point.",
      resolve: (change) => change.after,
    }),
    scoreChange: t.exposeFloat("scoreChange", {
      nullable: true,
      description: "after.score minus before.score; null when either has no score.",
    }),
  }),
});

const AnswerDifference = builder.objectRef<AnswerDifferenceData>("AnswerDifference").implement({
  description: 'A question whose level, "I don\'t know", note or flag differs between the sides.',
  fields: (t) => ({
    questionKey: t.exposeString("questionKey", { description: "The question's key." }),
    question: t.field({
      type: Question,
      description: "The question, with its statements.",
      resolve: (difference, _args, context) =>
        context.questionnaire.questionsByKey.get(difference.questionKey)!,
    }),
    before: t.field({
      type: AnswerValue,
      description: "The answer at the earlier point.",
      resolve: (difference) => difference.before,
    }),
    after: t.field({
      type: AnswerValue,
      description: "The answer at the later point.",
      resolve: (difference) => difference.after,
    }),
  }),
});

interface Side {
  snapshot: SnapshotRow | null;
  revision: number;
}

const ComparisonSide = builder.objectRef<Side>("ComparisonSide").implement({
  description: "One side of a comparison: a snapshot, or the answers as they are now.",
  fields: (t) => ({
    snapshot: t.field({
      type: Snapshot,
      nullable: true,
      description: "Null for the current answers.",
      resolve: (side) => side.snapshot,
    }),
    revision: t.exposeInt("revision", { description: "The assessment revision it shows." }),
  }),
});

const Comparison = builder
  .objectRef<ComparisonData & { from: Side; to: Side }>("Comparison")
  .implement({
    description: "What changed between two snapshots, or between a snapshot and now.",
    fields: (t) => ({
      from: t.field({
        type: ComparisonSide,
        description: "The earlier point.",
        resolve: (comparison) => comparison.from,
      }),
      to: t.field({
        type: ComparisonSide,
        description: "The later point.",
        resolve: (comparison) => comparison.to,
      }),
      sections: t.field({
        type: [ScoreChange],
        description: "Every section, in questionnaire order.",
        resolve: (comparison) => comparison.sections,
      }),
      overall: t.field({
        type: ScoreChange,
        description: "The change over all questions.",
        resolve: (comparison) => comparison.overall,
      }),
      answers: t.field({
        type: [AnswerDifference],
        description: "Only the questions that differ, in questionnaire order.",
        resolve: (comparison) => comparison.answers,
      }),
    }),
  });

builder.prismaObjectField("Assessment", "comparison", (t) =>
  t.field({
    type: Comparison,
    description:
      "Compares the snapshot `from` with the snapshot `to`, or with the current answers " +
      "when `to` is omitted. NOT_FOUND when either is not a snapshot of this assessment.",
    args: {
      from: t.arg.id({ required: true, description: "The earlier snapshot's id." }),
      to: t.arg.id({ description: "The later snapshot's id; the answers now when left out." }),
    },
    select: { id: true },
    resolve: async (assessment, args, context) => {
      const from = await readSide(context, assessment.id, String(args.from), "from");
      const to =
        args.to === null || args.to === undefined
          ? await readNow(context, assessment.id)
          : await readSide(context, assessment.id, String(args.to), "to");
      return { from, to, ...compareAnswers(context.questionnaire, from.answers, to.answers) };
    },
  }),
);

async function readSide(context: Context, assessmentId: string, id: string, field: string) {
  const snapshotId = parseId(id);
  const snapshot = snapshotId
    ? await context.prisma.snapshot.findFirst({ where: { id: snapshotId, assessmentId } })
    : null;
  if (!snapshot) {
    throw apiError("NOT_FOUND", `No snapshot of this assessment has the id "${id}"`, { field });
  }
  return { snapshot, revision: snapshot.revision, answers: snapshotAnswers(snapshot) };
}

async function readNow(context: Context, assessmentId: string) {
  const { revision, answers } = await currentAnswers(context, assessmentId);
  return { snapshot: null, revision, answers };
}
