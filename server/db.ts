import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { lockDataDir } from "./db/lock.ts";
import { withMigrationLock } from "./db/migration-lock.ts";
import { applyMigrations, listMigrationNames } from "./db/migrations.ts";
import { PrismaClient } from "./generated/prisma/client.ts";
import type { Logger } from "./logger.ts";

export type Database = PrismaClient;

export interface DatabaseOptions {
  /** A PostgreSQL server; when unset, the embedded database in `dataDir` is used. */
  databaseUrl?: string;
  dataDir: string;
  logger: Logger;
}

export interface OpenDatabase {
  prisma: Database;
  kind: "embedded" | "postgres";
  close(): Promise<void>;
}

/** Opens the database, applies pending migrations and returns its Prisma client. */
export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  const { databaseUrl, logger } = options;
  const opened = databaseUrl
    ? await openServer(databaseUrl, logger)
    : await openEmbedded(options.dataDir);

  const prisma = new PrismaClient({ adapter: opened.adapter });
  try {
    const step = () => migrate(prisma, opened.adapter, logger);
    await (databaseUrl ? withMigrationLock(databaseUrl, step) : step());
  } catch (error) {
    await prisma.$disconnect();
    await opened.close();
    throw error;
  }

  return {
    prisma,
    kind: opened.kind,
    async close() {
      await prisma.$disconnect();
      await opened.close();
    },
  };
}

// Starting Prisma's schema engine costs seconds (a 5 MB WebAssembly module), so
// it runs only when the database lacks one of the checked-in migrations.
async function migrate(
  prisma: PrismaClient,
  adapter: SqlMigrationAwareDriverAdapterFactory,
  logger: Logger,
) {
  const applied = await appliedMigrationNames(prisma);
  const pending = (await listMigrationNames()).filter((name) => !applied.has(name));
  if (pending.length === 0) return;

  logger.info({ pending }, "applying migrations");
  const names = await applyMigrations(adapter, (line) =>
    logger.debug({ engine: line }, "schema engine"),
  );
  logger.info({ migrations: names }, "applied migrations");
}

async function appliedMigrationNames(prisma: PrismaClient): Promise<Set<string>> {
  const [table] = await prisma.$queryRaw<{ name: string | null }[]>`
    SELECT to_regclass('_prisma_migrations')::text AS name`;
  if (!table?.name) return new Set();

  const rows = await prisma.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations
    WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  return new Set(rows.map((row) => row.migration_name));
}

interface Opened {
  adapter: SqlMigrationAwareDriverAdapterFactory;
  kind: OpenDatabase["kind"];
  close(): Promise<void>;
}

async function openEmbedded(dataDir: string): Promise<Opened> {
  await mkdir(dataDir, { recursive: true });
  const unlock = await lockDataDir(dataDir);

  try {
    const database = await PGlite.create(dataDir);
    return {
      adapter: new PrismaPGlite(database),
      kind: "embedded",
      async close() {
        await database.close();
        await unlock();
      },
    };
  } catch (error) {
    await unlock();
    throw error;
  }
}

// While the server is unreachable each query fails at once (or after the
// connection timeout) instead of waiting, and the pool reconnects by itself
// once it is back. Errors of idle connections would otherwise crash the process.
async function openServer(databaseUrl: string, logger: Logger): Promise<Opened> {
  const adapter = new PrismaPg(
    { connectionString: databaseUrl, connectionTimeoutMillis: 5000, max: 10 },
    {
      // node-postgres errors carry the whole client, so only the message is logged.
      onPoolError: (error) =>
        logger.warn({ error: error.message }, "idle database connection failed"),
      onConnectionError: (error) =>
        logger.warn({ error: error.message }, "database connection failed"),
    },
  );
  return { adapter, kind: "postgres", close: async () => {} };
}
