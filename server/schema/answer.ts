import { builder } from "../builder.ts";
import { requireWriter } from "../access.ts";
import { badInput } from "../errors.ts";
import { annotateAnswer, type Annotation } from "../answers/annotate.ts";
import { recordAnswer } from "../answers/record.ts";
import type { Context } from "../context.ts";
import { checkChoice, checkNote, MAX_NOTE } from "../validation.ts";
import { Question } from "./questionnaire.ts";

export const Answer = builder.prismaObject("Answer", {
  description:
    "The current answer to one question. A level of null with dontKnow false means open, " +
    "for example after a section reset.",
  fields: (t) => ({
    questionKey: t.exposeString("questionKey", { description: "The question's key." }),
    question: t.field({
      type: Question,
      description: "The question, with its statements and guidance.",
      resolve: (answer, _args, context) => {
        const question = context.questionnaire.questionsByKey.get(answer.questionKey);
        if (!question)
          throw new Error(`question ${answer.questionKey} is not in the questionnaire`);
        return question;
      },
    }),
    level: t.exposeInt("level", { nullable: true, description: "1 to 5, or null." }),
    dontKnow: t.exposeBoolean("dontKnow", { description: 'Answered "I don\'t know".' }),
    note: t.exposeString("note", {
      nullable: true,
      description: "The group's reason or evidence for the answer, if any.",
    }),
    needsImprovement: t.exposeBoolean("needsImprovement", {
      description: 'Flagged "we need to do better here".',
    }),
    version: t.exposeInt("version", {
      description: "Grows by one with each change; pass it as expectedVersion to detect conflicts.",
    }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "When it last changed." }),
    updatedBy: t.relation("updatedBy", {
      nullable: true,
      description: "Who changed it last; null if that member's record is gone.",
    }),
  }),
});

builder.mutationField("setAnswer", (t) =>
  t.prismaField({
    type: "Answer",
    description:
      'Sets a level from 1 to 5 or "I don\'t know" (exactly one of the two). With ' +
      "expectedVersion, a stale version is rejected with CONFLICT and the current answer.",
    args: {
      assessmentId: t.arg.id({ required: true, description: "The assessment to answer in." }),
      questionKey: t.arg.string({
        required: true,
        description: "The question's `SECTION/SLUG` key.",
      }),
      level: t.arg.int({ description: "1 (least mature) to 5 (most mature)." }),
      dontKnow: t.arg.boolean({ description: 'True to answer "I don\'t know".' }),
      expectedVersion: t.arg.int({
        description:
          "The answer's version as the client saw it (0 for unanswered). When the answer " +
          "has changed since, nothing changes and the error is CONFLICT.",
      }),
    },
    authScopes: (_root, args) => ({ writer: String(args.assessmentId) }),
    resolve: async (query, _root, args, context) => {
      const viewer = requireWriter(context, String(args.assessmentId));
      const question = context.questionnaire.questionsByKey.get(args.questionKey);
      if (!question) throw badInput(`Unknown question "${args.questionKey}"`, "questionKey");
      const choice = checkChoice(args.level, args.dontKnow);

      const { answerId, event } = await recordAnswer(context, {
        viewer,
        questionKey: question.key,
        choice,
        expectedVersion: args.expectedVersion ?? null,
      });

      if (event) context.pubsub.publish("assessment:changed", viewer.assessmentId, event);
      return context.prisma.answer.findUniqueOrThrow({ ...query, where: { id: answerId } });
    },
  }),
);

builder.mutationField("setNote", (t) =>
  t.prismaField({
    type: "Answer",
    nullable: true,
    description:
      `Sets the note of an answer (evidence, reasons, actions), up to ${MAX_NOTE} characters; ` +
      "an empty note clears it. A question not yet answered gets an open answer that carries " +
      "the note. Null when clearing a note of a question that has no answer at all.",
    args: {
      assessmentId: t.arg.id({ required: true, description: "The assessment." }),
      questionKey: t.arg.string({ required: true, description: "The question's key." }),
      note: t.arg.string({ description: "The note; empty or null clears it." }),
      expectedVersion: t.arg.int({
        description: "The answer's version as the client saw it; a stale one gets CONFLICT.",
      }),
    },
    authScopes: (_root, args) => ({ writer: String(args.assessmentId) }),
    resolve: (query, _root, args, context) =>
      annotate(context, query, args, () => ({ note: checkNote(args.note) })),
  }),
);

builder.mutationField("setNeedsImprovement", (t) =>
  t.prismaField({
    type: "Answer",
    nullable: true,
    description:
      'Sets or clears the "we need to do better here" flag. Only a question answered with a ' +
      'level or "I don\'t know" can be flagged. Null when clearing the flag of a question ' +
      "that has no answer at all.",
    args: {
      assessmentId: t.arg.id({ required: true, description: "The assessment." }),
      questionKey: t.arg.string({ required: true, description: "The question's key." }),
      needsImprovement: t.arg.boolean({
        required: true,
        description: "True to flag, false to clear.",
      }),
      expectedVersion: t.arg.int({
        description: "The answer's version as the client saw it; a stale one gets CONFLICT.",
      }),
    },
    authScopes: (_root, args) => ({ writer: String(args.assessmentId) }),
    resolve: (query, _root, args, context) =>
      annotate(context, query, args, () => ({ needsImprovement: args.needsImprovement })),
  }),
);

/** Checks access and the question, stores the annotation, publishes, and reads the answer back. */
async function annotate(
  context: Context,
  query: { include?: object; select?: object },
  args: { assessmentId: string | number; questionKey: string; expectedVersion?: number | null },
  readAnnotation: () => Annotation,
) {
  const viewer = requireWriter(context, String(args.assessmentId));
  const annotation = readAnnotation();
  if (!context.questionnaire.questionsByKey.has(args.questionKey)) {
    throw badInput(`Unknown question "${args.questionKey}"`, "questionKey");
  }

  const { answerId, event } = await annotateAnswer(context, {
    viewer,
    questionKey: args.questionKey,
    annotation,
    expectedVersion: args.expectedVersion ?? null,
  });

  if (event) context.pubsub.publish("assessment:changed", viewer.assessmentId, event);
  if (answerId === null) return null;
  return context.prisma.answer.findUniqueOrThrow({ ...query, where: { id: answerId } });
}
