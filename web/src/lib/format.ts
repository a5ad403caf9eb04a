/** Formats a score from 1 to 5 with one decimal, or a dash when there is none. */
export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined ? "–" : score.toFixed(1);
}

const relative = new Intl.RelativeTimeFormat("en-GB", { numeric: "auto" });

/** Says how long ago a moment was, such as "2 minutes ago". */
export function timeAgo(iso: string, now: number): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (seconds > -45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes > -60) return relative.format(minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (hours > -24) return relative.format(hours, "hour");
  return relative.format(Math.round(hours / 24), "day");
}
