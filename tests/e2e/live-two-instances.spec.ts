/**
 * Two app instances behind one PostgreSQL database: a change saved through instance A reaches a
 * person whose page is served (and whose live stream is held) by instance B. Instance A is the
 * test server; this spec starts B from the same build on the next port. Only possible on
 * PostgreSQL — the embedded database belongs to one process — so it is skipped without DATABASE_URL.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { E2E_AUTH_SECRET, LIVE, allowUpTo, createCase, inviteAndJoin, signUpQuickly, uniqueEmail } from "./helpers";

const PORT_A = Number(process.env.E2E_PORT ?? 3100);
const PORT_B = PORT_A + 1;
const instanceB = `http://localhost:${PORT_B}`;

test.skip(!process.env.DATABASE_URL, "Two app instances need a shared PostgreSQL database: set DATABASE_URL to run this.");

let server: ChildProcess | undefined;

test.beforeAll(async () => {
  allowUpTo(60_000);
  server = spawn("node_modules/.bin/next", ["start", "-p", String(PORT_B)], {
    env: { ...process.env, NEXT_MANUAL_SIG_HANDLE: "true", APP_URL: instanceB, AUTH_SECRET: E2E_AUTH_SECRET, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  await expect
    .poll(() => fetch(`${instanceB}/`).then((r) => r.status, () => 0), { timeout: 45_000, intervals: [250] })
    .toBe(200);
});

test.afterAll(async () => {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server!.once("exit", resolve));
  server.kill("SIGTERM"); // closes its database connections cleanly (server/boot.ts)
  await exited;
});

test("a change saved through instance A shows on a page served by instance B, live", async ({ browser }) => {
  allowUpTo(90_000);
  // The supporter works on instance A (the test server)…
  const owner = await (await browser.newContext()).newPage();
  await signUpQuickly(owner, "Olivia Owner", uniqueEmail("olivia"));
  await createCase(owner, { patientName: "Olivia Owner", title: "Hip: two instances" });
  const casePath = new URL(owner.url()).pathname;
  const supporter = await inviteAndJoin(owner, browser, { name: "Sam Supporter", email: uniqueEmail("sam"), role: "Supporter" });

  // …while the owner's page and live stream come from instance B (sessions live in the database).
  const ownerOnB = await owner.context().newPage();
  await ownerOnB.goto(`${instanceB}${casePath}/questions`);
  await expect(ownerOnB.getByRole("status").filter({ hasText: "Live" })).toBeVisible();

  await supporter.goto(`${casePath}/questions`);
  await supporter.getByRole("textbox", { name: "Your question" }).fill("Asked on instance A");
  await supporter.getByRole("button", { name: "Add to the list" }).click();
  await expect(ownerOnB.getByRole("region", { name: "Your questions" }).getByText("Asked on instance A")).toBeVisible(LIVE);
});
