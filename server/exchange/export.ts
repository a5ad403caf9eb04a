import type { Questionnaire } from "../questionnaire/types.ts";
import { FORMAT_NAME, FORMAT_VERSION, type ExportDocument } from "./format.ts";

/** An answer row with its author's name, as read for an export. */
export interface AnswerForExport {
  questionKey: string;
  level: number | null;
  dontKnow: boolean;
  note: string | null;
  needsImprovement: boolean;
  updatedAt: Date;
  updatedBy: { name: string } | null;
}

export interface AssessmentForExport {
  name: string;
  createdAt: Date;
  revision: number;
  questionnaireVersion: string;
  answers: AnswerForExport[];
}

/**
 * Builds the JSON export of an assessment, answers in questionnaire order.
 * Answers to questions that are no longer in the questionnaire are left out,
 * because an import would reject them.
 */
export function buildExport(
  questionnaire: Questionnaire,
  assessment: AssessmentForExport,
  exportedAt: Date,
): ExportDocument {
  const byKey = new Map(assessment.answers.map((answer) => [answer.questionKey, answer]));
  const answers = orderedQuestions(questionnaire).flatMap((question) => {
    const answer = byKey.get(question.key);
    if (!answer) return [];
    return [
      {
        questionKey: answer.questionKey,
        level: answer.level,
        dontKnow: answer.dontKnow,
        note: answer.note,
        needsImprovement: answer.needsImprovement,
        updatedBy: answer.updatedBy?.name ?? null,
        updatedAt: answer.updatedAt.toISOString(),
      },
    ];
  });

  return {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    exportedAt: exportedAt.toISOString(),
    assessment: {
      name: assessment.name,
      createdAt: assessment.createdAt.toISOString(),
      revision: assessment.revision,
      questionnaireVersion: assessment.questionnaireVersion,
    },
    answers,
  };
}

export function orderedQuestions(questionnaire: Questionnaire) {
  return questionnaire.sections.flatMap((section) => section.questions);
}
