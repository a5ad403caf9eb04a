// `npm run bench`: measures the product against a reference built from the same
// bare parts, interleaved, each run on a freshly started process. See
// docs/performance.md for what it measures and the latest figures.
import { mkdir, writeFile } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import { resolve } from "node:path";
import { Redis } from "ioredis";
import pg from "pg";
import { loadQuestionnaire } from "../server/questionnaire/load.ts";
import { runScenario, type Scenario, type ScenarioResult } from "./load.ts";
import { printReport, summarise, type Run } from "./report.ts";
import { startSystem, type Services, type SystemName } from "./systems.ts";

const PORT = Number(process.env.BENCH_PORT ?? 4250);

function scenarios(quick: boolean): Scenario[] {
  const seconds = (full: number) => (quick ? 3000 : full * 1000);
  return [
    { name: "50/5/20", clients: 50, assessments: 5, changesPerSecond: 20, durationMs: seconds(10) },
    {
      name: "500/50/5",
      clients: 500,
      assessments: 50,
      changesPerSecond: 5,
      durationMs: seconds(10),
    },
    {
      name: "2000/100/2",
      clients: 2000,
      assessments: 100,
      changesPerSecond: 2,
      durationMs: seconds(10),
    },
    { name: "max", clients: 10, assessments: 1, inFlight: 16, durationMs: seconds(20) },
  ];
}

async function reachablePostgres(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function reachableRedis(url: string): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

async function findServices(): Promise<Services> {
  const postgresUrl = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
  const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";
  const [hasPostgres, hasRedis] = await Promise.all([
    reachablePostgres(postgresUrl),
    reachableRedis(redisUrl),
  ]);
  return { postgresUrl: hasPostgres ? postgresUrl : null, redisUrl: hasRedis ? redisUrl : null };
}

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const repeats = quick ? 1 : 3;
const services = await findServices();
const systems: SystemName[] = ["reference", "embedded"];
if (services.postgresUrl && services.redisUrl) systems.push("postgres");
else console.log("PostgreSQL or Redis is not reachable: measuring without the postgres system.");

const questionnaire = await loadQuestionnaire(resolve(import.meta.dirname, "../questions"));
const questionKeys = [...questionnaire.questionsByKey.keys()];
const runs: Run[] = [];
// Other work on the machine competes for the same cores, so the load is kept with the figures.
const loadBefore = loadavg();

for (const scenario of scenarios(quick)) {
  for (let repeat = 1; repeat <= repeats; repeat++) {
    for (const name of systems) {
      const system = await startSystem(name, PORT, services);
      let result: ScenarioResult;
      try {
        result = await runScenario(system, scenario, questionKeys);
      } catch (error) {
        await system.stop();
        throw error;
      }
      const stopped = await system.stop();
      runs.push({
        scenario: scenario.name,
        system: name,
        repeat,
        healthyMs: system.healthyMs,
        ...stopped,
        ...result,
      });
      console.log(
        `${scenario.name} #${repeat} ${name}: ${result.acceptedPerSecond.toFixed(0)} changes/s, ` +
          `p99 ${result.latencyMs.p99.toFixed(1)} ms, lost ${result.lost}, duplicated ${result.duplicated}`,
      );
    }
  }
}

const summary = summarise(runs);
printReport(summary, systems);
const folder = resolve(import.meta.dirname, "../bench-results");
await mkdir(folder, { recursive: true });
const file = resolve(folder, `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model,
  node: process.version,
  loadAverageBefore: loadBefore,
  loadAverageAfter: loadavg(),
};
console.log(
  `load average (1, 5, 15 min) before: ${loadBefore.map((l) => l.toFixed(1)).join(", ")}; after: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(", ")}`,
);
await writeFile(
  file,
  JSON.stringify({ quick, repeats, machine, scenarios: scenarios(quick), summary, runs }, null, 2),
);
console.log(`\nwrote ${file}`);
