import { expect, test, type Page } from "@playwright/test";
import { openSection, signUpQuickly, uniqueEmail, watchCspViolations } from "./helpers";
import { wordsFor } from "./i18n";
import { ASKING_SCRIPTS } from "@/lib/talking";

// The catalogue through the e2e loader: Node 20's ES modules refuse a bare JSON import (it needs `with { type: "json" }`).
const en = wordsFor("en");
const script = (key: (typeof ASKING_SCRIPTS)[number]) => ({ title: en(`talking.scripts.${key}.title`), text: en(`talking.scripts.${key}.text`) });

const SAFETY = "If this is an emergency or feels urgent, seek care now";

async function startSelfCheck(page: Page) {
  await page.getByRole("link", { name: "Start a new case" }).click();
  await page.getByRole("link", { name: "Start with a short self-check" }).click();
  await expect(page.getByRole("heading", { name: "Step 1 of 2: is a second opinion worth exploring?" })).toBeVisible();
}

async function fillDetailsAndCreate(page: Page, title: string) {
  await expect(page.getByRole("heading", { name: "Step 2 of 2: about the case" })).toBeFocused();
  await page.getByLabel("Patient's name").fill("Rosa Patient");
  await page.getByLabel("Case title").fill(title);
  await page.getByRole("button", { name: "Create the case" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

test("a case started from the self-check: the safety message at once, the answers kept, progress that moves", async ({ page, context }) => {
  const violations = watchCspViolations(page);
  await signUpQuickly(page, "Rosa Patient", uniqueEmail("rosa"));
  await startSelfCheck(page);

  // Ticking "emergency" shows the safety message straight away, before anything is saved, above the form.
  // (Next.js keeps a route announcer with role="alert" too, so the safety alert is found by its text.)
  const alert = page.getByRole("alert").filter({ hasText: SAFETY });
  await expect(alert).toHaveCount(0);
  await page.getByRole("checkbox", { name: "This is an emergency" }).check();
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("local emergency number");
  const alertBox = await alert.boundingBox();
  const stepBox = await page.getByRole("heading", { name: /^Step 1 of 2/ }).boundingBox();
  expect(alertBox!.y).toBeLessThan(stepBox!.y);
  await page.getByRole("checkbox", { name: "This is an emergency" }).uncheck();
  await expect(alert).toHaveCount(0);

  // A situation, an informational summary, and on to the case details.
  await page.getByRole("checkbox", { name: "I felt rushed, dismissed or not fully heard" }).check();
  await expect(page.getByRole("region", { name: "What your answers show" })).toContainText("You ticked one of the situations");
  await page.getByRole("button", { name: "Continue to the case details" }).click();
  await fillDetailsAndCreate(page, "Shoulder operation");
  const overview = page.url();
  await expect(page.getByText(SAFETY)).toHaveCount(0);

  // The overview shows the next steps first, then progress through the phases.
  const progress = page.getByRole("region", { name: "Progress", exact: true });
  const nextSteps = page.getByRole("region", { name: "Next steps" });
  await expect(progress).toContainText("Before you schedule: 0 of 3");
  await expect(nextSteps.getByRole("link", { name: "Write down your main questions or worries" })).toBeVisible();
  expect(await page.locator("main h2").first().textContent()).toBe("Next steps");

  // Adding a question ticks the first step.
  await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Questions" }).click();
  await page.getByRole("textbox", { name: "Your question" }).fill("How soon do I need to decide?");
  await page.getByRole("button", { name: "Add to the list" }).click();
  await expect(page.getByText("Your question was added to the end of the list.")).toBeVisible();
  await page.goto(overview);
  await expect(progress).toContainText("Before you schedule: 1 of 3");
  await expect(nextSteps.getByRole("link", { name: "Write down your main questions or worries" })).toHaveCount(0);

  // The answers were saved with the case and can be revisited.
  await progress.getByRole("link", { name: "Look at the self-check again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Is a second opinion worth exploring?" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "I felt rushed, dismissed or not fully heard" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "This is an emergency" })).not.toBeChecked();

  // A manual checklist item stays ticked, with who ticked it.
  await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Checklist" }).click();
  const followUp = page.getByRole("checkbox", { name: "Think about talking to your original doctor about what you learned" });
  await followUp.check();
  await expect(page.getByText("Ticked by Rosa Patient")).toBeVisible();
  await expect(followUp).toBeFocused();
  await page.reload();
  await expect(followUp).toBeChecked();
  await expect(page.getByRole("region", { name: "After the appointment" })).toContainText("1 of 5 done");

  // The talking page: a script copies to the clipboard and says so.
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Talking to your doctor" }).click();
  const asking = script(ASKING_SCRIPTS[0]);
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: asking.title }) });
  await card.getByRole("button", { name: `Copy: ${asking.title}` }).click();
  await expect(card.getByRole("status")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(asking.text);

  expect(violations).toEqual([]);
});

test("a timing answer marks the new case urgent and unticking it clears that; Copy without a clipboard selects the words", async ({ page }) => {
  await signUpQuickly(page, "Tom Patient", uniqueEmail("tom"));
  await startSelfCheck(page);
  const alert = page.getByRole("alert").filter({ hasText: SAFETY });
  await page.getByRole("checkbox", { name: "Waiting for another opinion would delay care I need" }).check();
  await expect(alert).toBeVisible();
  await page.getByRole("button", { name: "Continue to the case details" }).click();
  // The message stays at the top of the next step, and the case starts out marked urgent.
  await expect(alert).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "This feels urgent" })).toBeChecked();
  await fillDetailsAndCreate(page, "Heart valve");
  await expect(page.getByRole("region", { name: SAFETY })).toBeVisible();

  // On a phone-sized screen the self-check fits without sideways scrolling.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("link", { name: "Look at the self-check again" }).click();
  await expect(page.getByRole("checkbox", { name: "Waiting for another opinion would delay care I need" })).toBeChecked();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.getByRole("checkbox", { name: "Waiting for another opinion would delay care I need" }).uncheck();
  await expect(alert).toHaveCount(0);
  await page.getByRole("button", { name: "Save my answers" }).click();
  await expect(page.getByText("Your answers are saved.")).toBeVisible();
  await openSection(page, "Overview");
  await expect(page.getByRole("heading", { level: 1, name: "Heart valve" })).toBeVisible();
  await expect(page.getByText(SAFETY)).toHaveCount(0);

  // Without a clipboard, Copy selects the words and says how to copy them by hand.
  await page.addInitScript(() => Object.defineProperty(navigator, "clipboard", { value: undefined }));
  await openSection(page, "Talking to your doctor");
  await expect(page.getByRole("heading", { level: 1, name: "Talking to your doctor" })).toBeVisible();
  await page.reload(); // init scripts run on a page load, not on a client-side navigation
  const asking = script(ASKING_SCRIPTS[1]);
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: asking.title }) });
  await card.getByRole("button", { name: `Copy: ${asking.title}` }).click();
  await expect(card.getByRole("status")).toContainText("Copying is not available here. The text is selected");
  expect(await page.evaluate(() => window.getSelection()?.toString().trim())).toBe(asking.text);
});
