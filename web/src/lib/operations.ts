import { gql } from "@urql/core";

export const QUESTIONNAIRE = gql`
  query Questionnaire {
    questionnaire {
      version
      sections {
        key
        title
        questions {
          key
          text
          levels {
            value
            statement
            goodEnoughWhen
            howToImprove
          }
        }
      }
    }
  }
`;

const ANSWER_FIELDS = `
  questionKey
  level
  dontKnow
  note
  needsImprovement
  version
  updatedAt
  updatedBy { id name }
`;

const RESULT_FIELDS = `
  sections { key total answered dontKnow needsImprovement score }
  overall { total answered dontKnow needsImprovement score }
`;

export const ASSESSMENT = gql`
  query Assessment($id: ID!) {
    viewer { id name role }
    assessment(id: $id) {
      id
      name
      revision
      joinCode
      answers { ${ANSWER_FIELDS} }
      ${RESULT_FIELDS}
      participants { id name role }
    }
  }
`;

export const ASSESSMENT_CHANGED = gql`
  subscription AssessmentChanged($id: ID!) {
    assessmentChanged(assessmentId: $id) {
      revision
      kind
      sectionKey
      answers { ${ANSWER_FIELDS} }
      ${RESULT_FIELDS}
    }
  }
`;

export const SET_ANSWER = gql`
  mutation SetAnswer($assessmentId: ID!, $questionKey: String!, $level: Int, $dontKnow: Boolean) {
    setAnswer(
      assessmentId: $assessmentId
      questionKey: $questionKey
      level: $level
      dontKnow: $dontKnow
    ) { ${ANSWER_FIELDS} }
  }
`;

export const SET_NOTE = gql`
  mutation SetNote($assessmentId: ID!, $questionKey: String!, $note: String) {
    setNote(assessmentId: $assessmentId, questionKey: $questionKey, note: $note) { ${ANSWER_FIELDS} }
  }
`;

export const SET_NEEDS_IMPROVEMENT = gql`
  mutation SetNeedsImprovement(
    $assessmentId: ID!
    $questionKey: String!
    $needsImprovement: Boolean!
  ) {
    setNeedsImprovement(
      assessmentId: $assessmentId
      questionKey: $questionKey
      needsImprovement: $needsImprovement
    ) { ${ANSWER_FIELDS} }
  }
`;

export const RESET_SECTION = gql`
  mutation ResetSection($assessmentId: ID!, $sectionKey: String!) {
    resetSection(assessmentId: $assessmentId, sectionKey: $sectionKey) {
      id
      revision
    }
  }
`;

const JOIN_FIELDS = `
  token
  joinCode
  assessment { id name }
  participant { id name role }
`;

export const CREATE_ASSESSMENT = gql`
  mutation CreateAssessment($name: String!, $facilitatorName: String!) {
    createAssessment(name: $name, facilitatorName: $facilitatorName) { ${JOIN_FIELDS} }
  }
`;

export const JOIN_ASSESSMENT = gql`
  mutation JoinAssessment($code: String!, $name: String!, $role: Role) {
    joinAssessment(code: $code, name: $name, role: $role) { ${JOIN_FIELDS} }
  }
`;
