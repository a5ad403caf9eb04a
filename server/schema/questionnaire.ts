import { builder } from "../builder.ts";
import type {
  Level as LevelData,
  Question as QuestionData,
  Questionnaire as QuestionnaireData,
  Section as SectionData,
} from "../questionnaire/types.ts";

export const Questionnaire = builder.objectRef<QuestionnaireData>("Questionnaire").implement({
  description: "The questions an assessment is answered against, with guidance on every level.",
  fields: (t) => ({
    version: t.exposeString("version", {
      description: "Changes whenever any question, statement or guidance text changes.",
    }),
    sections: t.field({
      type: [Section],
      description: "The seven sections, in the order they are asked.",
      resolve: (questionnaire) => questionnaire.sections,
    }),
  }),
});

export const Section = builder.objectRef<SectionData>("Section").implement({
  description: "One area of the model, such as Security.",
  fields: (t) => ({
    key: t.exposeString("key", { description: "Stable key, such as `security`." }),
    title: t.exposeString("title", { description: "Title, such as `Cost & Sustainability`." }),
    questions: t.field({
      type: [Question],
      description: "The section's questions, in the order they are asked.",
      resolve: (section) => section.questions,
    }),
  }),
});

export const Question = builder.objectRef<QuestionData>("Question").implement({
  description: "A question with five statements, from least (1) to most (5) mature.",
  fields: (t) => ({
    key: t.exposeString("key", {
      description: "`SECTION/SLUG`, stable when the wording changes.",
    }),
    sectionKey: t.exposeString("sectionKey", { description: "The key of its section." }),
    text: t.exposeString("text", { description: "The question as asked." }),
    levels: t.field({
      type: [Level],
      description: "The five statements, level 1 first.",
      resolve: (question) => question.levels,
    }),
  }),
});

export const Level = builder.objectRef<LevelData>("Level").implement({
  description: "One maturity level of a question, with its guidance.",
  fields: (t) => ({
    value: t.exposeInt("value", { description: "1 (least mature) to 5 (most mature)." }),
    statement: t.exposeString("statement", {
      description: "What an organisation at this level says of itself.",
    }),
    goodEnoughWhen: t.exposeString("goodEnoughWhen", {
      description: "When this level is proportionate, and the risk it leaves.",
    }),
    howToImprove: t.exposeString("howToImprove", {
      description: "Concrete steps to reach the next level; at level 5, how to keep it.",
    }),
  }),
});

builder.queryField("questionnaire", (t) =>
  t.field({
    type: Questionnaire,
    description: "The questionnaire that new assessments are answered against.",
    resolve: (_root, _args, context) => context.questionnaire,
  }),
);
