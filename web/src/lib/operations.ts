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
  mutation SetAnswer(
    $assessmentId: ID!
    $questionKey: String!
    $level: Int
    $dontKnow: Boolean
    $expectedVersion: Int
  ) {
    setAnswer(
      assessmentId: $assessmentId
      questionKey: $questionKey
      level: $level
      dontKnow: $dontKnow
      expectedVersion: $expectedVersion
    ) { ${ANSWER_FIELDS} }
  }
`;

export const PRESENCE = gql`
  subscription Presence($id: ID!, $sectionKey: String) {
    presence(assessmentId: $id, sectionKey: $sectionKey) {
      online {
        participant {
          id
        }
        sectionKey
        since
      }
      participants {
        id
        name
        role
        joinedAt
      }
    }
  }
`;

export const RECENT_CHANGES = gql`
  query RecentChanges($id: ID!) {
    assessment(id: $id) {
      id
      recentChanges(limit: 15) {
        id
        revision
        questionKey
        fromLevel
        fromDontKnow
        toLevel
        toDontKnow
        createdAt
        participant {
          id
          name
        }
      }
    }
  }
`;

export const ROTATE_JOIN_CODE = gql`
  mutation RotateJoinCode($id: ID!) {
    rotateJoinCode(assessmentId: $id) {
      id
      joinCode
    }
  }
`;

export const REMOVE_PARTICIPANT = gql`
  mutation RemoveParticipant($id: ID!, $participantId: ID!) {
    removeParticipant(assessmentId: $id, participantId: $participantId) {
      id
    }
  }
`;

export const HAND_OVER = gql`
  mutation HandOver($id: ID!, $participantId: ID!) {
    handOverFacilitator(assessmentId: $id, participantId: $participantId) {
      id
    }
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

export const VIEWER = gql`
  query Viewer {
    viewer {
      id
      name
      role
    }
  }
`;
