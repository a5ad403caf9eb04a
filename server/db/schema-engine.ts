import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";

// The package's main entry imports its .wasm file the way bundlers expect, which
// plain Node cannot do, so the module is instantiated here by hand.
type SchemaEngineModule = typeof import("@prisma/schema-engine-wasm");
export type SchemaEngine = Awaited<ReturnType<SchemaEngineModule["SchemaEngine"]["new"]>>;

let loaded: Promise<SchemaEngineModule> | undefined;

async function loadModule(): Promise<SchemaEngineModule> {
  const require = createRequire(import.meta.url);
  const bindingsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bindings = await import(pathToFileURL(bindingsPath).href);

  const bytes = await readFile(join(dirname(bindingsPath), "schema_engine_bg.wasm"));
  const module = await WebAssembly.compile(bytes);
  const instance = new WebAssembly.Instance(module, { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bindings as SchemaEngineModule;
}

/** Starts Prisma's schema engine on a database reached through a driver adapter. */
export async function startSchemaEngine(
  datamodel: string,
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  log: (message: string) => void,
): Promise<SchemaEngine> {
  loaded ??= loadModule();
  const { SchemaEngine } = await loaded;
  return SchemaEngine.new(
    { datamodels: [["schema.prisma", datamodel]] },
    (line: string) => log(line),
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}
