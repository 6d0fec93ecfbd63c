import { existsSync, mkdtempSync, readdirSync, rmSync, statfsSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { E2E_AUTH_SECRET, E2E_TIME_SCALE } from "./tests/e2e/helpers";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
/**
 * Where the run's embedded database lives: in memory (/dev/shm) when there is room, since the app syncs
 * every commit to disk (db/pglite-durable.ts) and on a runner with a slow disk those syncs, not the app,
 * set the pace of every spec. Durability itself is tested by tests/crash/ on a real disk.
 */
function scratchFolder(): string {
  try {
    const shm = statfsSync("/dev/shm");
    if (shm.bavail * shm.bsize >= 2 ** 30) {
      // Memory is not given back by itself: earlier runs' databases go once they are a day old.
      for (const name of readdirSync("/dev/shm").filter((n) => n.startsWith("secondlook-e2e-"))) {
        const folder = path.join("/dev/shm", name);
        if (Date.now() - statSync(folder).mtimeMs > 86_400_000) rmSync(folder, { recursive: true, force: true });
      }
      return "/dev/shm";
    }
  } catch {
    // No /dev/shm here: the system's temporary folder.
  }
  return tmpdir();
}
// A fresh embedded database per run (ignored when DATABASE_URL points at a server database).
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(scratchFolder(), "secondlook-e2e-"));
// Every spec signs up from this one machine's address (issue 15 §4.5 limits sign-ups per IP).
process.env.SIGN_UPS_PER_IP_PER_HOUR ??= "100000";
// ...and loads the sign-in page (which asks for a passkey challenge) far more often than a person would.
process.env.PASSKEY_SIGN_INS_PER_IP ??= "100000";
// Where the run's mail server (tests/e2e/mail-sink.ts) writes what the app sends; tests read it there.
process.env.E2E_MAIL_DIR ??= mkdtempSync(path.join(tmpdir(), "secondlook-e2e-mail-"));
process.env.E2E_SMTP_PORT ??= String(PORT + 25);

const DEBIAN_CHROMIUM = "/usr/bin/chromium";
// E2E_SKIP_BUILD=1 reuses an existing production build (CI's second, embedded-mode run) instead of building again.
const reuseBuild = process.env.E2E_SKIP_BUILD === "1" && existsSync(".next/BUILD_ID");

export default defineConfig({
  testDir: "tests/e2e",
  // Every spec makes its own people and cases, so tests spread over both workers (this machine has 2
  // cores); the same in CI, where one worker made e2e three times slower.
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000 * E2E_TIME_SCALE,
  expect: { timeout: 10_000 * E2E_TIME_SCALE },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: existsSync(DEBIAN_CHROMIUM)
      ? {
          executablePath: DEBIAN_CHROMIUM,
          // Without the networking flags Chromium keeps reaching for the internet, which is closed here.
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        }
      : {},
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      command: "node_modules/.bin/tsx tests/e2e/mail-sink.ts",
      port: Number(process.env.E2E_SMTP_PORT),
      reuseExistingServer: false,
      env: { E2E_MAIL_DIR: process.env.E2E_MAIL_DIR, E2E_SMTP_PORT: process.env.E2E_SMTP_PORT },
    },
    {
      // The production build, as deployed; migrations run at start-up. Idle connections are kept 65 s, not
      // Node's 5: a spec's API call that reused a connection just as the server closed it was reset
      // (ECONNRESET) on a loaded runner; POSTs are not retried.
      command: `${reuseBuild ? "" : "npm run build && "}npm start -- -p ${PORT} --keepAliveTimeout 65000`,
      url: `${baseURL}/`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        APP_URL: baseURL,
        AUTH_SECRET: E2E_AUTH_SECRET,
        DATA_DIR: process.env.E2E_DATA_DIR,
        SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
        SIGN_UPS_PER_IP_PER_HOUR: process.env.SIGN_UPS_PER_IP_PER_HOUR,
        PASSKEY_SIGN_INS_PER_IP: process.env.PASSKEY_SIGN_INS_PER_IP,
        NEXT_TELEMETRY_DISABLED: "1",
        // One access line per request would bury the test output: warnings and errors only.
        LOG_LEVEL: "warn",
        // The pseudo-locale (longer, accented text) is offered, so pseudo-locale.spec.ts can check the phone layout with it.
        ENABLE_PSEUDO_LOCALE: "1",
      },
    },
  ],
});
