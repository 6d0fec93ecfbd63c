import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, signUp, uniqueEmail, watchCspViolations } from "./helpers";

async function createCase(page: Page, details: { patientName: string; title: string }) {
  await page.getByRole("link", { name: "Start a new case" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Start a new case" })).toBeVisible();
  await page.getByLabel("Patient's name").fill(details.patientName);
  await page.getByLabel("Case title").fill(details.title);
  await page.getByRole("button", { name: "Create the case" }).click();
  await expect(page.getByRole("heading", { level: 1, name: details.title })).toBeVisible();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
}

const section = (page: Page, name: string) => page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name });

test("owner and supporter compare two opinions, reflect side by side, and the owner records the decision", async ({ browser }) => {
  // A long journey for two people in two browsers: more time than a single-page test needs.
  test.setTimeout(180_000);
  const title = "Knee: surgery or physio";
  const supporterEmail = uniqueEmail("sam");

  // ── The owner creates a case and invites a supporter, who signs up and joins.
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const ownerViolations = watchCspViolations(owner);
  await signUp(owner, "Olivia Owner", uniqueEmail("olivia"));
  await createCase(owner, { patientName: "Olivia Owner", title });
  const caseUrl = owner.url();

  await section(owner, "Sharing & settings").click();
  const invite = owner.getByRole("region", { name: "Invite someone" });
  await invite.getByLabel("Their email address").fill(supporterEmail);
  await invite.getByRole("radio", { name: "Supporter" }).check();
  await invite.getByRole("button", { name: "Create invitation" }).click();
  const link = await owner.getByLabel(`Invitation link for ${supporterEmail}`).inputValue();

  const supporterContext = await browser.newContext();
  const supporter = await supporterContext.newPage();
  const supporterViolations = watchCspViolations(supporter);
  await supporter.goto(link);
  await supporter.getByRole("link", { name: "Create an account" }).click();
  await supporter.getByLabel("Your name").fill("Sam Supporter");
  await supporter.getByLabel("Choose a password").fill(PASSWORD);
  await supporter.getByRole("button", { name: "Create account" }).click();
  await supporter.getByRole("button", { name: "Join the case" }).click();
  await expect(supporter).toHaveURL(caseUrl);

  // ── The owner adds the first opinion (the form is open while there is none) and logs a call about it.
  await section(owner, "Opinions").click();
  await expect(owner.getByRole("heading", { level: 1, name: "Opinions" })).toBeVisible();
  await expect(owner.getByLabel("Name of this opinion")).toHaveValue("First opinion");
  await owner.getByLabel("Clinician (optional)").fill("Dr Ana Rivera");
  await owner.getByLabel("Specialty (optional)").fill("Orthopaedics");
  await owner.getByRole("radio", { name: "Same specialty, different clinician" }).check();
  await owner.getByLabel("Visit date and time (optional)").fill("2026-03-02T10:30");
  await owner.getByLabel("Status", { exact: true }).selectOption({ label: "Completed" });
  await owner.getByRole("button", { name: "Add this opinion" }).click();
  await expect(owner.getByRole("heading", { level: 1, name: "First opinion" })).toBeVisible();
  await expect(owner.getByText("Dr Ana Rivera")).toBeVisible();

  const calls = owner.getByRole("region", { name: "Calls with the insurer or clinic" });
  await calls.getByRole("button", { name: "Log a call" }).click();
  await calls.getByLabel("Who you spoke with").fill("Insurer helpline");
  await calls.getByLabel("Reference number (optional)").fill("REF-4471");
  await calls.getByLabel("What was said (optional)").fill("A second opinion is covered with a referral.");
  await calls.getByRole("button", { name: "Save this call" }).click();
  const callList = calls.getByRole("list", { name: "Logged calls, newest first" });
  await expect(callList.getByRole("listitem")).toHaveCount(1);
  await expect(callList).toContainText("REF-4471");
  await expect(callList).toContainText("Insurer helpline");

  // ── …and the second opinion.
  await owner.getByRole("link", { name: "All opinions" }).click();
  await owner.getByRole("button", { name: "Add an opinion" }).click();
  await expect(owner.getByLabel("Name of this opinion")).toHaveValue("Second opinion");
  await owner.getByLabel("Clinician (optional)").fill("Dr Ben Okafor");
  await owner.getByRole("radio", { name: "Subspecialist or centre of expertise" }).check();
  await owner.getByRole("button", { name: "Add this opinion" }).click();
  await expect(owner.getByRole("heading", { level: 1, name: "Second opinion" })).toBeVisible();
  const secondOpinionUrl = owner.url();

  // ── Both open the comparison; each fills a different cell of the same grid.
  await section(owner, "Compare").click();
  await supporter.goto(`${caseUrl}/compare`);
  const ownerGrid = owner.getByRole("table", { name: "The opinions side by side" });
  const supporterGrid = supporter.getByRole("table", { name: "The opinions side by side" });
  await expect(ownerGrid.getByRole("columnheader", { name: /First opinion/ })).toBeVisible();
  await expect(ownerGrid.getByRole("columnheader", { name: /Second opinion/ })).toBeVisible();
  await expect(owner.getByText("They agree on 0 aspects, differ on 0, not sure yet on 0, 8 not marked yet.")).toBeVisible();

  await ownerGrid.getByRole("button", { name: "Write: Main treatment plan, First opinion" }).click();
  await ownerGrid.getByRole("textbox", { name: "Main treatment plan, First opinion" }).fill("Knee arthroscopy within a month.");
  await ownerGrid.getByRole("button", { name: "Save", exact: true }).click();
  await expect(ownerGrid.getByText("Knee arthroscopy within a month.")).toBeVisible();
  await expect(ownerGrid.getByText("Last changed by Olivia Owner")).toBeVisible();

  // The supporter's page was loaded before the owner saved; a different cell saves without any conflict.
  await supporterGrid.getByRole("button", { name: "Write: Main treatment plan, Second opinion" }).click();
  await supporterGrid.getByRole("textbox", { name: "Main treatment plan, Second opinion" }).fill("Twelve weeks of physiotherapy first.");
  await supporterGrid.getByRole("button", { name: "Save", exact: true }).click();
  await expect(supporterGrid.getByText("Twelve weeks of physiotherapy first.")).toBeVisible();

  await owner.reload();
  await supporter.reload();
  for (const grid of [ownerGrid, supporterGrid]) {
    await expect(grid.getByText("Knee arthroscopy within a month.")).toBeVisible();
    await expect(grid.getByText("Twelve weeks of physiotherapy first.")).toBeVisible();
    await expect(grid.getByText("Last changed by Sam Supporter")).toBeVisible();
  }

  // ── The supporter marks the row "They differ"; the summary follows.
  const planMarks = supporterGrid.getByRole("group", { name: "Where they stand: Main treatment plan" });
  await planMarks.getByRole("button", { name: "They differ" }).click();
  await expect(planMarks.getByRole("button", { name: "They differ" })).toHaveAttribute("aria-pressed", "true");
  await expect(supporter.getByText("They agree on 0 aspects, differ on 1, not sure yet on 0, 7 not marked yet.")).toBeVisible();

  // ── From the same row, a clarifying question for the second opinion, in one step.
  await supporterGrid.getByRole("button", { name: "Ask about this: Main treatment plan" }).click();
  await supporterGrid.getByRole("combobox", { name: "Question to ask" }).selectOption({ label: "Why do you prefer this option over the others?" });
  await supporterGrid.getByRole("combobox", { name: "Whom to ask" }).selectOption({ label: "Second opinion (Dr Ben Okafor)" });
  await supporterGrid.getByRole("button", { name: "Add to questions" }).click();
  await expect(supporterGrid.getByRole("status").filter({ hasText: "Added to the questions for Second opinion." })).toBeVisible();
  await supporter.goto(secondOpinionUrl);
  const visitQuestions = supporter.getByRole("region", { name: "Questions for this visit" });
  await expect(visitQuestions.getByRole("listitem").filter({ hasText: "Why do you prefer this option over the others?" })).toContainText(
    "Not asked yet",
  );

  // ── Both write a reflection; both are visible side by side.
  await section(owner, "Decide").click();
  await expect(owner.getByRole("heading", { level: 1, name: "Decide" })).toBeVisible();
  await expect(owner.getByText("SecondLook does not recommend treatments")).toBeVisible();
  await owner.getByRole("checkbox", { name: "Quality of life" }).check();
  await owner.getByRole("radio", { name: "2", exact: true }).check();
  await owner.getByLabel("Practical realities (optional)").fill("My work is flexible for a few weeks.");
  await owner.getByLabel(/Which clinician helped you feel more informed and heard/).selectOption({ label: "Second opinion (Dr Ben Okafor)" });
  await owner.getByRole("group", { name: "I know the benefits and risks of each option." }).getByRole("radio", { name: "No", exact: true }).check();
  await owner.getByRole("button", { name: "Save my reflection" }).click();
  await expect(owner.getByText("Your reflection is saved.")).toBeVisible();

  await supporter.goto(`${caseUrl}/decide`);
  await supporter.getByRole("checkbox", { name: "Staying independent" }).check();
  await supporter.getByLabel("Practical realities (optional)").fill("I can drive to every appointment.");
  await supporter.getByRole("button", { name: "Save my reflection" }).click();
  await expect(supporter.getByText("Your reflection is saved.")).toBeVisible();

  await owner.reload();
  const ownersOwn = owner.getByRole("article", { name: "Your reflection" });
  await expect(ownersOwn).toContainText("Quality of life");
  await expect(ownersOwn).toContainText("Second opinion (Dr Ben Okafor)");
  // A "No" shows its next step, not a score.
  await expect(ownersOwn.getByRole("link", { name: "Go to the questions" })).toBeVisible();
  await expect(owner.getByRole("article", { name: "Sam Supporter's reflection" })).toContainText("Staying independent");
  await expect(supporter.getByRole("article", { name: "Olivia Owner's reflection" })).toContainText("Quality of life");
  await expect(supporter.getByRole("article", { name: "Your reflection" })).toContainText("I can drive to every appointment.");

  // ── The owner records the decision; the supporter sees it and has no way to change it.
  const ownerDecision = owner.getByRole("region", { name: "The decision" });
  await ownerDecision.getByRole("button", { name: "Record the decision" }).click();
  await ownerDecision.getByRole("radio", { name: "Continue with the first plan, with adjustments from the second opinion" }).check();
  await ownerDecision.getByLabel("Your reasons, in your own words (optional)").fill("Surgery, but after six weeks of physio.");
  await ownerDecision.getByLabel("Next steps (optional)").fill("Follow-up with Dr Rivera.");
  await ownerDecision.getByRole("button", { name: "Record the decision" }).click();
  const current = owner.getByRole("region", { name: "The current decision" });
  await expect(current).toContainText("Continue with the first plan, with adjustments from the second opinion");
  await expect(current).toContainText("Recorded by Olivia Owner");

  await supporter.reload();
  const supporterDecision = supporter.getByRole("region", { name: "The decision" });
  await expect(supporterDecision.getByRole("region", { name: "The current decision" })).toContainText("Surgery, but after six weeks of physio.");
  await expect(supporterDecision.getByText("Only the owner of the case records the decision.")).toBeVisible();
  await expect(supporterDecision.getByRole("button", { name: /Record/ })).toHaveCount(0);
  await expect(supporterDecision.getByRole("radio")).toHaveCount(0);

  // ── On a phone, the grid shows one aspect at a time, the opinions stacked; Next moves on.
  await owner.setViewportSize({ width: 390, height: 844 });
  await section(owner, "Compare").click();
  await expect(owner.getByRole("heading", { level: 1, name: "Compare the opinions" })).toBeVisible();
  await expect(owner.getByRole("table", { name: "The opinions side by side" })).toBeHidden();
  await expect(owner.getByRole("combobox", { name: "Go to an aspect" })).toHaveValue("0");
  await expect(owner.getByRole("heading", { level: 3, name: "Diagnosis (if different)" })).toBeVisible();
  const stacked = owner.getByRole("list", { name: "What each opinion says: Diagnosis (if different)" }).getByRole("listitem");
  await expect(stacked).toHaveCount(2);
  const [firstBox, secondBox] = [await stacked.nth(0).boundingBox(), await stacked.nth(1).boundingBox()];
  expect(firstBox && secondBox && secondBox.y >= firstBox.y + firstBox.height).toBe(true);
  expect(secondBox && secondBox.x + secondBox.width <= 390).toBe(true);

  await owner.getByRole("button", { name: "Next aspect" }).click();
  await expect(owner.getByRole("heading", { level: 3, name: "Main treatment plan" })).toBeVisible();
  await expect(owner.getByRole("combobox", { name: "Go to an aspect" })).toHaveValue("1");
  const planCells = owner.getByRole("list", { name: "What each opinion says: Main treatment plan" });
  await expect(planCells.getByRole("listitem").nth(0)).toContainText("Knee arthroscopy within a month.");
  await expect(planCells.getByRole("listitem").nth(1)).toContainText("Twelve weeks of physiotherapy first.");
  await expect(
    owner.getByRole("group", { name: "Where they stand: Main treatment plan" }).getByRole("button", { name: "They differ" }),
  ).toHaveAttribute("aria-pressed", "true");

  expect(ownerViolations).toEqual([]);
  expect(supporterViolations).toEqual([]);
  await ownerContext.close();
  await supporterContext.close();
});
