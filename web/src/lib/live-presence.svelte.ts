import type { Client } from "@urql/core";
import { PRESENCE } from "./operations.ts";
import type { OnlineMember, Participant } from "./types.ts";

/**
 * Marks this page's member online at a section, and follows who is online and
 * who belongs to the assessment. Following another section resubscribes,
 * which is how the server learns where each person is.
 */
export class LivePresence {
  online = $state<OnlineMember[]>([]);
  participants = $state<Participant[]>([]);

  #unsubscribe: (() => void) | null = null;

  constructor(
    private readonly client: Client,
    readonly assessmentId: string,
    private readonly onMembers: (participants: Participant[]) => void = () => {},
  ) {}

  follow(sectionKey: string | null): void {
    this.stop();
    const subscription = this.client
      .subscription(PRESENCE, { id: this.assessmentId, sectionKey })
      .subscribe((result) => {
        if (!result.data) return;
        this.online = result.data.presence.online;
        this.participants = result.data.presence.participants;
        this.onMembers(this.participants);
      });
    this.#unsubscribe = () => subscription.unsubscribe();
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }

  sectionOf(participantId: string): string | null | undefined {
    return this.online.find((entry) => entry.participant.id === participantId)?.sectionKey;
  }

  isOnline(participantId: string): boolean {
    return this.online.some((entry) => entry.participant.id === participantId);
  }
}
