import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { createCase, signUpQuickly, uniqueEmail } from "./helpers";
import { caseIdOf, trpcHttp } from "./trpc-http";

test("the feed groups a run of one person's action, opens it, and shows earlier activity page by page", async ({ page }) => {
  await signUpQuickly(page, "Ana Owner", uniqueEmail("ana"));
  await createCase(page, { patientName: "Ana Owner", title: "Hip: when to operate" });
  const caseId = caseIdOf(page.url());
  // Twelve notes in a row, then alternating questions and notes: 1 + 1 + 12 groups with the created case (more than a page).
  for (let i = 1; i <= 12; i++) expect((await trpcHttp(page.request, "note.create", { caseId, body: `Note ${i}`, private: false })).status).toBe(200);
  for (let i = 1; i <= 6; i++) {
    expect((await trpcHttp(page.request, "question.create", { caseId, text: `Question ${i}?` })).status).toBe(200);
    expect((await trpcHttp(page.request, "note.create", { caseId, body: `Later note ${i}`, private: false })).status).toBe(200);
  }
  await page.reload();

  const feed = page.getByRole("region", { name: "Recent activity" });
  // The first page: the ten newest lines, down to the second question.
  await expect(feed.getByText('Added the question "Question 2?"')).toBeVisible();
  await expect(feed.getByText('Added the question "Question 1?"')).toHaveCount(0);
  await feed.getByRole("button", { name: "Show earlier activity" }).click();
  await expect(feed.getByText('Added the question "Question 1?"')).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "earlier lines shown" })).toHaveText(/4 earlier lines shown\. That is the beginning of the case\./);
  await expect(feed.getByRole("button", { name: "Show earlier activity" })).toHaveCount(0);

  // The run is one line that opens to its newest entries and where to find the rest.
  const run = feed.locator("summary", { hasText: "Ana Owner wrote 12 notes" });
  await expect(run).toBeVisible();
  await run.click();
  const opened = feed.locator("details[open]");
  await expect(opened.getByRole("listitem").filter({ hasText: "Wrote a note" })).toHaveCount(5);
  // On a phone, open and with earlier pages loaded, the feed stays accessible and does not scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoAxeViolations(page, "activity feed on a phone");
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await opened.getByRole("link", { name: "see Notes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notes" })).toBeVisible();
});
