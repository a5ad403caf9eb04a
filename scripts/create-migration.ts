// Usage: npm run db:migration NAME
// Compares prisma/schema.prisma with the checked-in migrations, replayed on an
// in-memory PostgreSQL, and writes the difference as the next migration.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { createMigration } from "../server/db/migrations.ts";

const name = process.argv[2] ?? "";
if (!/^[a-z0-9_]{1,60}$/.test(name)) {
  process.stderr.write("Usage: npm run db:migration NAME (lowercase letters, digits and _)\n");
  process.exit(2);
}

const database = new PGlite("memory://");
try {
  const folder = await createMigration(name, new PrismaPGlite(database), () => {});
  process.stdout.write(
    folder ? `Wrote ${folder}/migration.sql\n` : "The schema has not changed.\n",
  );
} finally {
  await database.close();
}
