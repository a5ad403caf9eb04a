import { builder } from "../builder.ts";
import { isAllowed, parseId, requireWriter } from "../access.ts";
import { resetSection } from "../answers/reset.ts";
import { badInput, unauthenticated } from "../errors.ts";
import { scoreAnswers } from "../scoring.ts";
import { ScoreSummary, SectionResult } from "./scores.ts";

const scoredAnswers = {
  answers: { select: { questionKey: true, level: true, dontKnow: true, needsImprovement: true } },
};

export const Assessment = builder.prismaObject("Assessment", {
  description: "One organisation's answers to the questionnaire, shared by its members.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "A UUID." }),
    name: t.exposeString("name", { description: "As the facilitator named it." }),
    revision: t.exposeInt("revision", {
      description: "Grows by exactly one with each accepted change to the answers.",
    }),
    questionnaireVersion: t.exposeString("questionnaireVersion", {
      description: "The questionnaire version the assessment was created against.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was created." }),
    joinCode: t.string({
      nullable: true,
      description: "The code to join with; given to the facilitator only, null for others.",
      select: { joinCode: true },
      resolve: (assessment, _args, context) =>
        isAllowed(context.viewer, assessment.id, "facilitate") ? assessment.joinCode : null,
    }),
    answers: t.relation("answers", {
      description: "Every question that has been answered at least once, open ones included.",
      query: { orderBy: { questionKey: "asc" } },
    }),
    participants: t.relation("participants", {
      description: "Current members, in the order they joined; removed people are left out.",
      query: { where: { removedAt: null }, orderBy: { createdAt: "asc" } },
    }),
    sections: t.field({
      type: [SectionResult],
      description: "Progress and score per section, in questionnaire order.",
      select: scoredAnswers,
      resolve: (assessment, _args, context) =>
        scoreAnswers(context.questionnaire, assessment.answers).sections,
    }),
    overall: t.field({
      type: ScoreSummary,
      description: "Progress and score over every question.",
      select: scoredAnswers,
      resolve: (assessment, _args, context) =>
        scoreAnswers(context.questionnaire, assessment.answers).overall,
    }),
  }),
});

builder.queryField("assessment", (t) =>
  t.prismaField({
    type: "Assessment",
    nullable: true,
    description:
      "An assessment that the token belongs to. Null for any other id, whether or not it exists.",
    args: { id: t.arg.id({ required: true, description: "The assessment's id." }) },
    resolve: (query, _root, args, context) => {
      if (!context.viewer) throw unauthenticated();
      const id = parseId(String(args.id));
      if (id !== context.viewer.assessmentId) return null;
      return context.prisma.assessment.findUnique({ ...query, where: { id } });
    },
  }),
);

builder.mutationField("resetSection", (t) =>
  t.prismaField({
    type: "Assessment",
    description:
      'Clears the level and "I don\'t know" of every question in a section, for everyone, ' +
      "as one revision. Notes and flags are kept.",
    args: {
      assessmentId: t.arg.id({ required: true, description: "The assessment to change." }),
      sectionKey: t.arg.string({ required: true, description: "Such as `security`." }),
    },
    authScopes: (_root, args) => ({ writer: String(args.assessmentId) }),
    resolve: async (query, _root, args, context) => {
      const viewer = requireWriter(context, String(args.assessmentId));
      if (!context.questionnaire.sections.some((section) => section.key === args.sectionKey)) {
        throw badInput(`Unknown section "${args.sectionKey}"`, "sectionKey");
      }

      const event = await resetSection(context, viewer, args.sectionKey);

      if (event) context.pubsub.publish("assessment:changed", viewer.assessmentId, event);
      return context.prisma.assessment.findUniqueOrThrow({
        ...query,
        where: { id: viewer.assessmentId },
      });
    },
  }),
);
