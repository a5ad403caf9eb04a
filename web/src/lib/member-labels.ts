import type { Participant } from "./types.ts";

/**
 * Labels members so that two with the same display name can be distinguished, by
 * the order in which they joined: "Sam", "Sam (2)".
 */
export function memberLabels(participants: Participant[]): Map<string, string> {
  const seen = new Map<string, number>();
  const labels = new Map<string, string>();
  for (const participant of participants) {
    const key = participant.name.toLocaleLowerCase();
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    labels.set(participant.id, count === 1 ? participant.name : `${participant.name} (${count})`);
  }
  return labels;
}
