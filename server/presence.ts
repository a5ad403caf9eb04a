import { randomUUID } from "node:crypto";

/** One live connection of a member, and the section it shows. */
export interface OnlineEntry {
  participantId: string;
  sectionKey: string | null;
  since: Date;
}

/**
 * Who is connected to each assessment, kept in this process's memory. An entry
 * lives exactly as long as the presence subscription that created it, so a
 * closed tab or a dead network (found by the websocket's keep-alive ping)
 * removes it.
 */
export class PresenceStore {
  readonly #entries = new Map<string, Map<string, OnlineEntry>>();

  /** Adds a connection; returns the key that `leave` takes. */
  join(assessmentId: string, entry: Omit<OnlineEntry, "since">): string {
    const key = randomUUID();
    const entries = this.#entries.get(assessmentId) ?? new Map();
    entries.set(key, { ...entry, since: new Date() });
    this.#entries.set(assessmentId, entries);
    return key;
  }

  leave(assessmentId: string, key: string): void {
    const entries = this.#entries.get(assessmentId);
    entries?.delete(key);
    if (entries?.size === 0) this.#entries.delete(assessmentId);
  }

  /**
   * Lists each member once, however many tabs they have open, with the
   * section of their most recent connection.
   */
  online(assessmentId: string): OnlineEntry[] {
    const latest = new Map<string, OnlineEntry>();
    for (const entry of this.#entries.get(assessmentId)?.values() ?? []) {
      const known = latest.get(entry.participantId);
      if (!known || known.since <= entry.since) latest.set(entry.participantId, entry);
    }
    return [...latest.values()];
  }
}
