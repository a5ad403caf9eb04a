import { builder } from "../builder.ts";
import type { ScoreSummary as ScoreSummaryData, SectionScore } from "../scoring.ts";
import { Section } from "./questionnaire.ts";

export const ScoreSummary = builder.objectRef<ScoreSummaryData>("ScoreSummary").implement({
  description: "Counts and score over a set of questions.",
  fields: (t) => ({
    total: t.exposeInt("total", { description: "Questions in the set." }),
    answered: t.exposeInt("answered", { description: "Questions answered with a level." }),
    dontKnow: t.exposeInt("dontKnow", { description: 'Questions answered "I don\'t know".' }),
    needsImprovement: t.exposeInt("needsImprovement", {
      description: 'Answered questions flagged "we need to do better here".',
    }),
    score: t.exposeFloat("score", {
      nullable: true,
      description:
        "Mean level (1.0 to 5.0) of the answered questions, or null when none is answered. " +
        '"I don\'t know" never counts.',
    }),
  }),
});

export const SectionResult = builder.objectRef<SectionScore>("SectionResult").implement({
  description: "Progress and score of one section of an assessment.",
  fields: (t) => ({
    key: t.exposeString("key", { description: "The section's key." }),
    section: t.field({
      type: Section,
      description: "The section itself, with its questions.",
      resolve: (result, _args, context) => {
        const section = context.questionnaire.sections.find((each) => each.key === result.key);
        if (!section) throw new Error(`section ${result.key} is not in the questionnaire`);
        return section;
      },
    }),
    total: t.exposeInt("total", { description: "Questions in the section." }),
    answered: t.exposeInt("answered", { description: "Questions answered with a level." }),
    dontKnow: t.exposeInt("dontKnow", { description: 'Questions answered "I don\'t know".' }),
    needsImprovement: t.exposeInt("needsImprovement", {
      description: 'Answered questions flagged "we need to do better here".',
    }),
    score: t.exposeFloat("score", {
      nullable: true,
      description: "Mean level of the answered questions; null when none is answered.",
    }),
  }),
});
