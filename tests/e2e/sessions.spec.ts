/**
 * Sessions (issue 15 §2) on a second server from the same build, whose idle limit is 20 seconds (40 on CI)
 * (SESSION_IDLE_SECONDS_FOR_TESTS) and whose database is a fresh one on the local PostgreSQL, so the
 * test can age a session's proof ("confirm it's you" after ten minutes) without waiting.
 * - typing a note, being signed out for inactivity (with a warning first), signing in again, and
 *   finding the note's text put back; the same for a new record and a new opinion on two pages at once,
 *   when the session was ended from another device (found by the live stream, and said so);
 * - the "Confirm it's you" dialog opened by the whole-case download, which then goes ahead, with a
 *   renewed session cookie (the old one dead); signing in where a session is held ends that session;
 * - the dialog offering exactly the person's ways: the authenticator code for a two-step user, a
 *   passkey for a passkey user (Chromium's virtual authenticator), and adding a passkey taking one
 *   more press after confirming; an account without a password deleting itself after confirming by
 *   an emailed link.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, request as playwrightRequest, test, type Browser, type Page } from "@playwright/test";
import postgres from "postgres";
import { codeFor, previousStepCode } from "./authenticator";
import { expectNoAxeViolations } from "./axe";
import { E2E_AUTH_SECRET, E2E_TIME_SCALE, allowUpTo, PASSWORD, createCase, linkIn, nextMailTo, openSection, signInOverHttp, signUpQuickly, uniqueEmail } from "./helpers";
import { trpcHttp } from "./trpc-http";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 2;
const origin = `http://localhost:${PORT}`;
/** Longer on CI's slower runner: the warning shows for a third of it, and the test checks it within that time. */
const IDLE_SECONDS = 20 * E2E_TIME_SCALE;
const serverUrl = process.env.E2E_POSTGRES_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const dbName = `secondlook_e2e_sessions_${randomBytes(4).toString("hex")}`;
const dataDir = mkdtempSync(path.join(tmpdir(), "secondlook-e2e-sessions-"));

let server: ChildProcess | undefined;
let admin: postgres.Sql | undefined;
let db: postgres.Sql | undefined;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  allowUpTo(90_000);
  admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${dbName}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  db = postgres(url.toString(), { max: 1, onnotice: () => {} });
  server = spawn("node_modules/.bin/next", ["start", "-p", String(PORT)], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_MANUAL_SIG_HANDLE: "true",
      APP_URL: origin,
      AUTH_SECRET: E2E_AUTH_SECRET,
      DATABASE_URL: url.toString(),
      DATA_DIR: dataDir,
      // The run's mail server (playwright.config.ts): sign-up goes through an emailed link.
      SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
      SESSION_IDLE_SECONDS_FOR_TESTS: String(IDLE_SECONDS),
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: "ignore",
  });
  await expect.poll(() => fetch(`${origin}/`).then((r) => r.status, () => 0), { timeout: 60_000, intervals: [250] }).toBe(200);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  await db?.end();
  await admin?.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin?.end();
  rmSync(dataDir, { recursive: true, force: true });
});


/** Someone new with a case of their own, on one of its sections (whose heading is `heading`). */
async function ownerOnSection(browser: Browser, name: string, caseTitle: string, section: string, heading = section) {
  const page = await (await browser.newContext({ baseURL: origin })).newPage();
  const email = uniqueEmail(name.split(" ")[0]!.toLowerCase());
  await signUpQuickly(page, name, email);
  await createCase(page, { patientName: name, title: caseTitle });
  await openSection(page, section);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  return { page, email };
}

/**
 * Stands in for a person busy in the app while a test that is not about idleness runs long: the
 * "still here" ping a real interaction sends, every few seconds, through the page's own cookies.
 */
function keepActive(page: Page): () => void {
  const timer = setInterval(() => void page.request.post("/api/session", { headers: { origin } }).catch(() => {}), 4_000);
  return () => clearInterval(timer);
}

/** On the sign-in page a session's end led to: signing in again brings the person back where they were. */
async function signInAgain(page: Page, email: string) {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("typing a note, signed out when idle after a warning, signing in again: the text is back", async ({ browser }) => {
  allowUpTo(180_000);
  const { page, email } = await ownerOnSection(browser, "Nora Notes", "Shoulder: idle test", "Notes");
  const note = page.getByRole("textbox", { name: "Note", exact: true });
  await note.fill("Ask whether the scan can wait until spring");

  // Nothing more is done: before the limit, a warning takes the focus, with "Stay signed in".
  const warning = page.getByRole("alertdialog", { name: "Are you still there?" });
  await expect(warning).toBeVisible({ timeout: IDLE_SECONDS * 1000 });
  await expect(warning.getByRole("button", { name: "Stay signed in" })).toBeFocused();
  // Only the dialog (the page behind it is inert and checked in accessibility.spec.ts): a whole page
  // can take longer to check on a loaded runner than the warning stays before the session ends.
  await expectNoAxeViolations(page, "idle warning", { within: '[role="alertdialog"]' });
  await page.keyboard.press("Enter");
  await expect(warning).toBeHidden();
  await expect(page, "still signed in after 'Stay signed in'").toHaveURL(/\/notes$/);

  // Still nothing (the live stream and presence heartbeats go on, and do not count): signed out, a second
  // after the limit (the warning was checked above). Waited for generously: on a loaded runner the check
  // and the next page can take longer than the second after the limit.
  await page.waitForURL(/\/sign-in\?ended=idle/, { timeout: IDLE_SECONDS * 2000, waitUntil: "commit" });
  await expect(page.getByText(`For your safety, you were signed out after ${IDLE_SECONDS} seconds without activity.`)).toBeVisible();
  // Server side too: the case is not reachable with the old cookie.
  expect((await page.request.get("/api/session").then((r) => r.json())) as { state: string }).toEqual({ state: "ended" });

  await signInAgain(page, email);
  await expect(page.getByRole("heading", { level: 1, name: "Notes" })).toBeVisible();
  await expect(page.getByText("Restored your unsaved text.")).toBeVisible();
  await expect(note).toHaveValue("Ask whether the scan can wait until spring");

  // Saved: the draft is gone from the device.
  await page.getByRole("button", { name: "Save the note" }).click();
  await expect(page.getByText("Your note was saved.")).toBeVisible();
  await page.reload();
  await expect(note).toHaveValue("");
  await expect(page.getByText("Restored your unsaved text.")).toBeHidden();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("secondlook:draft:")))).toEqual([]);
});

test("drafts on two pages, a new record and a new opinion, come back after the session was ended from another device", async ({ browser }) => {
  allowUpTo(120_000);
  const { page, email } = await ownerOnSection(browser, "Rhea Records", "Knee: drafts", "Records", "Records to gather");
  const notesUrl = page.url().replace(/\/records$/, "/notes");
  const recordTitle = page.getByRole("textbox", { name: "What is it?", exact: true });
  const recordNotes = page.getByRole("textbox", { name: "Notes (optional)", exact: true });
  await recordTitle.fill("MRI report of the left knee, March");
  await recordNotes.fill("Ask radiology for the images on a disc");
  // While there is no opinion yet, the form to add one is open.
  await openSection(page, "Opinions");
  await expect(page.getByRole("heading", { level: 1, name: "Opinions" })).toBeVisible();
  const clinician = page.getByRole("textbox", { name: "Clinician (optional)", exact: true });
  await clinician.fill("Dr Amara Lee");

  // On her phone she signs out her other devices, then writes a note in the case. The note is news on
  // the laptop's live stream, which finds its session ended long before the page's own clock would
  // look: the laptop goes to sign-in saying so (not that it sat idle), with the drafts kept.
  const phone = await (await browser.newContext({ baseURL: origin })).newPage();
  await signInOverHttp(phone.request, email);
  await phone.goto("/account");
  await phone.getByRole("button", { name: "Sign out all other devices" }).click();
  await expect(phone.getByText("Every other device is signed out.")).toBeVisible();
  await phone.goto(notesUrl);
  await phone.getByRole("textbox", { name: "Note", exact: true }).fill("Bring the knee brace");
  await phone.getByRole("button", { name: "Save the note" }).click();
  await expect(phone.getByText("Your note was saved.")).toBeVisible();

  await page.waitForURL(/\/sign-in\?ended=elsewhere&callbackUrl=.*%2Fopinions$/, { timeout: 10_000 * E2E_TIME_SCALE, waitUntil: "commit" });
  await expect(page.getByText("You were signed out: this session was ended from another window or device.")).toBeVisible();

  await signInAgain(page, email);
  await expect(page.getByRole("heading", { level: 1, name: "Opinions" })).toBeVisible();
  await expect(page.getByText("Restored your unsaved text.")).toBeVisible();
  await expect(clinician).toHaveValue("Dr Amara Lee");
  await openSection(page, "Records");
  await expect(page.getByText("Restored your unsaved text.")).toBeVisible();
  await expect(recordTitle).toHaveValue("MRI report of the left knee, March");
  await expect(recordNotes).toHaveValue("Ask radiology for the images on a disc");

  // Saving the record takes its draft off the device; the opinion's waits for that form.
  await page.getByRole("button", { name: "Add the record" }).click();
  await expect(page.getByText('Added "MRI report of the left knee, March" to the records still needed.')).toBeVisible();
  await expect(recordTitle).toHaveValue("");
  const drafts = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("secondlook:draft:")));
  expect(drafts).toHaveLength(1);
  expect(drafts[0]).toMatch(/:opinion-new$/);
});

test("typing keeps the session alive past the idle limit", async ({ browser }) => {
  allowUpTo(90_000);
  const { page } = await ownerOnSection(browser, "Tess Typist", "Knee: long note", "Notes");
  const note = page.getByRole("textbox", { name: "Note", exact: true });
  await note.click();
  const until = Date.now() + IDLE_SECONDS * 1500;
  while (Date.now() < until) {
    await page.keyboard.type("and more ", { delay: 50 });
    await page.waitForTimeout(2_000);
  }
  await expect(page).toHaveURL(/\/notes$/);
  await expect(page.getByRole("alertdialog")).toBeHidden();
  expect(((await page.request.get("/api/session").then((r) => r.json())) as { state: string }).state).toBe("active");
});

test("the whole-case download asks 'Confirm it's you' when the last proof is old, then downloads", async ({ browser }) => {
  allowUpTo(90_000);
  const page = await (await browser.newContext({ baseURL: origin })).newPage();
  const email = uniqueEmail("cora");
  await signUpQuickly(page, "Cora Confirm", email);
  await createCase(page, { patientName: "Cora Confirm", title: "Back: export" });
  await openSection(page, "Sharing & settings");
  await db!`update auth_sessions set proved_at = now() - interval '11 minutes'
    where user_id = (select id from users where email = ${email})`;

  await page.getByRole("link", { name: "Download the whole case (JSON)" }).click();
  const dialog = page.getByRole("dialog", { name: "Confirm it's you" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Your password")).toBeFocused();
  await expectNoAxeViolations(page, "confirm it's you");

  await page.keyboard.type("not my password");
  await page.keyboard.press("Enter");
  await expect(dialog.getByText("That is not your password. Check it and try again.")).toBeVisible();

  const cookieBefore = await sessionCookie(page);
  await dialog.getByLabel("Your password").fill(PASSWORD);
  const download = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  expect((await download).suggestedFilename()).toMatch(/^SecondLook - Back_ export|^SecondLook - Back.*\.json$/);
  await expect(dialog).toBeHidden();

  // ASVS 7.2.4: confirming renewed the session; the browser has the new cookie, the old one is dead.
  const cookieAfter = await sessionCookie(page);
  expect(cookieAfter).not.toBe(cookieBefore);
  const stale = await playwrightRequest.newContext({ baseURL: origin, extraHTTPHeaders: { cookie: `authjs.session-token=${cookieBefore}` } });
  expect((await trpcHttp(stale, "session.list", undefined, { kind: "query" })).code).toBe("UNAUTHORIZED");
  await stale.dispose();
  expect((await trpcHttp(page.request, "session.list", undefined, { kind: "query" })).status).toBe(200);
});

test("signing in in a browser that still holds a session ends that older session", async ({ browser }) => {
  const first = await (await browser.newContext({ baseURL: origin })).newPage();
  const email = uniqueEmail("sol");
  await signUpQuickly(first, "Sol Second", email);
  const held = await sessionCookie(first);

  // Another browser shows the sign-in form, then comes to hold that session's cookie, then signs in.
  const second = await (await browser.newContext({ baseURL: origin })).newPage();
  await second.goto("/sign-in");
  await second.context().addCookies([{ name: "authjs.session-token", value: held, url: origin, httpOnly: true, sameSite: "Lax" }]);
  await second.getByLabel("Email address").fill(email);
  await second.getByLabel("Password").fill(PASSWORD);
  await second.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(second.getByRole("heading", { name: "My cases" })).toBeVisible();
  expect(await sessionCookie(second)).not.toBe(held);

  expect((await trpcHttp(first.request, "session.list", undefined, { kind: "query" })).code).toBe("UNAUTHORIZED");
  const list = await trpcHttp<{ current: boolean }[]>(second.request, "session.list", undefined, { kind: "query" });
  expect(list.data).toHaveLength(1);
});

async function sessionCookie(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === "authjs.session-token");
  expect(cookie, "the session cookie").toBeDefined();
  return cookie!.value;
}

test("for a two-step user the dialog also offers the authenticator code, and turning two-step off goes ahead after it", async ({ browser }) => {
  allowUpTo(90_000);
  const page = await (await browser.newContext({ baseURL: origin })).newPage();
  const email = uniqueEmail("tara");
  await signUpQuickly(page, "Tara Twostep", email);
  const setup = await trpcHttp<{ secretText: string }>(page.request, "twoStep.beginSetup", undefined);
  expect(setup.status, `twoStep.beginSetup: ${setup.code}`).toBe(200);
  const keyText = setup.data!.secretText;
  const confirmed = await trpcHttp(page.request, "twoStep.confirmSetup", { code: await previousStepCode(keyText) });
  expect(confirmed.status, `twoStep.confirmSetup: ${confirmed.code}`).toBe(200);
  await db!`update auth_sessions set proved_at = now() - interval '11 minutes'
    where user_id = (select id from users where email = ${email})`;

  await page.goto("/account");
  await page.getByRole("button", { name: "Turn off two-step sign-in" }).click();
  const dialog = page.getByRole("dialog", { name: "Confirm it's you" });
  await expect(dialog).toBeVisible();
  // Exactly the ways this person has: a password, an authenticator app, email (no passkey).
  const ways = dialog.getByRole("group", { name: "Confirm with" }).getByRole("radio");
  await expect(ways).toHaveCount(3);
  await expect(dialog.getByRole("radio", { name: "My password" })).toBeChecked();
  await expect(dialog.getByRole("radio", { name: "My authenticator app" })).toBeVisible();
  await expect(dialog.getByRole("radio", { name: "An emailed link" })).toBeVisible();
  await expect(dialog.getByRole("radio", { name: "A passkey" })).toHaveCount(0);
  await expect(dialog.getByLabel("Your password")).toBeFocused();
  await expectNoAxeViolations(page, "confirm it's you, several ways");

  // Keyboard alone: from the password field back to the choices, then the arrow to the next way.
  await page.keyboard.press("Shift+Tab");
  await expect(dialog.getByRole("radio", { name: "My password" })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(dialog.getByRole("radio", { name: "My authenticator app" })).toBeChecked();
  await expectNoAxeViolations(page, "confirm it's you, with the authenticator code");
  await page.keyboard.press("Tab");
  const codeField = dialog.getByLabel("Code from your authenticator app");
  await expect(codeField).toBeFocused();
  await page.keyboard.type(codeFor(keyText));
  await page.keyboard.press("Enter");

  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Set up two-step sign-in" })).toBeVisible();
  const status = await trpcHttp<{ enabled: boolean }>(page.request, "twoStep.status", undefined, { kind: "query" });
  expect(status.data?.enabled).toBe(false);
});

test("adding a passkey after 'Confirm it's you' takes one more press; removing one goes ahead after confirming with a passkey", async ({ browser }) => {
  allowUpTo(90_000);
  const page = await (await browser.newContext({ baseURL: origin })).newPage();
  // Chromium's virtual authenticator stands in for the device (as in passkeys.spec.ts).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable", { enableUI: false });
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  const email = uniqueEmail("pavel");
  await signUpQuickly(page, "Pavel Passkey", email);
  const ageProof = () => db!`update auth_sessions set proved_at = now() - interval '11 minutes'
    where user_id = (select id from users where email = ${email})`;
  const dialog = page.getByRole("dialog", { name: "Confirm it's you" });
  const section = page.getByRole("region", { name: "Passkeys" });

  await ageProof();
  await page.goto("/account");
  await section.getByLabel("Name for the new passkey").fill("Laptop");
  await section.getByRole("button", { name: "Add a passkey" }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("radio", { name: "A passkey" })).toHaveCount(0);
  await dialog.getByLabel("Your password").fill(PASSWORD);
  await dialog.getByLabel("Your password").press("Enter");
  await expect(dialog).toBeHidden();
  // Browsers create a passkey only right after a press: the person presses once more.
  await expect(section.getByText("Thank you, that was you. Now press “Add a passkey” again.")).toBeVisible();
  await section.getByRole("button", { name: "Add a passkey" }).click();
  await expect(section.getByText("The passkey “Laptop” has been added.")).toBeVisible();

  await ageProof();
  await section.getByRole("button", { name: "Remove Laptop" }).click();
  await section.getByRole("button", { name: "Remove passkey" }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("radio", { name: "A passkey" }).check();
  await expectNoAxeViolations(page, "confirm it's you, with a passkey");
  await dialog.getByRole("button", { name: "Confirm with a passkey" }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByText("You have no passkeys yet.")).toBeVisible();
});


// Failed now and then in CI (stops 22 and 26): the click's answer rendered the confirm page again under the
// request's old cookie, whose session the click had just renewed, so the page sent the tab to sign-in and the
// confirmation never showed. The page now stays for a session renewed a moment ago (app/account/confirm).
test("an account without a password deletes itself after confirming by an emailed link", async ({ browser }) => {
  allowUpTo(120_000);
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  const email = uniqueEmail("petra");
  await signUpQuickly(page, "Petra Passwordless", email);
  // This server signs people out after 20 idle seconds, and this test (axe twice, a mail, a second tab)
  // can take longer under load than a person would between clicks: it is not about idleness.
  const stopActivity = keepActive(page);
  const removed = await trpcHttp(page.request, "password.remove", undefined);
  expect(removed.status, `password.remove: ${removed.code}`).toBe(200);
  await db!`update auth_sessions set proved_at = now() - interval '11 minutes'
    where user_id = (select id from users where email = ${email})`;

  await page.goto("/account");
  // No password field: the deletion asks "Confirm it's you" instead.
  await expect(page.getByLabel("Your password, to confirm")).toHaveCount(0);
  await page.getByRole("button", { name: "Delete my account" }).click();
  const dialog = page.getByRole("dialog", { name: "Confirm it's you" });
  await expect(dialog).toBeVisible();
  // An emailed link is this person's one way: offered without a choice to make.
  await expect(dialog.getByRole("radio")).toHaveCount(0);
  await expect(dialog.getByLabel("Your password")).toHaveCount(0);
  const since = Date.now();
  await dialog.getByRole("button", { name: "Email me a link to confirm" }).click();
  await expect(dialog.getByText("We have emailed you a link.")).toBeVisible();
  await expectNoAxeViolations(page, "confirm it's you, by an emailed link");

  const link = linkIn(await nextMailTo(email, since), "/account/confirm");
  const tab = await context.newPage();
  await tab.goto(link);
  // Opening the link changes nothing (mail scanners open links too): a click uses it.
  await expectNoAxeViolations(tab, "the emailed confirm link's page");
  // Enter before the page has hydrated does nothing (a button outside a form), so press until it takes:
  // once it has, the button is busy and then gone, so the link is used once.
  const confirmed = tab.getByText("Thank you: you have confirmed it's you.");
  await expect(async () => {
    if (!(await confirmed.isVisible())) {
      await tab.getByRole("button", { name: "Confirm it's me" }).focus({ timeout: 1_000 });
      await tab.keyboard.press("Enter");
    }
    await expect(confirmed).toBeVisible({ timeout: 3_000 });
  }).toPass();
  await tab.close();

  await dialog.getByRole("button", { name: "I have opened the link" }).click();
  await page.waitForURL(`${origin}/?accountDeleted=1`);
  stopActivity();
  await expect(page.getByText("Your account has been deleted.")).toBeVisible();
  expect(await db!`select id from users where email = ${email}`).toHaveLength(0);
});
