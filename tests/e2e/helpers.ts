import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { textOf, wordsFor, type Words } from "./i18n";
import { trpcHttp } from "./trpc-http";

/** The English words, which the helpers use unless a spec drives the app in another language. */
const EN = wordsFor("en");

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export const PASSWORD = "maple harbour quiet lantern";

/** The AUTH_SECRET of the servers under test (playwright.config.ts; a second instance needs the same). */
export const E2E_AUTH_SECRET = "e2e-only-secret-e2e-only-secret-e2e-only";

/**
 * How much longer than on a developer's machine a run may take: CI's runner measured about three times
 * slower on the same tests, so `.ci/run` sets E2E_TIME_SCALE=2. Scales the default test and expect
 * timeouts (playwright.config.ts) and every longer allowance a test asks for.
 */
export const E2E_TIME_SCALE = Number(process.env.E2E_TIME_SCALE ?? 1);

/** What another person's change may take to show up on an open page, without a reload (scaled too: CI
 * once missed a flat 2 s on a busy day). */
export const LIVE = { timeout: 2_000 * E2E_TIME_SCALE };

/** A test that needs longer than the default minute (a journey, several axe runs, slowed uploads). */
export function allowUpTo(ms: number) {
  test.setTimeout(ms * E2E_TIME_SCALE);
}

export interface SentMail {
  to: string[];
  subject: string;
  text: string;
  receivedAt: number;
}

/**
 * The first mail to `to` that the run's mail server (tests/e2e/mail-sink.ts) received at or after
 * `since` (a Date.now() taken before the action that sends it), waiting for it to arrive.
 */
export async function nextMailTo(to: string, since: number, timeoutMs = 10_000): Promise<SentMail> {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error("E2E_MAIL_DIR is not set (playwright.config.ts sets it)");
  let found: SentMail | undefined;
  await expect
    .poll(
      () => {
        found = readdirSync(dir)
          .sort()
          .map((name) => JSON.parse(readFileSync(path.join(dir, name), "utf8")) as SentMail)
          .find((mail) => mail.to.includes(to) && mail.receivedAt >= since);
        return found !== undefined;
      },
      { message: `a mail to ${to}`, timeout: timeoutMs },
    )
    .toBe(true);
  return found as SentMail;
}

/** The first link in a mail's text whose path starts with `pathPrefix` (e.g. "/reset-password"). */
export function linkIn(mail: SentMail, pathPrefix: string): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((url) => new URL(url).pathname.startsWith(pathPrefix));
  if (!link) throw new Error(`no ${pathPrefix} link in the mail "${mail.subject}"`);
  return link;
}

export function uniqueEmail(prefix = "person"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

/**
 * Signs up through the sign-up form, then finishes through the emailed link (issue 15 §4.5): the
 * account exists only once the link's button is pressed, and then this page is signed in.
 */
export async function signUp(page: Page, name: string, email: string, password = PASSWORD) {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Choose a password").fill(password);
  const since = Date.now();
  await page.getByRole("button", { name: "Create account" }).click();
  await finishSignUpFromMail(page, email, since);
  await expect(page.getByRole("heading", { name: "My cases" })).toBeVisible();
}

/** After "Create account": the page says to check the email; its link, opened here, creates the account. */
export async function finishSignUpFromMail(page: Page, email: string, since: number) {
  await expect(page.getByRole("heading", { name: "Check your email to finish creating your account" })).toBeVisible();
  await page.goto(linkIn(await nextMailTo(email, since), "/sign-up/finish"));
  await page.getByRole("button", { name: "Finish creating my account" }).click();
}

/**
 * Signs in over HTTP, for specs whose subject is not the sign-in form: next-auth's CSRF token
 * (GET /api/auth/csrf, which also sets its cookie), then the credentials callback, which answers with a
 * redirect and the session cookie. `request` is a context's (`page.request`), so its pages are signed in.
 */
export async function signInOverHttp(request: APIRequestContext, email: string, password = PASSWORD) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, callbackUrl: "/cases" },
    maxRedirects: 0,
  });
  const location = response.headers()["location"] ?? "";
  expect(response.status(), `sign-in over HTTP as ${email}`).toBe(302);
  expect(location, `sign-in over HTTP as ${email}`).not.toMatch(/[?&]error=/);
}

/**
 * Creates an account and signs it in over HTTP, no page loaded: account.signUp, then the emailed
 * link's token through next-auth's "sign-up-link" provider (what the link's button does).
 */
export async function signUpOverHttp(request: APIRequestContext, name: string, email: string, password = PASSWORD) {
  const since = Date.now();
  const { status, code } = await trpcHttp(request, "account.signUp", { name, email, password });
  expect(status, `sign-up over HTTP as ${email} failed with ${code}`).toBe(200);
  const token = new URL(linkIn(await nextMailTo(email, since), "/sign-up/finish")).searchParams.get("token") ?? "";
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/sign-up-link", {
    form: { csrfToken, token, callbackUrl: "/cases" },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-up link over HTTP for ${email}`).toBe(302);
  expect(response.headers()["location"] ?? "", `sign-up link over HTTP for ${email}`).not.toMatch(/[?&]error=/);
}

/** Like signUp, for specs whose subject is not the sign-up form: over HTTP, then the page opens My cases. */
export async function signUpQuickly(page: Page, name: string, email: string, password = PASSWORD) {
  await signUpOverHttp(page.request, name, email, password);
  await page.goto("/cases");
  await expect(page.getByRole("heading", { name: "My cases" })).toBeVisible();
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export async function signOut(page: Page, name: string) {
  await page.getByRole("button", { name: `${name}, account menu` }).click();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" })).toBeVisible();
}

/** A workspace section's link, whether or not it shows a "new" count ("Questions" or "Questions 2 new"). */
export function sectionLink(page: Page, name: string, t: Words = EN) {
  // The count's words in the reader's language, singular or plural ("2 new", "1 nuevo").
  const fresh = [1, 2].map((count) => escapeRegExp(textOf(t, "cases.nav.fresh", { count })).replace(String(count), "\\d+"));
  return page
    .getByRole("navigation", { name: t("cases.nav.label") })
    .getByRole("link", { name: new RegExp(`^${escapeRegExp(name)}( (${fresh.join("|")}))?$`) });
}

/** Goes to a workspace section through the nav; on a phone the nav's sections are behind "Section: …" first. */
export async function openSection(page: Page, name: string, t: Words = EN) {
  const menu = page
    .getByRole("navigation", { name: t("cases.nav.label") })
    .getByRole("button", { name: new RegExp(`^${escapeRegExp(t("cases.nav.section"))}`) });
  if (await menu.isVisible()) await menu.click();
  await sectionLink(page, name, t).click();
}

/** Collects Content-Security-Policy violations, which would mean a script was blocked. */
export function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** Creates a case from the dashboard and lands on its overview. */
export async function createCase(
  page: Page,
  details: { patientName: string; title: string; understanding?: string; decision?: string; urgent?: boolean },
) {
  await page.getByRole("link", { name: "Start a new case" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Start a new case" })).toBeVisible();
  await page.getByLabel("Patient's name").fill(details.patientName);
  await page.getByLabel("Case title").fill(details.title);
  if (details.understanding) await page.getByLabel("What I understand so far").fill(details.understanding);
  if (details.decision) await page.getByLabel("The decision we are facing").fill(details.decision);
  if (details.urgent) await page.getByLabel("This feels urgent").check();
  await page.getByRole("button", { name: "Create the case" }).click();
  await expect(page.getByRole("heading", { level: 1, name: details.title })).toBeVisible();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
}

/**
 * The owner invites someone by email from Sharing & settings; that person opens the link in a
 * browser of their own (`page`, or a new context's), signs up with the invited address and joins.
 * Returns their page.
 */
export async function inviteAndJoin(
  owner: Page,
  browser: Browser,
  invitee: { name: string; email: string; role: "Supporter" | "Viewer" },
  page?: Page,
): Promise<Page> {
  const caseUrl = owner.url();
  await owner.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Sharing & settings" }).click();
  const invite = owner.getByRole("region", { name: "Invite someone" });
  await invite.getByLabel("Their email address").fill(invitee.email);
  await invite.getByRole("radio", { name: invitee.role }).check();
  await invite.getByRole("button", { name: "Create invitation" }).click();
  const link = await owner.getByLabel(`Invitation link for ${invitee.email}`).inputValue();

  const inviteePage = page ?? (await (await browser.newContext()).newPage());
  await inviteePage.goto(link);
  await inviteePage.getByRole("link", { name: "Create an account" }).click();
  await inviteePage.getByLabel("Your name").fill(invitee.name);
  // The invitation page does not name the invited address (issue 15 §4.15): the person types it.
  await inviteePage.getByLabel("Email address").fill(invitee.email);
  await inviteePage.getByLabel("Choose a password").fill(PASSWORD);
  const since = Date.now();
  await inviteePage.getByRole("button", { name: "Create account" }).click();
  // The emailed link brings the new account back to the invitation.
  await finishSignUpFromMail(inviteePage, invitee.email, since);
  await inviteePage.getByRole("button", { name: "Join the case" }).click();
  await expect(inviteePage).toHaveURL(caseUrl);
  await owner.goto(caseUrl);
  return inviteePage;
}

/** A small, valid one-page PDF, with a correct cross-reference table. */
export function minimalPdf(): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    (() => {
      const text = "BT /F1 18 Tf 36 72 Td (Blood test results) Tj ET";
      return `<< /Length ${text.length} >>\nstream\n${text}\nendstream`;
    })(),
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** Opens a question card's "More actions" unless it is open already. */
export async function openMoreActions(page: Page, name: string, t: Words = EN) {
  const more = page.getByRole("button", { name: t("questions.item.moreActions", { question: name }), exact: true });
  if ((await more.getAttribute("aria-expanded")) !== "true") await more.click();
  await expect(more).toHaveAttribute("aria-expanded", "true");
}

/** Marks a question as a priority: the Priority toggle sits under its "More actions". */
export async function markPriority(page: Page, question: string, t: Words = EN) {
  await openMoreActions(page, question, t);
  const pin = page.getByRole("button", { name: t("questions.item.priorityLabel", { question }) });
  await pin.click();
  await expect(pin).toHaveAttribute("aria-pressed", "true");
}
