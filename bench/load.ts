// The load generator: websocket subscribers and a mutation driver, measuring
// what each subscriber receives against what the server accepted.
import WebSocket from "ws";
import { cpuSeconds, residentBytes, type RunningSystem } from "./systems.ts";

export interface Scenario {
  name: string;
  /** Websocket subscribers, spread evenly over the assessments. */
  clients: number;
  assessments: number;
  /** Changes per second per assessment, sent at a fixed rate whatever the replies. */
  changesPerSecond?: number;
  /** Instead of a rate: this many mutations always in flight, each sent when one returns. */
  inFlight?: number;
  durationMs: number;
}

// At a fixed rate, a server slower than the rate would build an ever longer
// queue, and a run would last until it worked that off. Past this many
// mutations waiting per assessment, a scheduled change is skipped and counted.
const MAX_PENDING_PER_ASSESSMENT = 8;

export interface ScenarioResult {
  acceptedPerSecond: number;
  accepted: number;
  failed: number;
  /** Scheduled changes not sent, because the assessment had too many waiting. */
  skipped: number;
  expected: number;
  received: number;
  lost: number;
  duplicated: number;
  outOfOrder: number;
  /** Latency from sending a mutation to a subscriber receiving its event, in milliseconds. */
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Server CPU while the mutations were sent, in percent of one core. */
  cpuPercent: number;
  peakBytes: number;
  bytesPerConnection: number;
}

const SUBSCRIPTION = `subscription Changed($id: ID!) {
  assessmentChanged(assessmentId: $id) { revision kind answer { questionKey version } }
}`;
const SET_ANSWER = `mutation Set($assessmentId: ID!, $questionKey: String!, $level: Int!) {
  setAnswer(assessmentId: $assessmentId, questionKey: $questionKey, level: $level) { questionKey version }
}`;
const CREATE = `mutation { createAssessment(name: "Benchmark", facilitatorName: "Load") {
  token assessment { id } } }`;

interface Target {
  id: string;
  token: string | null;
  /** Send time of each accepted change, by `questionKey#version`. */
  sentAt: Map<string, number>;
  subscribers: Subscriber[];
  changes: number;
  pending: number;
}

interface Receipt {
  key: string;
  revision: number;
  at: number;
}

interface Subscriber {
  socket: WebSocket;
  receipts: Receipt[];
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function post(url: string, query: string, variables: object, token: string | null) {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

async function createTargets(system: RunningSystem, count: number): Promise<Target[]> {
  const targets: Target[] = [];
  for (let index = 0; index < count; index++) {
    const target = { sentAt: new Map(), subscribers: [], changes: 0, pending: 0 };
    if (system.name === "reference") {
      targets.push({ ...target, id: `assessment-${index}`, token: null });
      continue;
    }
    const created = (await post(system.url, CREATE, {}, null)).data.createAssessment;
    targets.push({ ...target, id: created.assessment.id, token: created.token });
  }
  return targets;
}

/** Opens a subscriber and resolves once its first (SUBSCRIBED) event has arrived. */
function subscribe(url: string, target: Target): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace("http", "ws")}/graphql`, "graphql-transport-ws");
    const subscriber: Subscriber = { socket, receipts: [] };
    const timer = setTimeout(() => reject(new Error("subscriber not ready within 30 s")), 30_000);

    socket.on("open", () => {
      const payload = target.token ? { authorization: `Bearer ${target.token}` } : {};
      socket.send(JSON.stringify({ type: "connection_init", payload }));
    });
    socket.on("message", (data) => {
      const message = JSON.parse(String(data));
      if (message.type === "connection_ack") {
        const payload = { query: SUBSCRIPTION, variables: { id: target.id } };
        socket.send(JSON.stringify({ id: "1", type: "subscribe", payload }));
      } else if (message.type === "next") {
        const change = message.payload.data?.assessmentChanged;
        if (!change) return;
        if (change.kind === "SUBSCRIBED") {
          clearTimeout(timer);
          resolve(subscriber);
          return;
        }
        const key = `${change.answer.questionKey}#${change.answer.version}`;
        subscriber.receipts.push({ key, revision: change.revision, at: performance.now() });
      } else if (message.type === "error") {
        reject(new Error(`subscription failed: ${JSON.stringify(message.payload)}`));
      }
    });
    socket.on("error", reject);
  });
}

async function connectAll(url: string, targets: Target[], clients: number) {
  const batch = 50;
  for (let start = 0; start < clients; start += batch) {
    const opened = Array.from({ length: Math.min(batch, clients - start) }, (_, offset) => {
      const target = targets[(start + offset) % targets.length];
      return subscribe(url, target).then((subscriber) => target.subscribers.push(subscriber));
    });
    await Promise.all(opened);
  }
}

interface Counts {
  accepted: number;
  failed: number;
  skipped: number;
}

/** Sends the next change to a target: each question in turn, each time to another level. */
async function sendChange(url: string, target: Target, questionKeys: string[], counts: Counts) {
  const index = target.changes++;
  const questionKey = questionKeys[index % questionKeys.length];
  const level = (Math.floor(index / questionKeys.length) % 5) + 1;
  const sentAt = performance.now();
  target.pending++;
  try {
    const result = await post(
      url,
      SET_ANSWER,
      { assessmentId: target.id, questionKey, level },
      target.token,
    );
    const answer = result.data?.setAnswer;
    if (!answer) throw new Error(JSON.stringify(result.errors));
    target.sentAt.set(`${answer.questionKey}#${answer.version}`, sentAt);
    counts.accepted++;
  } catch {
    counts.failed++;
  } finally {
    target.pending--;
  }
}

async function driveAtRate(
  url: string,
  targets: Target[],
  keys: string[],
  scenario: Scenario,
  counts: Counts,
) {
  const interval = 1000 / scenario.changesPerSecond!;
  const start = performance.now();
  const end = start + scenario.durationMs;
  const inFlight: Promise<void>[] = [];

  await Promise.all(
    targets.map(async (target, index) => {
      // Spread the assessments' sends over one interval instead of all at once.
      let next = start + (interval * index) / targets.length;
      while (next < end) {
        const wait = next - performance.now();
        if (wait > 0) await pause(wait);
        if (target.pending >= MAX_PENDING_PER_ASSESSMENT) counts.skipped++;
        else inFlight.push(sendChange(url, target, keys, counts));
        next += interval;
      }
    }),
  );
  await Promise.all(inFlight);
}

async function driveClosedLoop(
  url: string,
  target: Target,
  keys: string[],
  scenario: Scenario,
  counts: Counts,
) {
  const end = performance.now() + scenario.durationMs;
  await Promise.all(
    Array.from({ length: scenario.inFlight! }, async () => {
      while (performance.now() < end) await sendChange(url, target, keys, counts);
    }),
  );
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

/** Runs one scenario against a started system and measures it. */
export async function runScenario(
  system: RunningSystem,
  scenario: Scenario,
  questionKeys: string[],
): Promise<ScenarioResult> {
  const targets = await createTargets(system, scenario.assessments);
  await pause(500);
  const bytesBefore = await residentBytes(system.pid);
  await connectAll(system.url, targets, scenario.clients);
  await pause(1000);
  const bytesConnected = await residentBytes(system.pid);

  let peakBytes = bytesConnected;
  const sampler = setInterval(async () => {
    peakBytes = Math.max(peakBytes, await residentBytes(system.pid).catch(() => 0));
  }, 200);

  const counts = { accepted: 0, failed: 0, skipped: 0 };
  const cpuBefore = await cpuSeconds(system.pid);
  const startedAt = performance.now();
  if (scenario.inFlight)
    await driveClosedLoop(system.url, targets[0], questionKeys, scenario, counts);
  else await driveAtRate(system.url, targets, questionKeys, scenario, counts);
  const elapsedMs = performance.now() - startedAt;
  const cpuUsed = (await cpuSeconds(system.pid)) - cpuBefore;

  // Wait for the events still on their way, up to 5 s.
  const expected = targets.reduce(
    (sum, target) => sum + target.sentAt.size * target.subscribers.length,
    0,
  );
  const receivedOf = () =>
    targets.reduce(
      (sum, target) => sum + target.subscribers.reduce((n, s) => n + s.receipts.length, 0),
      0,
    );
  const drainEnd = Date.now() + 5000;
  while (receivedOf() < expected && Date.now() < drainEnd) await pause(50);
  clearInterval(sampler);

  const latencies: number[] = [];
  let unique = 0;
  let received = 0;
  let outOfOrder = 0;
  for (const target of targets) {
    for (const subscriber of target.subscribers) {
      const seen = new Set<string>();
      let lastRevision = 0;
      for (const receipt of subscriber.receipts) {
        received++;
        if (receipt.revision <= lastRevision) outOfOrder++;
        lastRevision = Math.max(lastRevision, receipt.revision);
        if (seen.has(receipt.key)) continue;
        seen.add(receipt.key);
        const sentAt = target.sentAt.get(receipt.key);
        if (sentAt === undefined) continue;
        unique++;
        latencies.push(receipt.at - sentAt);
      }
      subscriber.socket.terminate();
    }
  }
  latencies.sort((a, b) => a - b);

  return {
    acceptedPerSecond: (counts.accepted / elapsedMs) * 1000,
    accepted: counts.accepted,
    failed: counts.failed,
    skipped: counts.skipped,
    expected,
    received,
    lost: expected - unique,
    duplicated: received - unique - countUnexpected(targets),
    outOfOrder,
    latencyMs: {
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      p99: percentile(latencies, 0.99),
      max: latencies.at(-1) ?? Number.NaN,
    },
    cpuPercent: (cpuUsed / (elapsedMs / 1000)) * 100,
    peakBytes,
    bytesPerConnection: (bytesConnected - bytesBefore) / scenario.clients,
  };
}

// Events for changes whose reply never arrived (none are expected) are not duplicates.
function countUnexpected(targets: Target[]): number {
  let unexpected = 0;
  for (const target of targets) {
    for (const subscriber of target.subscribers) {
      const keys = new Set(subscriber.receipts.map((receipt) => receipt.key));
      for (const key of keys) if (!target.sentAt.has(key)) unexpected++;
    }
  }
  return unexpected;
}
