import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { applyMigrations } from "./db/migrations.ts";
import { lockDataDir } from "./db/lock.ts";
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
  const opened = options.databaseUrl
    ? await openServer(options.databaseUrl)
    : await openEmbedded(options.dataDir);

  try {
    const applied = await applyMigrations(opened.adapter, (line) =>
      options.logger.debug({ engine: line }, "schema engine"),
    );
    if (applied.length > 0) options.logger.info({ migrations: applied }, "applied migrations");
  } catch (error) {
    await opened.close();
    throw error;
  }

  const prisma = new PrismaClient({ adapter: opened.adapter });
  return {
    prisma,
    kind: opened.kind,
    async close() {
      await prisma.$disconnect();
      await opened.close();
    },
  };
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

async function openServer(databaseUrl: string): Promise<Opened> {
  const adapter = new PrismaPg({ connectionString: databaseUrl });
  return { adapter, kind: "postgres", close: async () => {} };
}
