import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // Tests are server code too: `import "server-only"` is what keeps server modules out of the browser.
  "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/pglite-template.ts"],
          // Each file gets its own database; two workers suit a 2-core machine.
          pool: "forks",
          maxWorkers: 2,
          testTimeout: 30_000,
          // Opening PGlite (WASM) is CPU-bound: under a loaded 2-core machine it has taken over 60 s.
          hookTimeout: 180_000,
          server: { deps: { inline: ["next-auth"] } },
          // Info lines (sign-ins, access lines) would bury the test output; tests that read the log
          // raise the level while they capture it (tests/support/captured-log.ts).
          env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" },
        },
      },
    ],
  },
});
