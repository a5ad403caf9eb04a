/** The part of an event that ordering needs: the revision it produced. */
export interface Revisioned {
  revision: number;
}

/**
 * Passes one assessment's change events on in revision order, each once.
 * Events can arrive out of order when several instances publish through Redis,
 * so one that comes early is held until the revisions before it arrive. If a
 * gap stays open for `gapWaitMs` (an event was lost), the held events go on
 * anyway, and the subscriber sees the gap and refetches.
 */
export class RevisionOrder<T extends Revisioned> {
  #last: number;
  readonly #held = new Map<number, T>();
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    lastRevision: number,
    private readonly deliver: (event: T) => void,
    private readonly gapWaitMs = 1000,
  ) {
    this.#last = lastRevision;
  }

  /** The revision of the last event passed on, or of the state it started from. */
  get lastRevision(): number {
    return this.#last;
  }

  accept(event: T): void {
    if (event.revision <= this.#last || this.#held.has(event.revision)) return;
    this.#held.set(event.revision, event);
    this.#drain();
  }

  /** Moves on to `revision`, which the subscriber now has in full, dropping older events. */
  skipTo(revision: number): void {
    if (revision <= this.#last) return;
    this.#last = revision;
    for (const held of this.#held.keys()) if (held <= revision) this.#held.delete(held);
    this.#drain();
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#held.clear();
  }

  #drain(): void {
    for (let next = this.#held.get(this.#last + 1); next; next = this.#held.get(this.#last + 1)) {
      this.#held.delete(next.revision);
      this.#last = next.revision;
      this.deliver(next);
    }

    if (this.#held.size === 0) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    } else {
      this.#timer ??= setTimeout(() => this.#giveUpOnGap(), this.gapWaitMs);
    }
  }

  #giveUpOnGap(): void {
    this.#timer = undefined;
    this.#last = Math.min(...this.#held.keys()) - 1;
    this.#drain();
  }
}
