/** One of the five maturity levels of a question, with its guidance. */
export interface Level {
  value: number;
  statement: string;
  goodEnoughWhen: string;
  howToImprove: string;
}

export interface Question {
  /** `SECTION/SLUG`, stable across wording changes. */
  key: string;
  sectionKey: string;
  text: string;
  levels: Level[];
}

export interface Section {
  key: string;
  title: string;
  questions: Question[];
}

export interface Questionnaire {
  /** A digest of the content, so it changes whenever any text changes. */
  version: string;
  sections: Section[];
  questionsByKey: Map<string, Question>;
}
