import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // Tests are server code too: `import "server-only"` is what keeps server modules out of the browser.
  "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
};

/**
 * Integration files share their workers' loaded modules (importing the app once per worker, not once
 * per file, took the suite from 218 to 155 s), except files that replace a module or set the
 * environment the app reads at load: those get modules of their own. Found by what the file does, so a
 * new file that mocks or sets the environment is isolated without anyone listing it.
 */
const INTEGRATION = "tests/integration";
const NEEDS_OWN_MODULES = /vi\.(mock|doMock|stubEnv|stubGlobal|resetModules)\(|process\.env(\.\w+|\[[^\]]+\]) *(\?\?=|=[^=])/;
const integrationFiles = readdirSync(INTEGRATION).filter((name) => name.endsWith(".test.ts"));
const ownModules = integrationFiles.filter((name) => NEEDS_OWN_MODULES.test(readFileSync(path.join(INTEGRATION, name), "utf8")));

const integration = {
  environment: "node",
  globalSetup: ["tests/support/pglite-template.ts"],
  // Each file gets its own database; two workers suit a 2-core machine.
  pool: "forks" as const,
  maxWorkers: 2,
  testTimeout: 30_000,
  // Opening PGlite (WASM) is CPU-bound: under a loaded 2-core machine it has taken over 60 s.
  hookTimeout: 180_000,
  server: { deps: { inline: ["next-auth"] } },
  // Info lines (sign-ins, access lines) would bury the test output; tests that read the log
  // raise the level while they capture it (tests/support/captured-log.ts).
  env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" },
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
          ...integration,
          name: "integration",
          include: [`${INTEGRATION}/*.test.ts`],
          exclude: ownModules.map((name) => `${INTEGRATION}/${name}`),
          isolate: false,
        },
      },
      {
        resolve: { alias },
        test: { ...integration, name: "integration-own-modules", include: ownModules.map((name) => `${INTEGRATION}/${name}`) },
      },
    ],
  },
});
