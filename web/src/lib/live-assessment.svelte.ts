import type { Client } from "@urql/core";
import type { ConnectionState, GraphQLConnection } from "./client.ts";
import { describeError, errorCode } from "./errors.ts";
import { LivePresence } from "./live-presence.svelte.ts";
import {
  ASSESSMENT,
  ASSESSMENT_CHANGED,
  RESET_SECTION,
  SET_ANSWER,
  SET_NEEDS_IMPROVEMENT,
  SET_NOTE,
} from "./operations.ts";
import type { Answer, Assessment, AssessmentChange, Participant, Questionnaire } from "./types.ts";

export interface Choice {
  level: number | null;
  dontKnow: boolean;
}

/**
 * One assessment as this page sees it, kept equal to the server's: it loads
 * the assessment, applies each change event in revision order, and reloads
 * whenever it may have missed one (a gap in revisions or a reconnect).
 */
export class LiveAssessment {
  assessment = $state<Assessment | null>(null);
  viewer = $state<Participant | null>(null);
  connection = $state<ConnectionState>("connecting");
  loadError = $state<string | null>(null);
  /** The latest change made by someone else, for the page's polite live region. */
  announcement = $state("");
  /** Questions whose choice is being saved. */
  saving = $state<Record<string, boolean>>({});
  /**
   * Questions whose last choice failed to save, with the reason. Those that
   * failed for want of a network are sent again when the connection is back.
   */
  failed = $state<Record<string, { message: string; choice: Choice; retry: boolean }>>({});
  /** Questions where someone else's change overtook this page's choice. */
  conflicts = $state<Record<string, { mine: Choice; theirs: Answer }>>({});

  /** Presence of the members; `follow` it with the section the page shows. */
  readonly presence: LivePresence;
  readonly #client: Client;
  /** The highest revision the server has reported, loaded or not. */
  #serverRevision = 0;
  readonly #stops: (() => void)[] = [];

  constructor(
    connection: GraphQLConnection,
    readonly id: string,
    readonly questionnaire: Questionnaire,
  ) {
    this.#client = connection.client;
    this.presence = new LivePresence(connection.client, id, (members) =>
      this.updateMembers(members),
    );
    this.#stops.push(
      // After a reconnect the subscription starts again with a SUBSCRIBED
      // event, whose revision tells whether anything was missed meanwhile.
      connection.onState((state, reconnected) => {
        this.connection = state;
        if (reconnected) this.#retryFailed();
      }),
    );
  }

  /** Loads the assessment and follows its changes until `stop`. */
  start(): void {
    void this.load();
    const subscription = this.#client
      .subscription(ASSESSMENT_CHANGED, { id: this.id })
      .subscribe((result) => {
        if (result.data) this.#apply(result.data.assessmentChanged as AssessmentChange);
      });
    this.#stops.push(() => subscription.unsubscribe());
  }

  stop(): void {
    this.presence.stop();
    for (const stop of this.#stops.splice(0)) stop();
  }

  async load(): Promise<void> {
    const result = await this.#client.query(ASSESSMENT, { id: this.id }).toPromise();
    if (result.error) {
      this.loadError = describeError(result.error);
      return;
    }
    if (!result.data?.assessment) {
      this.loadError = "This assessment does not exist or you are not a member of it.";
      return;
    }
    this.loadError = null;
    this.viewer = result.data.viewer;
    this.assessment = result.data.assessment;
    // A change may have been announced while this query was on its way.
    if (this.#serverRevision > result.data.assessment.revision) await this.load();
  }

  answerOf(questionKey: string): Answer | undefined {
    return this.assessment?.answers.find((answer) => answer.questionKey === questionKey);
  }

  sectionResult(sectionKey: string) {
    return this.assessment?.sections.find((section) => section.key === sectionKey);
  }

  /**
   * Saves a choice against the version of the answer this page shows, so
   * that a change made meanwhile by someone else is reported, not overwritten.
   */
  async choose(questionKey: string, choice: Choice): Promise<void> {
    this.saving[questionKey] = true;
    delete this.failed[questionKey];
    delete this.conflicts[questionKey];
    const expectedVersion = this.answerOf(questionKey)?.version ?? 0;

    const result = await this.#client
      .mutation(SET_ANSWER, { assessmentId: this.id, questionKey, ...choice, expectedVersion })
      .toPromise();

    delete this.saving[questionKey];
    if (errorCode(result.error) === "CONFLICT") {
      const theirs = result.error!.graphQLErrors[0].extensions.currentAnswer as Answer;
      this.#mergeAnswers([theirs]);
      this.conflicts[questionKey] = { mine: choice, theirs };
      return;
    }
    if (result.error) {
      const offline = Boolean(result.error.networkError);
      const message = offline
        ? "you are offline. It will be sent when the connection is back."
        : describeError(result.error);
      this.failed[questionKey] = { message, choice, retry: offline };
      return;
    }
    this.#mergeAnswers([result.data.setAnswer as Answer]);
  }

  /** Keeps the other person's answer and drops this page's overtaken choice. */
  dismissConflict(questionKey: string): void {
    delete this.conflicts[questionKey];
  }

  /** Applies the roles from a fresh member list, such as after a hand-over. */
  updateMembers(participants: Participant[]): void {
    if (this.assessment) this.assessment.participants = participants;
    const me = participants.find((participant) => participant.id === this.viewer?.id);
    if (me && this.viewer && me.role !== this.viewer.role) {
      this.viewer.role = me.role;
      // The join code is shown to facilitators only, so a new role needs a reload.
      void this.load();
    }
  }

  #retryFailed(): void {
    for (const [questionKey, failure] of Object.entries(this.failed)) {
      if (failure.retry) void this.choose(questionKey, failure.choice);
    }
  }

  /** Saves a note (empty clears it); returns an error message, or null on success. */
  async setNote(questionKey: string, note: string): Promise<string | null> {
    const result = await this.#client
      .mutation(SET_NOTE, { assessmentId: this.id, questionKey, note })
      .toPromise();
    if (result.error) return describeError(result.error);
    if (result.data.setNote) this.#mergeAnswers([result.data.setNote as Answer]);
    return null;
  }

  /** Sets or clears "we need to do better here"; returns an error message, or null on success. */
  async setNeedsImprovement(
    questionKey: string,
    needsImprovement: boolean,
  ): Promise<string | null> {
    const result = await this.#client
      .mutation(SET_NEEDS_IMPROVEMENT, { assessmentId: this.id, questionKey, needsImprovement })
      .toPromise();
    if (result.error) return describeError(result.error);
    if (result.data.setNeedsImprovement) {
      this.#mergeAnswers([result.data.setNeedsImprovement as Answer]);
    }
    return null;
  }

  /** Clears a section for everyone; returns an error message, or null on success. */
  async reset(sectionKey: string): Promise<string | null> {
    const result = await this.#client
      .mutation(RESET_SECTION, { assessmentId: this.id, sectionKey })
      .toPromise();
    if (result.error) return describeError(result.error);
    // The change event carries the cleared answers; reload in case it raced ahead.
    if (this.assessment && result.data.resetSection.revision > this.assessment.revision) {
      await this.load();
    }
    return null;
  }

  #apply(change: AssessmentChange): void {
    this.#serverRevision = Math.max(this.#serverRevision, change.revision);
    const assessment = this.assessment;
    if (!assessment) return;
    if (change.kind === "SUBSCRIBED") {
      if (change.revision !== assessment.revision) void this.load();
      return;
    }
    if (change.revision <= assessment.revision) return;
    if (change.revision > assessment.revision + 1) {
      void this.load();
      return;
    }

    this.#mergeAnswers(change.answers);
    assessment.sections = change.sections;
    assessment.overall = change.overall;
    assessment.revision = change.revision;
    this.#announce(change);
  }

  // Keeps the newer of two copies of an answer, so that a mutation's response
  // and its change event may arrive in either order.
  #mergeAnswers(answers: Answer[]): void {
    const assessment = this.assessment;
    if (!assessment) return;
    for (const answer of answers) {
      const index = assessment.answers.findIndex((a) => a.questionKey === answer.questionKey);
      if (index === -1) assessment.answers.push(answer);
      else if (assessment.answers[index].version <= answer.version)
        assessment.answers[index] = answer;
    }
  }

  #announce(change: AssessmentChange): void {
    const author = change.answers[0]?.updatedBy;
    if (!author || author.id === this.viewer?.id) return;

    const section = this.questionnaire.sections.find((s) => s.key === change.sectionKey);
    if (change.kind === "SECTION_RESET") {
      this.announcement = `${author.name} reset the ${section?.title ?? change.sectionKey} section.`;
      return;
    }
    const answer = change.answers[0];
    const question = section?.questions.find((q) => q.key === answer.questionKey);
    const text = question?.text ?? answer.questionKey;
    if (change.kind === "NOTE_SET") {
      this.announcement = `${author.name} ${answer.note ? "changed" : "cleared"} the note on “${text}”`;
      return;
    }
    if (change.kind === "NEEDS_IMPROVEMENT_SET") {
      const verb = answer.needsImprovement ? "marked" : "unmarked";
      this.announcement = `${author.name} ${verb} “${text}” as needing improvement`;
      return;
    }
    const choice = answer.dontKnow ? "I don't know" : `level ${answer.level}`;
    this.announcement = `${author.name} chose ${choice} for “${text}”`;
  }
}
