/**
 * Accessibility (WCAG 2.2 AA): axe-core finds no violations — every rule axe runs by default,
 * best practices included — on every page and main in-place state, signed out and signed in, at
 * desktop and phone width; on a phone each case page's heading starts within the first 300 px; and
 * text reflows without horizontal scrolling at 390 px, 320 px and 200 % zoom (checked in the phone test
 * of each page, by resizing it).
 *
 * Each page and state is a test of its own (both widths in one test: one page load, resized), so no
 * test waits on a long loop and the two workers share them. One case is seeded per worker (a
 * worker-scoped fixture, over HTTP) with data of every kind (owner + supporter), so pages show real
 * content.
 * To cover a new page, add one line to SIGNED_OUT_PAGES or SIGNED_IN_PAGES; a new in-place state is one
 * entry in STATES.
 */
import { expect, test as base, type APIRequestContext, type Browser, type BrowserContext, type Page, type PlaywrightWorkerArgs } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { linkIn, minimalPdf, nextMailTo, PASSWORD, signUpOverHttp, uniqueEmail } from "./helpers";
import { trpcHttp } from "./trpc-http";

type Seed = { caseId: string; opinionId: string; validToken: string; ownerState: string; supporterState: string };
type SignedIn = boolean | "supporter";

/**
 * Worker-scoped: the seeded case, and one browser context per audience, kept for the worker's
 * tests (each test opens its own page in it), so pages load with a warm cache as in one browsing session.
 */
const test = base.extend<object, { seed: Seed; pageFor: (signedIn: SignedIn) => Promise<Page> }>({
  seed: [
    async ({ playwright }, use, workerInfo) => {
      await use(await seedCase(playwright, workerInfo.project.use.baseURL ?? ""));
    },
    { scope: "worker", timeout: 90_000 },
  ],
  pageFor: [
    async ({ browser, seed }, use) => {
      const contexts = new Map<string, Promise<BrowserContext>>();
      await use(async (signedIn) => {
        const key = String(signedIn);
        if (!contexts.has(key)) contexts.set(key, newContext(browser, seed, signedIn));
        return (await contexts.get(key)!).newPage();
      });
      for (const context of contexts.values()) await (await context).close();
    },
    { scope: "worker" },
  ],
});

/** Pages for someone signed out. `{validToken}` is a pending invitation. */
const SIGNED_OUT_PAGES = [
  "/",
  "/sign-in",
  "/sign-up",
  "/forgot-password",
  "/reset-password?token=x",
  "/invitations/{validToken}",
  "/invitations/not-a-real-token",
  "/no-such-page", // the 404 page
  "/unsubscribe?token=not-a-real-token",
  "/sign-up/finish?token=not-a-real-token",
  // The sign-in factors (issue 15 §1); their other states are checked in sign-in-factors.spec.ts.
  "/sign-in/link?token=not-a-real-token",
  "/sign-in/two-step",
  "/sign-in/recover",
  "/sign-in/recover/start?token=x",
  "/sign-in/recover/cancel?token=x",
  // The privacy notice and the accessibility statement (issue 16).
  "/privacy",
  "/accessibility",
];

/** Pages for the signed-in owner; `{case}` is the seeded case's path, `{opinion}` its first opinion's id. */
const SIGNED_IN_PAGES = [
  "/cases",
  "/cases/new",
  "/cases/new/self-check",
  "/account",
  "/cases/locked",
  "{case}",
  "{case}/self-check",
  "{case}/checklist",
  "{case}/tasks",
  "{case}/talking",
  "{case}/questions",
  "{case}/records",
  "{case}/records/letter",
  "{case}/health",
  "{case}/notes",
  "{case}/opinions",
  "{case}/opinions/{opinion}",
  "{case}/opinions/{opinion}/packet",
  "{case}/compare",
  "{case}/decide",
  "{case}/sharing",
  "{case}/sharing/access-log",
];

/** Pages where the supporter sees controls the owner does not (comment on the decision, leave the case). */
const SUPPORTER_PAGES = ["{case}/decide", "{case}/sharing"];

async function fillSignUp(page: Page, email: string) {
  await page.getByLabel("Your name").fill("Ally Access");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Choose a password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** In-place states worth checking on their own: dialogs, confirmation steps, open forms, errors. */
const STATES: { name: string; signedIn: boolean; path: string; open: (page: Page) => Promise<void> }[] = [
  {
    name: "sign-up with errors (error summary)",
    signedIn: false,
    path: "/sign-up",
    open: async (page) => {
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "Please check" })).toBeFocused();
    },
  },
  {
    name: "sign-up sent: check your email",
    signedIn: false,
    path: "/sign-up",
    open: async (page) => {
      await fillSignUp(page, uniqueEmail("a11y-sent"));
      await expect(page.getByRole("heading", { name: "Check your email to finish creating your account" })).toBeVisible();
    },
  },
  {
    name: "the emailed sign-up link's page",
    signedIn: false,
    path: "/sign-up",
    open: async (page) => {
      const email = uniqueEmail("a11y-link");
      const since = Date.now();
      await fillSignUp(page, email);
      await expect(page.getByRole("heading", { name: "Check your email to finish creating your account" })).toBeVisible();
      await page.goto(linkIn(await nextMailTo(email, since), "/sign-up/finish"));
      await expect(page.getByRole("button", { name: "Finish creating my account" })).toBeVisible();
    },
  },
  {
    name: "sign-in with errors",
    signedIn: false,
    path: "/sign-in",
    open: async (page) => {
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page.getByRole("alert").first()).toBeVisible();
    },
  },
  {
    name: "account menu open",
    signedIn: true,
    path: "/cases",
    open: async (page) => {
      await page.getByRole("button", { name: /account menu/ }).click();
      await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
    },
  },
  {
    name: "new case with errors",
    signedIn: true,
    path: "/cases/new",
    open: async (page) => {
      await page.getByRole("button", { name: "Create the case" }).click();
      await expect(page.getByRole("alert").first()).toBeVisible();
    },
  },
  {
    name: "case details edit form open",
    signedIn: true,
    path: "{case}",
    open: async (page) => {
      await page.getByRole("button", { name: "Edit details" }).click();
      await expect(page.getByLabel("Case title")).toBeVisible();
    },
  },
  {
    name: "remove member confirmation",
    signedIn: true,
    path: "{case}/sharing",
    open: async (page) => {
      await page.getByRole("button", { name: /^Remove from the case/ }).click();
      await expect(page.getByRole("button", { name: /^Yes, remove/ })).toBeVisible();
    },
  },
  {
    name: "delete case with errors",
    signedIn: true,
    path: "{case}/sharing",
    open: async (page) => {
      await page.getByRole("button", { name: "Delete this case for good" }).click();
      await expect(page.getByRole("alert").first()).toBeVisible();
    },
  },
  {
    name: "delete opinion confirmation",
    signedIn: true,
    path: "{case}/opinions/{opinion}",
    open: async (page) => {
      await page.getByRole("button", { name: /^Delete this opinion/ }).click();
      await expect(page.getByRole("button", { name: "Yes, delete this opinion" })).toBeVisible();
    },
  },
  {
    name: "record card's more actions open",
    signedIn: true,
    path: "{case}/records",
    open: async (page) => {
      await page.getByRole("button", { name: "More actions: MRI report" }).click();
      await expect(page.getByRole("button", { name: "Edit details of MRI report" })).toBeVisible();
    },
  },
  {
    name: "record uploads refused next to each file",
    signedIn: true,
    path: "{case}/records",
    open: async (page) => {
      // Refused in the browser, before sending: shown next to the file, in the list of uploads.
      await page.getByLabel("Choose files to add to MRI report").setInputFiles([
        { name: "empty.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(0) },
        { name: "program.exe", mimeType: "application/x-msdownload", buffer: Buffer.from("MZ") },
      ]);
      await expect(page.getByRole("list", { name: "Uploads to MRI report" }).getByRole("alert")).toHaveCount(2);
    },
  },
  {
    name: "question menu open",
    signedIn: true,
    path: "{case}/questions",
    open: async (page) => {
      await page.getByRole("button", { name: /^More actions/ }).first().click();
      await expect(page.getByRole("button", { name: /^Remove/ }).first()).toBeVisible();
    },
  },
  {
    name: "question edit form open",
    signedIn: true,
    path: "{case}/questions",
    open: async (page) => {
      await page.getByRole("button", { name: /^Edit/ }).first().click();
      await expect(page.getByRole("button", { name: /^Save/ }).first()).toBeVisible();
    },
  },
  {
    name: "note delete confirmation",
    signedIn: true,
    path: "{case}/notes",
    open: async (page) => {
      await page.getByRole("button", { name: /^More actions: the note/ }).first().click();
      await page.getByRole("button", { name: /^Delete the note/ }).first().click();
      await expect(page.getByRole("button", { name: "Yes, delete the note" })).toBeVisible();
    },
  },
  {
    // On a phone only the current step starts open; every step shown at once must pass too.
    name: "every step of Decide shown",
    signedIn: true,
    path: "{case}/decide",
    open: async (page) => {
      const show = page.locator("button:visible", { hasText: /^Show$/ });
      while ((await show.count()) > 0) await show.first().click();
      await expect(page.getByRole("button", { name: "Save my reflection" })).toBeVisible();
    },
  },
  {
    name: "comparison cell editing",
    signedIn: true,
    path: "{case}/compare",
    open: async (page) => {
      await page.locator("button:visible", { hasText: /^(Write|Edit)/ }).first().click();
      await expect(page.getByRole("button", { name: /^Save/ }).first()).toBeVisible();
    },
  },
];

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/**
 * Reflow (WCAG 1.4.10) at 320 CSS px, and at 1280 px zoomed to 200 % — a 640-px-wide viewport. The
 * layout is CSS alone (no script reads the width), so the phone test resizes its page to these instead
 * of loading it twice more.
 */
const REFLOW = [
  { name: "320 px", width: 320, height: 640 },
  { name: "200 % zoom", width: 640, height: 400 },
];

function fill(seed: Seed, path: string): string {
  return path
    .replace("{case}", `/cases/${seed.caseId}`)
    .replace("{opinion}", seed.opinionId)
    .replace("{validToken}", seed.validToken);
}

async function call<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const { status, data, code } = await trpcHttp<T>(request, path, input);
  expect(status, `${path} failed with ${code}`).toBe(200);
  return data as T;
}



async function open(page: Page, seed: Seed, path: string) {
  const response = await page.goto(fill(seed, path));
  expect(response?.status(), path).toBeLessThan(/no-such-page|not-a-real/.test(path) ? 500 : 400);
  await expect(page.locator("main h1").first()).toBeVisible();
  // Every value went into its message as text or an element (a function or object put where a message has a
  // plain placeholder shows its source, or "[object Object]", in a compiled catalogue).
  expect(await page.locator("body").innerText(), `${path}: a message shows a value it could not format`).not.toMatch(/=>|\[object Object\]/);
}

/** The owner signs up, creates a case and fills every section through the API; a supporter joins. */
async function seedCase(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string): Promise<Seed> {
  const api = await playwright.request.newContext({ baseURL });
  const supporterApi = await playwright.request.newContext({ baseURL });
  await signUpOverHttp(api, "Alma Owner", uniqueEmail("a11y-owner"));
  const { id: caseId } = await call<{ id: string }>(api, "case.create", {
    patientName: "Alma Owner",
    title: "Knee surgery choice",
    understanding: "The MRI shows a **torn meniscus**.\n\n- surgery offered\n- physiotherapy possible",
    decision: "Whether to have the operation now.",
    urgent: false,
  });

  const supporterEmail = uniqueEmail("a11y-supporter");
  const { link } = await call<{ link: string }>(api, "invitation.create", { caseId, email: supporterEmail, role: "supporter", message: "Would you help me?" });
  await signUpOverHttp(supporterApi, "Sam Supporter", supporterEmail);
  await call(supporterApi, "invitation.accept", { token: new URL(link).pathname.split("/").pop() });
  const pending = await call<{ link: string }>(api, "invitation.create", { caseId, email: uniqueEmail("a11y-viewer"), role: "viewer", message: "" });

  await call(api, "selfCheck.save", { caseId, version: 0, situations: ["major_procedure", "need_more_information"], cautions: [] });
  await call(api, "checklist.setTick", { caseId, item: "ask_to_explain", ticked: true });
  const bank = await call<{ id: string }>(api, "question.addFromBank", { caseId, bankKey: "diagnosis-confirm" });
  const own = await call<{ id: string; version: number }>(api, "question.create", { caseId, text: "How long is recovery?", opinionId: null });
  await call(api, "question.setFlags", { caseId, id: bank.id, pinned: true });
  await call(api, "question.answer", { caseId, id: own.id, version: own.version, answer: "About six weeks." });
  const record = await call<{ id: string }>(api, "record.create", { caseId, title: "MRI report", kind: "imaging_report", source: "City Hospital", notes: "", private: false });
  await call(api, "record.setStatus", { caseId, id: record.id, status: "received" });
  await call(api, "record.create", { caseId, title: "Blood tests", kind: "blood_work", source: "", notes: "Ask the GP", private: false });
  const upload = await api.post(`/api/cases/${caseId}/records/${record.id}/files`, {
    data: minimalPdf(),
    headers: { "content-type": "application/octet-stream", "x-file-name": encodeURIComponent("mri-report.pdf") },
  });
  expect(upload.status()).toBe(201);
  await call(api, "healthList.medication.create", { caseId, name: "Ibuprofen", dose: "400 mg", frequency: "twice a day", purpose: "pain", prescriber: "", notes: "" });
  await call(api, "healthList.allergy.create", { caseId, substance: "Penicillin", reaction: "rash", severity: "mild" });
  await call(api, "healthList.procedure.create", { caseId, what: "Arthroscopy", whenText: "2019", place: "City Hospital", description: "" });
  const opinionFields = {
    caseId,
    clinician: "Dr Rivera",
    specialty: "Orthopaedics",
    institution: "City Hospital",
    kind: "same_specialty",
    visitAt: null,
    inNetwork: "yes",
    referralNeeded: "no",
    preApprovalNeeded: "unknown",
    expectedCosts: "",
  };
  const first = await call<{ id: string }>(api, "opinion.create", { ...opinionFields, label: "First opinion", status: "completed" });
  const second = await call<{ id: string }>(api, "opinion.create", { ...opinionFields, label: "Second opinion", clinician: "Dr Chen", kind: "telehealth", status: "scheduled" });
  await call(api, "opinion.logCall", { caseId, opinionId: second.id, calledAt: new Date(), who: "Insurer", reference: "A-123", summary: "Covered." });
  await call(supporterApi, "note.create", { caseId, body: "Dr Rivera was **calm** and clear.", private: false, opinionId: first.id });
  await call(api, "note.create", { caseId, body: "My private worries.", private: true, opinionId: null });
  // Tasks: one for the supporter with a date, one of the owner's done (the overview's "For you" and "Coming up").
  const people = await trpcHttp<{ userId: string; role: string }[]>(api, "member.list", { caseId }, { kind: "query" });
  const idOf = (role: string) => people.data!.find((m) => m.role === role)!.userId;
  await call(api, "task.create", { caseId, title: "Call the insurer", note: "Ask about pre-approval.", assigneeId: idOf("supporter"), dueOn: "2026-01-05", link: { kind: "opinion", id: second.id } });
  await call(api, "task.create", { caseId, title: "Book the MRI disc", note: "", assigneeId: idOf("owner"), dueOn: null, link: { kind: "record", id: record.id } });
  const doneTask = await call<{ id: string; version: number }>(api, "task.create", { caseId, title: "Ask for the referral", note: "", assigneeId: null, dueOn: null, link: null });
  await call(api, "task.setDone", { caseId, id: doneTask.id, version: doneTask.version, done: true });
  await call(api, "comparison.saveCell", { caseId, opinionId: first.id, aspect: "risks", text: "Small infection risk.", version: 0 });
  await call(supporterApi, "comparison.saveCell", { caseId, opinionId: second.id, aspect: "risks", text: "Avoids surgery.", version: 0 });
  await call(api, "comparison.markRow", { caseId, aspect: "risks", mark: "differ" });
  const reflection = {
    values: ["independence"],
    valuesOther: "",
    riskComfort: 3,
    practical: "Time off work.",
    communication: "",
    communicationOpinionId: null,
    feelSure: true,
    knowBenefitsRisks: true,
    clearOnPriorities: null,
    enoughSupport: true,
    canSayWhat: true,
    canSayWhy: null,
    canSayAlternatives: false,
  };
  await call(api, "reflection.save", { caseId, version: 0, ...reflection });
  await call(supporterApi, "reflection.save", { caseId, version: 0, ...reflection, riskComfort: 2 });
  const decision = await call<{ id: string }>(api, "decision.record", { caseId, path: "still_deciding", reasons: "Waiting for the second visit.", nextSteps: "Call Dr Chen.", decidedOn: "2026-11-26" });
  await call(supporterApi, "decision.comment", { caseId, decisionId: decision.id, body: "Sounds right." });

  const ownerState = JSON.stringify(await api.storageState());
  const supporterState = JSON.stringify(await supporterApi.storageState());
  await supporterApi.dispose();
  await api.dispose();
  return { caseId, opinionId: first.id, validToken: new URL(pending.link).pathname.split("/").pop() ?? "", ownerState, supporterState };
}

/** Pages open at desktop width; each test resizes its own page. */
function newContext(browser: Browser, seed: Seed | null, signedIn: SignedIn): Promise<BrowserContext> {
  const state = !seed ? null : signedIn === "supporter" ? seed.supporterState : signedIn ? seed.ownerState : null;
  return browser.newContext({
    viewport: DESKTOP,
    deviceScaleFactor: 1,
    ...(state ? { storageState: JSON.parse(state) as Awaited<ReturnType<BrowserContext["storageState"]>> } : {}),
  });
}

/** Who sees which pages: signed out, the owner, and the supporter (on the pages where they differ). */
const AUDIENCES: { who: string; signedIn: SignedIn; pages: string[] }[] = [
  { who: "signed out", signedIn: false, pages: SIGNED_OUT_PAGES },
  { who: "signed in", signedIn: true, pages: SIGNED_IN_PAGES },
  { who: "supporter", signedIn: "supporter", pages: SUPPORTER_PAGES },
];

async function expectNoSidewaysScroll(page: Page, label: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${label} scrolls sideways: ${scrollWidth} > ${clientWidth}`).toBeLessThanOrEqual(clientWidth);
}

/**
 * On a phone, besides axe: a case page's own heading starts within the first 300 px, under a short case
 * header; nothing scrolls sideways there, nor (signed out and for the owner) at the reflow widths, where
 * the comparison grid shows one aspect at a time.
 */
async function expectPhoneLayout(page: Page, path: string, reflow: boolean) {
  if (path.startsWith("{case}")) {
    const top = await page.locator("main h1").first().evaluate((h1) => h1.getBoundingClientRect().top + window.scrollY);
    expect(top, `${path}: the h1 starts ${Math.round(top)} px down`).toBeLessThanOrEqual(300);
  }
  await expectNoSidewaysScroll(page, `${path} at 390 px`);
  if (!reflow) return;
  for (const size of REFLOW) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await expectNoSidewaysScroll(page, `${path} at ${size.name}`);
    if (path.endsWith("/compare")) {
      // Below md the grid shows one aspect at a time: its (visually hidden) header row and one aspect's row.
      await expect(page.getByRole("button", { name: "Next aspect" })).toBeVisible();
      await expect(page.getByRole("table", { name: "The opinions side by side" }).getByRole("row")).toHaveCount(2);
    }
  }
}

/**
 * One test per page: loaded once at desktop width for axe, then resized to a phone for axe again and
 * the phone checks. The layout is CSS alone, so a resized page is the page a phone loads.
 */
test.describe("axe at desktop and phone width; on the phone the heading on the first screen, and reflow", () => {
  for (const { who, signedIn, pages } of AUDIENCES) {
    for (const path of pages) {
      test(`${who} ${path}`, async ({ pageFor, seed }) => {
        const page = await pageFor(signedIn);
        await open(page, seed, path);
        const label = `${who === "signed in" ? "" : `${who} `}${path}`;
        await expectNoAxeViolations(page, `desktop ${label}`);
        await page.setViewportSize(PHONE);
        await expectNoAxeViolations(page, `phone ${label}`);
        await expectPhoneLayout(page, path, signedIn !== "supporter");
        await page.close();
      });
    }
  }

  // A state is opened at each width on a fresh load: opening it may depend on what the width shows.
  for (const state of STATES) {
    test(`in-place state: ${state.name}`, async ({ pageFor, seed }) => {
      const page = await pageFor(state.signedIn);
      for (const [name, size] of [["desktop", DESKTOP], ["phone", PHONE]] as const) {
        await page.setViewportSize(size);
        await open(page, seed, state.path);
        await state.open(page);
        await expectNoAxeViolations(page, `${name} ${state.name}`);
      }
      await page.close();
    });
  }
});

test("form errors: the summary links to each field, and each field names its error", async ({ browser }) => {
  const page = await (await newContext(browser, null, false)).newPage();
  await page.goto("/sign-up");
  await page.getByLabel("Email address").fill("not an email");
  await page.getByLabel("Choose a password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Please check" });
  await expect(summary).toBeFocused();
  const links = summary.getByRole("link");
  expect(await links.count()).toBeGreaterThanOrEqual(3);
  for (const link of await links.all()) {
    const target = (await link.getAttribute("href"))?.slice(1) ?? "";
    const field = page.locator(`[id="${target}"]`);
    await expect(field).toHaveAttribute("aria-invalid", "true");
    const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
    const errorId = describedBy.split(" ").find((id) => id.endsWith("-error"));
    expect(errorId, `${target} names its error`).toBeTruthy();
    await expect(page.locator(`[id="${errorId}"]`)).toBeVisible();
    // Following the link puts the reader in the field.
    await link.click();
    await expect(field).toBeFocused();
  }
  await page.context().close();
});
