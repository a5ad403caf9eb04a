import pg from "pg";

// An arbitrary constant that names "this application's migration step" among
// advisory locks; any instance of this server on the same database uses it.
const MIGRATION_LOCK_KEY = 738_204_911;

/**
 * Runs `step` while holding a PostgreSQL session advisory lock, so that of two
 * instances starting at once, the second waits until the first has migrated and
 * then finds nothing pending. The lock is held on its own connection, which
 * closing releases even if `step` fails.
 */
export async function withMigrationLock<T>(databaseUrl: string, step: () => Promise<T>) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    return await step();
  } finally {
    await client.end();
  }
}
