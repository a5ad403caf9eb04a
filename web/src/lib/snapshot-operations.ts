import { gql } from "@urql/core";

export const SNAPSHOTS = gql`
  query Snapshots($id: ID!) {
    assessment(id: $id) {
      id
      snapshots {
        id
        name
        revision
        takenAt
        takenBy {
          name
        }
        overall {
          score
        }
      }
    }
  }
`;

export const TAKE_SNAPSHOT = gql`
  mutation TakeSnapshot($assessmentId: ID!, $name: String!) {
    takeSnapshot(assessmentId: $assessmentId, name: $name) {
      id
      name
    }
  }
`;

const VALUE = "level dontKnow note needsImprovement";

export const COMPARE = gql`
  query Compare($id: ID!, $from: ID!, $to: ID) {
    assessment(id: $id) {
      id
      comparison(from: $from, to: $to) {
        from { revision snapshot { name } }
        to { revision snapshot { name } }
        overall { before { score } after { score } scoreChange }
        sections { key before { score answered dontKnow } after { score answered dontKnow } scoreChange }
        answers { questionKey before { ${VALUE} } after { ${VALUE} } }
      }
    }
  }
`;

export interface SnapshotSummary {
  id: string;
  name: string;
  revision: number;
  takenAt: string;
  takenBy: { name: string } | null;
  overall: { score: number | null };
}

interface Summary {
  score: number | null;
  answered: number;
  dontKnow: number;
}

export interface AnswerValue {
  level: number | null;
  dontKnow: boolean;
  note: string | null;
  needsImprovement: boolean;
}

export interface ComparisonResult {
  from: { revision: number; snapshot: { name: string } | null };
  to: { revision: number; snapshot: { name: string } | null };
  overall: {
    before: { score: number | null };
    after: { score: number | null };
    scoreChange: number | null;
  };
  sections: { key: string; before: Summary; after: Summary; scoreChange: number | null }[];
  answers: { questionKey: string; before: AnswerValue; after: AnswerValue }[];
}
