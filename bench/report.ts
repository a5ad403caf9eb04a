// Medians over the repeats, the table that `npm run bench` prints, and the ratios.
import type { ScenarioResult } from "./load.ts";
import type { SystemName } from "./systems.ts";

export interface Run extends ScenarioResult {
  scenario: string;
  system: SystemName;
  repeat: number;
  healthyMs: number;
  restartHealthyMs: number | null;
}

export type Figures = Record<string, number | null>;

const labels = new Set(["scenario", "system", "repeat", "latencyMs"]);

/** Flattens a run into named numbers, such as `latency.p99`. */
function figuresOf(run: Run): Figures {
  const figures: Figures = {};
  for (const [key, value] of Object.entries(run)) {
    if (!labels.has(key)) figures[key] = value as number | null;
  }
  for (const [key, value] of Object.entries(run.latencyMs)) figures[`latency.${key}`] = value;
  return figures;
}

function median(values: number[]): number | null {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export type Summary = Record<string, Partial<Record<SystemName, Figures>>>;

/** Takes the median of every figure over the repeats of each scenario and system. */
export function summarise(runs: Run[]): Summary {
  const summary: Summary = {};
  for (const run of runs) {
    const group = (summary[run.scenario] ??= {});
    if (group[run.system]) continue;
    const same = runs
      .filter((r) => r.scenario === run.scenario && r.system === run.system)
      .map(figuresOf);
    const figures: Figures = {};
    for (const key of Object.keys(same[0])) {
      figures[key] = median(same.map((f) => f[key]).filter((v): v is number => v !== null));
    }
    // Loss and duplication are summed, not medians: one lost event in any run counts.
    for (const key of ["lost", "duplicated", "outOfOrder", "failed"]) {
      figures[`${key}Total`] = same.reduce((sum, f) => sum + (f[key] ?? 0), 0);
    }
    group[run.system] = figures;
  }
  return summary;
}

const columns: [label: string, key: string, digits: number, scale?: number][] = [
  ["changes/s", "acceptedPerSecond", 0],
  ["skipped", "skipped", 0],
  ["expected", "expected", 0],
  ["received", "received", 0],
  ["lost*", "lostTotal", 0],
  ["dup*", "duplicatedTotal", 0],
  ["p50 ms", "latency.p50", 1],
  ["p95 ms", "latency.p95", 1],
  ["p99 ms", "latency.p99", 1],
  ["max ms", "latency.max", 1],
  ["CPU %", "cpuPercent", 0],
  ["peak MiB", "peakBytes", 0, 1 / 2 ** 20],
  ["KiB/conn", "bytesPerConnection", 1, 1 / 1024],
  ["healthy ms", "healthyMs", 0],
  ["restart ms", "restartHealthyMs", 0],
];

function format(value: number | null | undefined, digits: number, scale = 1): string {
  return value === null || value === undefined ? "-" : (value * scale).toFixed(digits);
}

/** Prints the medians as a table, then product / reference ratios. */
export function printReport(summary: Summary, systems: SystemName[]) {
  const header = ["scenario", "system", ...columns.map(([label]) => label)];
  const rows = [header];
  for (const [scenario, bySystem] of Object.entries(summary)) {
    for (const system of systems) {
      const figures = bySystem[system];
      if (!figures) continue;
      rows.push([
        scenario,
        system,
        ...columns.map(([, key, digits, scale]) => format(figures[key], digits, scale)),
      ]);
    }
  }
  printTable(rows);
  console.log("* summed over the repeats; every other figure is the median of the repeats.\n");

  const ratioRows = [["scenario", "system", "changes/s", "p99", "CPU", "peak", "per conn"]];
  for (const [scenario, bySystem] of Object.entries(summary)) {
    const reference = bySystem.reference;
    if (!reference) continue;
    for (const system of systems.filter((name) => name !== "reference")) {
      const figures = bySystem[system];
      if (!figures) continue;
      const ratio = (key: string) => format(divide(figures[key], reference[key]), 2);
      ratioRows.push([
        scenario,
        system,
        ratio("acceptedPerSecond"),
        ratio("latency.p99"),
        ratio("cpuPercent"),
        ratio("peakBytes"),
        ratio("bytesPerConnection"),
      ]);
    }
  }
  console.log("product / reference");
  printTable(ratioRows);
}

export function divide(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || !b) return null;
  return a / b;
}

function printTable(rows: string[][]) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows) {
    console.log(
      row
        .map((cell, column) =>
          column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]),
        )
        .join("  "),
    );
  }
}
