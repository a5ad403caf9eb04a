// The shapes that the operations in operations.ts return.

export type Role = "FACILITATOR" | "PARTICIPANT" | "OBSERVER";

export interface Level {
  value: number;
  statement: string;
  goodEnoughWhen: string;
  howToImprove: string;
}

export interface Question {
  key: string;
  text: string;
  levels: Level[];
}

export interface Section {
  key: string;
  title: string;
  questions: Question[];
}

export interface Questionnaire {
  version: string;
  sections: Section[];
}

export interface Answer {
  questionKey: string;
  level: number | null;
  dontKnow: boolean;
  note: string | null;
  needsImprovement: boolean;
  version: number;
  updatedAt: string;
  updatedBy: { id: string; name: string } | null;
}

export interface ScoreSummary {
  total: number;
  answered: number;
  dontKnow: number;
  needsImprovement: number;
  score: number | null;
}

export interface SectionResult extends ScoreSummary {
  key: string;
}

export interface Participant {
  id: string;
  name: string;
  role: Role;
  joinedAt?: string;
}

export interface OnlineMember {
  participant: { id: string };
  sectionKey: string | null;
  since: string;
}

export interface AnswerChange {
  id: string;
  revision: number;
  questionKey: string;
  fromLevel: number | null;
  fromDontKnow: boolean;
  toLevel: number | null;
  toDontKnow: boolean;
  createdAt: string;
  participant: { id: string; name: string } | null;
}

export interface Assessment {
  id: string;
  name: string;
  revision: number;
  joinCode: string | null;
  answers: Answer[];
  sections: SectionResult[];
  overall: ScoreSummary;
  participants: Participant[];
}

export interface AssessmentChange {
  revision: number;
  kind: "SUBSCRIBED" | "ANSWER_SET" | "SECTION_RESET" | "NOTE_SET" | "NEEDS_IMPROVEMENT_SET";
  sectionKey: string | null;
  answers: Answer[];
  sections: SectionResult[];
  overall: ScoreSummary;
}
