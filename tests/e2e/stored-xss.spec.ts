/**
 * Stored XSS: hostile text is saved into every free-text field (through the real API, as a member
 * could), then every page that shows it is opened by both members. Nothing may run: no dialog, no
 * injected element, no javascript:/data: link, no CSP violation — and the text itself is shown.
 */
import { expect, test, type Page } from "@playwright/test";
import { allowUpTo, createCase, minimalPdf, signUpQuickly, uniqueEmail, watchCspViolations } from "./helpers";
import { caseIdOf, trpcHttp } from "./trpc-http";

/** Short enough for every field (names, labels, titles). */
const SHORT = `<img src=x onerror=alert(1) data-xss>`;
/** For fields that take paragraphs: tags, event handlers, URL schemes, SVG and markdown tricks. */
const LONG = [
  "<script>alert(1)</script>",
  SHORT,
  "<svg onload=alert(1) data-xss><circle r=9 /></svg>",
  `<a href="javascript:alert(1)" data-xss>click</a>`,
  "[markdown link](javascript:alert(1))",
  "[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![image](javascript:alert(1))",
  "[ref link][r]\n\n[r]: javascript:alert(1)",
  `<iframe srcdoc="<script>alert(1)</script>" data-xss></iframe>`,
  "<details open ontoggle=alert(1) data-xss>x</details>",
  "<style>body{display:none}</style>",
  "javascript:alert(1)",
].join("\n\n");

async function ok<T>(result: Promise<{ status: number; data?: T; code?: string }>): Promise<T> {
  const { status, data, code } = await result;
  expect(status, `API call failed with ${code}`).toBe(200);
  return data as T;
}

async function expectInert(page: Page, path: string, dialogs: string[]) {
  await page.goto(path);
  await expect(page.locator("main")).toBeVisible();
  await expect(page.locator("body")).toBeVisible(); // an injected <style> did not hide the page
  expect(await page.locator("[data-xss]").count(), `${path}: injected element`).toBe(0);
  expect(await page.locator("iframe, object, embed").count(), `${path}: injected frame`).toBe(0);
  expect(await page.locator('a[href^="javascript:" i], a[href^="data:" i], img[src^="javascript:" i]').count(), `${path}: live link`).toBe(0);
  expect(await page.locator("main").textContent(), `${path}: the text is shown as text`).toContain("onerror=alert(1)");
  expect(dialogs, `${path}: a dialog fired`).toEqual([]);
}

test("hostile text in every field stays inert on every page, for both members", async ({ page, browser }) => {
  allowUpTo(120_000);
  const dialogs: string[] = [];
  const watch = (p: Page) => {
    p.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    return watchCspViolations(p);
  };
  const ownerViolations = watch(page);
  await signUpQuickly(page, `Owner ${SHORT}`, uniqueEmail("xss-owner"));
  await createCase(page, { patientName: SHORT, title: `Case ${SHORT}`, understanding: LONG, decision: LONG });
  const caseId = caseIdOf(page.url());
  const api = page.request;

  // The supporter, with a hostile name too, joins through an invitation carrying a hostile message.
  const supporterEmail = uniqueEmail("xss-supporter");
  const { link } = await ok<{ link: string }>(trpcHttp(api, "invitation.create", { caseId, email: supporterEmail, role: "supporter", message: LONG }));
  const supporter = await (await browser.newContext()).newPage();
  const supporterViolations = watch(supporter);
  await signUpQuickly(supporter, `Supporter ${SHORT}`, supporterEmail);
  const invitationPath = new URL(link).pathname;
  await supporter.goto(invitationPath);
  await expect(supporter.locator("main")).toContainText("onerror=alert(1)"); // the hostile message, inert
  await ok(trpcHttp(supporter.request, "invitation.accept", { token: invitationPath.split("/").pop() }));

  const question = await ok<{ id: string; version: number }>(trpcHttp(api, "question.create", { caseId, text: LONG.slice(0, 500) }));
  await ok(trpcHttp(api, "question.answer", { caseId, id: question.id, version: question.version, answer: LONG }));
  const record = await ok<{ id: string }>(
    trpcHttp(api, "record.create", { caseId, title: SHORT, kind: "other", source: SHORT, notes: LONG, private: false }),
  );
  const upload = await api.post(`/api/cases/${caseId}/records/${record.id}/files`, {
    data: minimalPdf(),
    headers: { "content-type": "application/octet-stream", "x-file-name": encodeURIComponent(`${SHORT}.pdf`) },
  });
  expect(upload.status()).toBe(201);
  const medication = { caseId, name: SHORT, dose: SHORT, frequency: SHORT, purpose: SHORT, prescriber: SHORT, notes: LONG };
  await ok(trpcHttp(api, "healthList.medication.create", medication));
  await ok(trpcHttp(api, "healthList.allergy.create", { caseId, substance: SHORT, reaction: SHORT, severity: "mild" }));
  await ok(trpcHttp(api, "healthList.procedure.create", { caseId, what: SHORT, whenText: SHORT, place: SHORT, description: LONG }));
  await ok(trpcHttp(supporter.request, "note.create", { caseId, body: LONG, private: false }));
  const opinion = await ok<{ id: string }>(
    trpcHttp(api, "opinion.create", {
      caseId,
      label: SHORT,
      clinician: SHORT,
      specialty: SHORT,
      institution: SHORT,
      kind: "telehealth",
      visitAt: null,
      status: "considering",
      inNetwork: "unknown",
      referralNeeded: "unknown",
      preApprovalNeeded: "unknown",
      expectedCosts: LONG.slice(0, 1000),
    }),
  );
  await ok(trpcHttp(api, "opinion.logCall", { caseId, opinionId: opinion.id, calledAt: new Date(), who: SHORT, reference: SHORT.slice(0, 100), summary: LONG }));
  await ok(trpcHttp(supporter.request, "comparison.saveCell", { caseId, opinionId: opinion.id, aspect: "risks", text: LONG, version: 0 }));
  const reflection = {
    values: ["other"],
    valuesOther: LONG.slice(0, 1000),
    riskComfort: 3,
    practical: LONG,
    communication: LONG,
    communicationOpinionId: null,
    feelSure: null,
    knowBenefitsRisks: null,
    clearOnPriorities: null,
    enoughSupport: null,
    canSayWhat: null,
    canSayWhy: null,
    canSayAlternatives: null,
  };
  await ok(trpcHttp(supporter.request, "reflection.save", { caseId, version: 0, ...reflection }));
  const decision = await ok<{ id: string }>(
    trpcHttp(api, "decision.record", { caseId, path: "still_deciding", reasons: LONG, nextSteps: LONG, decidedOn: "2026-11-26" }),
  );
  await ok(trpcHttp(supporter.request, "decision.comment", { caseId, decisionId: decision.id, body: LONG }));

  const base = `/cases/${caseId}`;
  const pages = [
    "/cases",
    base,
    `${base}/self-check`,
    `${base}/checklist`,
    `${base}/talking`,
    `${base}/questions`,
    `${base}/records`,
    `${base}/records/letter`,
    `${base}/health`,
    `${base}/notes`,
    `${base}/opinions`,
    `${base}/opinions/${opinion.id}`,
    `${base}/opinions/${opinion.id}/packet`,
    `${base}/compare`,
    `${base}/decide`,
    `${base}/sharing`,
  ];
  for (const path of pages) {
    await expectInert(page, path, dialogs);
    await expectInert(supporter, path, dialogs);
  }
  // The owner's alone: it names the supporter and the files they opened.
  await expectInert(page, `${base}/sharing/access-log`, dialogs);
  expect(ownerViolations).toEqual([]);
  expect(supporterViolations).toEqual([]);
});
