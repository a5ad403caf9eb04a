// The PostgreSQL and Redis servers that the scale-out tests use: those named by
// DATABASE_URL and REDIS_URL, or else the standard local ports. Each test file
// gets a database and a channel prefix of its own and removes them afterwards.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";

export const postgresUrl =
  process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
export const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";

async function reachable(check: () => Promise<unknown>): Promise<boolean> {
  try {
    await check();
    return true;
  } catch {
    return false;
  }
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function pingRedis() {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    await redis.ping();
  } finally {
    redis.disconnect();
  }
}

/**
 * Tells whether PostgreSQL and Redis are reachable. When they are not, the
 * tests that need them are skipped with a notice on the console, except in CI
 * (CI=true), whose script starts both: there a missing server fails the run.
 */
export async function sharedServicesAvailable(what: string): Promise<boolean> {
  const [hasPostgres, hasRedis] = await Promise.all([
    reachable(() => adminQuery("SELECT 1")),
    reachable(pingRedis),
  ]);
  if (hasPostgres && hasRedis) return true;

  const missing = [
    !hasPostgres && `PostgreSQL at ${postgresUrl}`,
    !hasRedis && `Redis at ${redisUrl}`,
  ]
    .filter(Boolean)
    .join(" and ");
  if (process.env.CI) throw new Error(`${missing} not reachable; .ci/run should have started it`);
  // eslint-disable-next-line no-console -- the notice must show in the test output
  console.warn(`SKIPPED ${what}: ${missing} not reachable (set DATABASE_URL and REDIS_URL)`);
  return false;
}

/** Creates an empty database of this test's own and returns its URL and a remover. */
export async function createTestDatabase() {
  const name = `cma_scale_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A Redis channel prefix that no other test or deployment uses. */
export const testChannelPrefix = () => `cma_scale_test_${randomBytes(6).toString("hex")}:`;
