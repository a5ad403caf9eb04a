// Usage: npm run schema
// Writes schema.graphql from the Pothos schema; a test fails when it is stale.
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { printSchema } from "graphql";
import { schema } from "../server/schema/index.ts";

const path = resolve(import.meta.dirname, "../schema.graphql");
await writeFile(path, `${printSchema(schema)}\n`);
process.stdout.write(`Wrote ${path}\n`);
