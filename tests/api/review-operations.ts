// The operations of the review features (notes, flags, snapshots, export and
// import), written as an integrator would.

const ANSWER = "questionKey level dontKnow note needsImprovement version updatedBy { name }";

export const SET_NOTE = `
  mutation SetNote($assessmentId: ID!, $questionKey: String!, $note: String, $expectedVersion: Int) {
    setNote(
      assessmentId: $assessmentId
      questionKey: $questionKey
      note: $note
      expectedVersion: $expectedVersion
    ) { ${ANSWER} }
  }`;

export const SET_NEEDS_IMPROVEMENT = `
  mutation Flag($assessmentId: ID!, $questionKey: String!, $needsImprovement: Boolean!) {
    setNeedsImprovement(
      assessmentId: $assessmentId
      questionKey: $questionKey
      needsImprovement: $needsImprovement
    ) { ${ANSWER} }
  }`;

export const REVIEW = `
  query Review($id: ID!) {
    assessment(id: $id) {
      revision
      answers { ${ANSWER} }
      sections { key answered dontKnow needsImprovement score }
      overall { answered dontKnow needsImprovement score }
    }
  }`;

export const REVIEW_CHANGED = `
  subscription Changed($id: ID!) {
    assessmentChanged(assessmentId: $id) {
      revision
      kind
      sectionKey
      answer { ${ANSWER} }
      sections { key needsImprovement }
      overall { needsImprovement }
    }
  }`;

export const TAKE_SNAPSHOT = `
  mutation Take($assessmentId: ID!, $name: String!) {
    takeSnapshot(assessmentId: $assessmentId, name: $name) {
      id
      name
      revision
      takenBy { name }
      overall { answered score }
      answers { questionKey level dontKnow note needsImprovement }
    }
  }`;

export const SNAPSHOTS = `
  query Snapshots($id: ID!) {
    assessment(id: $id) { snapshots { id name revision } }
  }`;

export const COMPARE = `
  query Compare($id: ID!, $from: ID!, $to: ID) {
    assessment(id: $id) {
      comparison(from: $from, to: $to) {
        from { revision snapshot { name } }
        to { revision snapshot { name } }
        overall { before { score } after { score } scoreChange }
        sections { key before { answered score } after { answered score } scoreChange }
        answers {
          questionKey
          question { text }
          before { level dontKnow note needsImprovement }
          after { level dontKnow note needsImprovement }
        }
      }
    }
  }`;

export const EXPORT = `
  query Export($id: ID!, $format: ExportFormat!) {
    assessment(id: $id) { export(format: $format) }
  }`;

export const IMPORT = `
  mutation Import($document: String!, $facilitatorName: String!, $name: String) {
    importAssessment(document: $document, facilitatorName: $facilitatorName, name: $name) {
      token
      joinCode
      participant { name role }
      assessment {
        id
        name
        revision
        participants { name role }
        answers { ${ANSWER} }
      }
    }
  }`;
