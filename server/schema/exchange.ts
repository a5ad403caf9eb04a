import { builder } from "../builder.ts";
import { buildCsv } from "../exchange/csv.ts";
import { buildExport } from "../exchange/export.ts";
import { importAssessment } from "../exchange/import.ts";
import { parseExport } from "../exchange/parse.ts";
import { checkAssessmentName, checkDisplayName } from "../validation.ts";
import { JoinResult, viewerOf } from "./membership.ts";

const ExportFormat = builder.enumType("ExportFormat", {
  description: "The file formats an assessment exports to.",
  values: {
    JSON: {
      description:
        "The versioned JSON document (format `cloud-maturity-assessment`, version 1) that " +
        "importAssessment reads.",
    },
    CSV: { description: "A table with a header row and one row for every question." },
  },
});

builder.prismaObjectField("Assessment", "export", (t) =>
  t.string({
    description: "The assessment as a JSON document or CSV text, as the report page downloads it.",
    args: {
      format: t.arg({ type: ExportFormat, required: true, description: "JSON or CSV." }),
    },
    select: {
      name: true,
      createdAt: true,
      revision: true,
      questionnaireVersion: true,
      answers: { include: { updatedBy: { select: { name: true } } } },
    },
    resolve: (assessment, args, context) => {
      if (args.format === "CSV") return buildCsv(context.questionnaire, assessment);
      const document = buildExport(context.questionnaire, assessment, new Date());
      return JSON.stringify(document, null, 2);
    },
  }),
);

builder.mutationField("importAssessment", (t) =>
  t.field({
    type: JoinResult,
    description:
      "Creates a new assessment from a JSON export, with the caller as its facilitator. A " +
      "document that is not valid JSON, of another format or version, or that names unknown " +
      "questions or values out of range is rejected whole with BAD_USER_INPUT, naming the " +
      "place, such as `answers[3].level`, in the message and in `extensions.path`.",
    args: {
      document: t.arg.string({ required: true, description: "The JSON text of the export." }),
      facilitatorName: t.arg.string({
        required: true,
        description: "The caller's display name; the caller becomes the facilitator.",
      }),
      name: t.arg.string({ description: "A new name; the export's name when omitted." }),
    },
    resolve: async (_root, args, context) => {
      const facilitatorName = checkDisplayName(args.facilitatorName, "facilitatorName");
      const name =
        args.name === null || args.name === undefined ? null : checkAssessmentName(args.name);
      const document = parseExport(args.document, context.questionnaire);

      const imported = await importAssessment(context, { document, name, facilitatorName });

      // The rest of this operation is resolved as the new facilitator.
      context.viewer = viewerOf(
        await context.prisma.participant.findUniqueOrThrow({
          where: { id: imported.participantId },
        }),
      );
      return imported;
    },
  }),
);
