import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  // Node loads graphql's CommonJS build for Yoga and Pothos; tests must use the
  // same copy, or its classes do not match (Vite would pick the .mjs build).
  resolve: { alias: { graphql: require.resolve("graphql") } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/api/**/*.test.ts"],
    // Each API test file starts its own server on its own embedded database.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    expect: { requireAssertions: true },
  },
});
