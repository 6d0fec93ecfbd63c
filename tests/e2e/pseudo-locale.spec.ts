/**
 * The phone layout holds in a longer language (issue 16): in the pseudo-locale every message is accented
 * and about a third longer (server/i18n/pseudo-locale.ts), so a layout that only fits English shows here
 * before a real translation breaks it. At 390×844, switched on through the language switch as a person
 * would, every main page — signed out, then signed in with a case that has something in each section —
 * must not scroll sideways, and its heading must be whole: inside the screen, and not cut by its own box or
 * by a box around it that hides overflow.
 *
 * One test, checking every page with soft assertions, so one run names every page that does not fit.
 * Needs ENABLE_PSEUDO_LOCALE=1 on the server (playwright.config.ts sets it).
 */
import { expect, test, type Page } from "@playwright/test";
import { signUpOverHttp, uniqueEmail } from "./helpers";
import { trpcHttp } from "./trpc-http";

test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true });

async function call<T>(page: Page, path: string, input: unknown): Promise<T> {
  const { status, data, code } = await trpcHttp<T>(page.request, path, input);
  expect(status, `${path} failed with ${code}`).toBe(200);
  return data as T;
}

/** What decides whether a page fits: the document's width against the screen's, and where its h1 is drawn. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const h1 = document.querySelector("h1");
    if (!h1) return null;
    const box = h1.getBoundingClientRect();
    // Cut off: text wider or taller than the heading's own box, or outside an ancestor that hides overflow.
    let clippedBy = h1.scrollWidth > h1.clientWidth + 1 || h1.scrollHeight > h1.clientHeight + 1 ? "itself" : "";
    for (let el = h1.parentElement; el && !clippedBy; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (style.overflowX === "visible" && style.overflowY === "visible") continue;
      const outer = el.getBoundingClientRect();
      if (box.left < outer.left - 1 || box.right > outer.right + 1 || box.top < outer.top - 1 || box.bottom > outer.bottom + 1) {
        clippedBy = `<${el.tagName.toLowerCase()} class="${el.className}">`;
      }
    }
    return {
      scrollWidth: document.scrollingElement!.scrollWidth,
      innerWidth: window.innerWidth,
      left: box.left,
      right: box.right,
      clippedBy,
      lang: document.documentElement.lang,
      text: h1.textContent ?? "",
    };
  });
}

async function expectFits(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("h1").first(), path).toBeVisible();
  const m = await measure(page);
  expect.soft(m, `${path}: has an h1`).not.toBeNull();
  if (!m) return;
  expect.soft(m.lang, `${path}: is shown in the pseudo-locale`).toBe("en-XA");
  expect.soft(m.scrollWidth, `${path}: scrolls sideways (document ${m.scrollWidth}px, screen ${m.innerWidth}px)`).toBeLessThanOrEqual(m.innerWidth);
  expect.soft(m.left >= -1 && m.right <= m.innerWidth + 1, `${path}: the h1 "${m.text}" runs off the screen (${m.left}–${m.right}px)`).toBe(true);
  expect.soft(m.clippedBy, `${path}: the h1 "${m.text}" is cut off by ${m.clippedBy}`).toBe("");
  // Every message went through the formatter (the build compiles them): no placeholder or tag shows raw, nor a
  // value it could not format.
  expect.soft(await page.locator("body").innerText(), `${path}: a message shows unformatted`).not.toMatch(/\{[a-zA-Z]+[,}]|<\/?[a-zA-Z]+>|=>|\[object Object\]/);
}

test("in the pseudo-locale, the main pages fit a phone: no sideways scroll, every heading whole", async ({ page }) => {
  const started = Date.now();
  await page.goto("/");
  await page.getByRole("button", { name: "Ëñğļîšĥ (pseudo)" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en-XA");
  // The catalogue's text really is the pseudo one: bracketed and padded with "~" (the footer is on every page).
  await expect(page.locator("footer p").first()).toHaveText(/^\[.*~+\]$/);

  for (const path of ["/", "/sign-in", "/sign-up", "/privacy", "/accessibility"]) await expectFits(page, path);

  await signUpOverHttp(page.request, "Maximiliana Bartholomew-Fitzgerald", uniqueEmail("pseudo"));
  const { id: caseId } = await call<{ id: string }>(page, "case.create", {
    patientName: "Maximiliana Bartholomew-Fitzgerald",
    title: "Choosing between surgery and physiotherapy for a torn meniscus",
    understanding: "The MRI shows a torn meniscus.",
    decision: "Whether to have the operation now or try physiotherapy first.",
    urgent: false,
  });
  await call(page, "question.create", { caseId, text: "How long is recovery after the operation?", opinionId: null });
  await call(page, "record.create", { caseId, title: "MRI report", kind: "imaging_report", source: "City Hospital", notes: "", private: false });
  const opinion = {
    caseId,
    clinician: "Dr Rivera",
    specialty: "Orthopaedic surgery",
    institution: "City Hospital",
    kind: "same_specialty",
    visitAt: null,
    inNetwork: "yes",
    referralNeeded: "no",
    preApprovalNeeded: "unknown",
    expectedCosts: "",
  };
  const first = await call<{ id: string }>(page, "opinion.create", { ...opinion, label: "First opinion", status: "completed" });
  const second = await call<{ id: string }>(page, "opinion.create", { ...opinion, label: "Second opinion", clinician: "Dr Chen", kind: "telehealth", status: "scheduled" });
  await call(page, "comparison.saveCell", { caseId, opinionId: first.id, aspect: "risks", text: "Small infection risk.", version: 0 });
  await call(page, "comparison.saveCell", { caseId, opinionId: second.id, aspect: "risks", text: "Avoids surgery.", version: 0 });

  const inCase = ["", "/questions", "/records", "/opinions", "/compare", "/decide", "/sharing"].map((p) => `/cases/${caseId}${p}`);
  for (const path of ["/cases", "/account", ...inCase]) await expectFits(page, path);

  test.info().annotations.push({ type: "pages checked", description: String(5 + 2 + inCase.length) });
  test.info().annotations.push({ type: "seconds", description: ((Date.now() - started) / 1000).toFixed(1) });
});
