import { afterEach, describe, expect, it, vi } from "vitest";
import { RevisionOrder } from "../../server/answers/revision-order.ts";

afterEach(() => {
  vi.useRealTimers();
});

function collect(lastRevision: number, gapWaitMs = 1000) {
  const delivered: number[] = [];
  const order = new RevisionOrder<{ revision: number }>(
    lastRevision,
    (event) => delivered.push(event.revision),
    gapWaitMs,
  );
  const accept = (...revisions: number[]) =>
    revisions.forEach((revision) => order.accept({ revision }));
  return { order, delivered, accept };
}

describe("RevisionOrder", () => {
  it("passes events in order at once", () => {
    const { delivered, accept } = collect(3);
    accept(4, 5, 6);

    expect(delivered).toEqual([4, 5, 6]);
  });

  it("holds an early event until the gap fills", () => {
    const { delivered, accept } = collect(0);
    accept(2, 3);

    expect(delivered).toEqual([]);
    accept(1);
    expect(delivered).toEqual([1, 2, 3]);
  });

  it("drops duplicates and events the start already covers", () => {
    const { delivered, accept } = collect(5);
    accept(4, 5, 6, 6, 7, 6);

    expect(delivered).toEqual([6, 7]);
  });

  it("gives up on a gap after the wait", () => {
    vi.useFakeTimers();
    const { order, delivered, accept } = collect(0, 500);
    accept(3, 2);

    vi.advanceTimersByTime(499);
    expect(delivered).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(delivered).toEqual([2, 3]);
    expect(order.lastRevision).toBe(3);
  });

  it("skips to a newer state and drops what it covers", () => {
    const { order, delivered, accept } = collect(0);
    accept(2, 4, 5);
    order.skipTo(4);

    expect(delivered).toEqual([5]);
    order.skipTo(2);
    expect(order.lastRevision).toBe(5);
  });

  it("stops its timer on stop", () => {
    vi.useFakeTimers();
    const { order, delivered, accept } = collect(0, 100);
    accept(2);
    order.stop();

    vi.advanceTimersByTime(1000);
    expect(delivered).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
