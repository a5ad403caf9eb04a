import { builder } from "../builder.ts";
import { badInput } from "../errors.ts";

builder.prismaObject("AnswerChange", {
  description: "One accepted change to one answer, kept even after later changes and resets.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Identifies the entry." }),
    revision: t.exposeInt("revision", { description: "The assessment revision it produced." }),
    questionKey: t.exposeString("questionKey", { description: "The question's key." }),
    fromLevel: t.exposeInt("fromLevel", { nullable: true, description: "Level before, if any." }),
    fromDontKnow: t.exposeBoolean("fromDontKnow", {
      description: 'Whether it was "I don\'t know" before.',
    }),
    toLevel: t.exposeInt("toLevel", { nullable: true, description: "Level after, if any." }),
    toDontKnow: t.exposeBoolean("toDontKnow", {
      description: 'Whether it is "I don\'t know" now.',
    }),
    participant: t.relation("participant", {
      nullable: true,
      description: "Who made the change; null if that member's record is gone.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was made." }),
  }),
});

const MAX_RECENT = 100;

builder.prismaObjectField("Assessment", "recentChanges", (t) =>
  t.relation("changes", {
    description: "The latest changes to answers, newest first.",
    args: {
      limit: t.arg.int({
        defaultValue: 20,
        required: true,
        description: `How many, from 1 to ${MAX_RECENT}.`,
      }),
    },
    query: (args) => {
      if (args.limit < 1 || args.limit > MAX_RECENT) {
        throw badInput(`limit must be from 1 to ${MAX_RECENT}, got ${args.limit}`, "limit");
      }
      return { orderBy: [{ revision: "desc" }, { questionKey: "asc" }], take: args.limit };
    },
  }),
);
