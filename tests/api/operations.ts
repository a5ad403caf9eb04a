// The operations the API tests send, written as an integrator would.

export const CREATE = `
  mutation Create($name: String!, $facilitatorName: String!) {
    createAssessment(name: $name, facilitatorName: $facilitatorName) {
      token
      joinCode
      participant { id name role }
      assessment { id name revision joinCode questionnaireVersion }
    }
  }`;

export const JOIN = `
  mutation Join($code: String!, $name: String!, $role: Role) {
    joinAssessment(code: $code, name: $name, role: $role) {
      token
      joinCode
      participant { id name role }
      assessment { id joinCode }
    }
  }`;

export const ASSESSMENT = `
  query Assessment($id: ID!) {
    assessment(id: $id) {
      id
      name
      revision
      answers { questionKey level dontKnow version updatedBy { name } }
      sections { key total answered dontKnow score }
      overall { total answered dontKnow score }
      participants { name role }
    }
  }`;

export const SET_ANSWER = `
  mutation Set(
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
    ) { questionKey level dontKnow version updatedBy { name } }
  }`;

export const RESET = `
  mutation Reset($assessmentId: ID!, $sectionKey: String!) {
    resetSection(assessmentId: $assessmentId, sectionKey: $sectionKey) {
      revision
      sections { key answered dontKnow }
    }
  }`;

export const CHANGED = `
  subscription Changed($id: ID!) {
    assessmentChanged(assessmentId: $id) {
      revision
      kind
      sectionKey
      answer { questionKey level dontKnow version updatedBy { name } }
      answers { questionKey level dontKnow }
      sections { key answered dontKnow score }
      overall { answered dontKnow score }
    }
  }`;
