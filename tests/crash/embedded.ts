/**
 * `npm run test:crash:embedded`: the app-kill loop (tests/crash/app-kill.ts) on the embedded database
 * (PGlite) in a fresh data folder, as a newcomer runs it. Exits 1 when a write was lost or half-written.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { appKillLoop } from "./app-kill";
import { crashCount, report } from "./report";

const PORT = Number(process.env.CRASH_PORT ?? 3500);

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "secondlook-crash-"));
  try {
    const figures = await appKillLoop({
      mode: "Embedded database (PGlite): the app killed",
      port: PORT,
      target: { kind: "pglite", dataDir: path.join(dataDir, "pglite") },
      env: { DATA_DIR: dataDir },
      crashes: crashCount(),
    });
    return report(figures);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
