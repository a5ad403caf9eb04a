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
    sections: t.field({ type: [Section], resolve: (questionnaire) => questionnaire.sections }),
  }),
});

export const Section = builder.objectRef<SectionData>("Section").implement({
  description: "One area of the model, such as Security.",
  fields: (t) => ({
    key: t.exposeString("key", { description: "Stable key, such as `security`." }),
    title: t.exposeString("title"),
    questions: t.field({ type: [Question], resolve: (section) => section.questions }),
  }),
});

export const Question = builder.objectRef<QuestionData>("Question").implement({
  description: "A question with five statements, from least (1) to most (5) mature.",
  fields: (t) => ({
    key: t.exposeString("key", {
      description: "`SECTION/SLUG`, stable when the wording changes.",
    }),
    sectionKey: t.exposeString("sectionKey"),
    text: t.exposeString("text"),
    levels: t.field({ type: [Level], resolve: (question) => question.levels }),
  }),
});

export const Level = builder.objectRef<LevelData>("Level").implement({
  description: "One maturity level of a question, with its guidance.",
  fields: (t) => ({
    value: t.exposeInt("value", { description: "1 (least mature) to 5 (most mature)." }),
    statement: t.exposeString("statement"),
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
