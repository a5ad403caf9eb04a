import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { startSchemaEngine } from "./schema-engine.ts";

export const prismaDir = resolve(import.meta.dirname, "../../prisma");
const migrationsDir = join(prismaDir, "migrations");
const noFilters = { externalTables: [], externalEnums: [] };

export function readDatamodel(): Promise<string> {
  return readFile(join(prismaDir, "schema.prisma"), "utf8");
}

/** Returns the names of the checked-in migrations, oldest first. */
export async function listMigrationNames(): Promise<string[]> {
  return (await readdir(migrationsDir, { withFileTypes: true }).catch(() => []))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

async function listMigrations() {
  const names = await listMigrationNames();

  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: {
          tag: "ok" as const,
          value: await readFile(join(migrationsDir, name, "migration.sql"), "utf8"),
        },
      },
    })),
  );

  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: 'provider = "postgresql"\n' },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/**
 * Applies the checked-in migrations that the database lacks, and returns their
 * names. Prisma's engine takes an advisory lock on PostgreSQL while it works, so
 * two instances starting at once apply each migration once.
 */
export async function applyMigrations(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  log: (message: string) => void,
): Promise<string[]> {
  const engine = await startSchemaEngine(await readDatamodel(), adapterFactory, log);
  try {
    const output = await engine.applyMigrations({
      migrationsList: await listMigrations(),
      filters: noFilters,
    });
    return output.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/**
 * Writes the SQL that takes the database from the last migration to the current
 * Prisma schema, as a new migration folder. Returns its path, or null when the
 * schema has not changed.
 */
export async function createMigration(
  name: string,
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  log: (message: string) => void,
): Promise<string | null> {
  const datamodel = await readDatamodel();
  const engine = await startSchemaEngine(datamodel, adapterFactory, log);
  try {
    const diff = await engine.diff({
      from: { tag: "migrations", ...(await listMigrations()) },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: datamodel }] },
      script: true,
      exitCode: true,
      filters: noFilters,
    });
    if (diff.exitCode === 0) return null;

    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const folder = join(migrationsDir, `${stamp}_${name}`);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, "migration.sql"), diff.stdout ?? "");
    return folder;
  } finally {
    engine.free();
  }
}
