import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  printSchema,
} from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../../server/schema/index.ts";

describe("schema.graphql", () => {
  it("matches the schema the server builds", async () => {
    const checkedIn = await readFile(resolve(import.meta.dirname, "../../schema.graphql"), "utf8");

    // When this fails, run `npm run schema` and commit schema.graphql.
    expect(checkedIn).toBe(`${printSchema(schema)}\n`);
  });

  it("describes every type, field, argument and enum value", () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__") || isSpecifiedScalarType(type)) continue;
      if (!type.description) missing.push(type.name);

      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of "args" in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) {
          if (!value.description) missing.push(`${type.name}.${value.name}`);
        }
      }
    }

    expect(missing).toEqual([]);
  });
});
