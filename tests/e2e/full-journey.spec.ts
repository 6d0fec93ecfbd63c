import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { inviteAndJoin, markPriority, minimalPdf, openSection, signUp, uniqueEmail, watchCspViolations } from "./helpers";

// PRODUCT.md, "What good looks like": the whole journey, owner and supporter in two browsers at once,
// through the UI only. CI runs it against PostgreSQL and again on the embedded database.

const TITLE = "Knee: surgery or physio";
const BANK_AGREE = "Do you agree with the diagnosis I was given? If not, what do you think is going on?";
const BANK_OPTIONS = "What are all the treatment options for me, including watching and waiting?";
const OWN_QUESTION = "Can I keep cycling to work while I decide?";
const WHY = "Why do you prefer this option over the others?";
const BLOODS = "Recent blood test results";
const PLAN_FIRST = "Knee arthroscopy within a month.";
const PLAN_SECOND = "Twelve weeks of physiotherapy first.";
const OWNER_PRACTICAL = "My work is flexible for a few weeks.";
const SUPPORTER_PRACTICAL = "I can drive to every appointment.";
const DECISION_REASONS = "Surgery, but after six weeks of physio.";

const section = (page: Page, name: string) => openSection(page, name);

async function download(page: Page, link: string): Promise<{ name: string; bytes: Buffer }> {
  const event = page.waitForEvent("download");
  await page.getByRole("link", { name: link }).click();
  const file = await event;
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

async function pdfText(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, " "); // lines wrap where the page is full
}

test("the whole journey: two people, from the self-check to the decision, the visit packet and the export", async ({ browser }) => {
  test.setTimeout(240_000);
  const ownerContext = await browser.newContext();
  const supporterContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const supporter = await supporterContext.newPage();
  const ownerViolations = watchCspViolations(owner);
  const supporterViolations = watchCspViolations(supporter);

  // ── The owner signs up, starts with the self-check and creates the case from it.
  await signUp(owner, "Olivia Owner", uniqueEmail("olivia"));
  await owner.getByRole("link", { name: "Start a new case" }).click();
  await owner.getByRole("link", { name: "Start with a short self-check" }).click();
  await expect(owner.getByRole("heading", { name: "Step 1 of 2: is a second opinion worth exploring?" })).toBeVisible();
  await owner.getByRole("checkbox", { name: "I felt rushed, dismissed or not fully heard" }).check();
  await expect(owner.getByRole("region", { name: "What your answers show" })).toContainText("You ticked one of the situations");
  await owner.getByRole("button", { name: "Continue to the case details" }).click();
  await expect(owner.getByRole("heading", { name: "Step 2 of 2: about the case" })).toBeFocused();
  await owner.getByLabel("Patient's name").fill("Olivia Owner");
  await owner.getByLabel("Case title").fill(TITLE);
  await owner.getByRole("button", { name: "Create the case" }).click();
  await expect(owner.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(owner).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const caseUrl = owner.url();

  // ── The owner invites a supporter, who signs up from the link and joins.
  await inviteAndJoin(owner, browser, { name: "Sam Supporter", email: uniqueEmail("sam"), role: "Supporter" }, supporter);
  await expect(supporter.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();

  // ── Questions: two from the bank, one of them pinned by the owner; one of the supporter's own, pinned too.
  await section(owner, "Questions");
  await expect(owner.getByRole("heading", { level: 1, name: "Questions to ask" })).toBeVisible();
  const suggested = owner.getByRole("region", { name: "Suggested questions" });
  const ownerQuestions = owner.getByRole("region", { name: "Your questions" });
  for (const text of [BANK_AGREE, BANK_OPTIONS]) {
    const suggestion = suggested.getByRole("listitem").filter({ hasText: text });
    await suggestion.getByRole("button", { name: /^Add/ }).click();
    await expect(suggestion.getByRole("button", { name: /^Added/ })).toBeDisabled();
    await expect(ownerQuestions.getByRole("listitem").filter({ hasText: text })).toBeVisible();
  }
  await markPriority(owner, BANK_OPTIONS);

  await section(supporter, "Questions");
  await expect(supporter.getByRole("heading", { level: 1, name: "Questions to ask" })).toBeVisible();
  await supporter.getByRole("textbox", { name: "Your question" }).fill(OWN_QUESTION);
  await supporter.getByRole("button", { name: "Add to the list" }).click();
  await expect(supporter.getByText("Your question was added to the end of the list.")).toBeVisible();
  await markPriority(supporter, OWN_QUESTION);
  await expect(supporter.getByRole("region", { name: "Priorities" })).toContainText("2 pinned — we suggest 3 to 5");

  await owner.reload();
  await expect(ownerQuestions.getByRole("listitem")).toHaveCount(3);
  // Reloaded, the priorities come first, in a group of their own.
  await expect(owner.getByRole("region", { name: "Priority questions (2)" })).toContainText(OWN_QUESTION);

  // ── Records: the usual list; the owner adds a PDF, the supporter downloads the same bytes.
  await section(owner, "Records");
  await expect(owner.getByRole("heading", { level: 1, name: "Records to gather" })).toBeVisible();
  await owner.getByRole("button", { name: "Start from the usual list" }).click();
  const ownerBloods = owner.getByRole("article", { name: BLOODS });
  const pdf = minimalPdf();
  // Choosing the file starts the upload.
  await ownerBloods.getByLabel(`Choose files to add to ${BLOODS}`).setInputFiles({ name: "bloods.pdf", mimeType: "application/pdf", buffer: pdf });
  await expect(ownerBloods.getByRole("status").filter({ hasText: "Added bloods.pdf." })).toBeVisible();

  await section(supporter, "Records");
  const [record] = await Promise.all([
    supporter.waitForEvent("download"),
    supporter.getByRole("article", { name: BLOODS }).getByRole("link", { name: /bloods\.pdf/ }).click(),
  ]);
  expect(record.suggestedFilename()).toBe("bloods.pdf");
  expect((await readFile((await record.path())!)).equals(pdf)).toBe(true);

  // ── Medications (the owner) and an allergy (the supporter); each sees the other's.
  await section(owner, "Medications & history");
  await expect(owner.getByRole("heading", { level: 1, name: "Medications & history" })).toBeVisible();
  const medications = owner.getByRole("region", { name: "Medications", exact: true });
  await medications.getByRole("button", { name: "Add a medication" }).click();
  const addMedication = medications.getByRole("form", { name: "Add a medication" });
  await addMedication.getByLabel("Name of the medication").fill("Metformin");
  await addMedication.getByLabel("Dose (optional)").fill("500 mg");
  await addMedication.getByLabel("How often (optional)").fill("Twice a day with food");
  await addMedication.getByRole("button", { name: "Add the medication" }).click();
  await expect(medications.getByRole("listitem", { name: "Metformin" })).toContainText("Twice a day with food");

  await section(supporter, "Medications & history");
  const allergies = supporter.getByRole("region", { name: "Allergies and reactions" });
  await allergies.getByRole("button", { name: "Add an allergy or reaction" }).click();
  const addAllergy = allergies.getByRole("form", { name: "Add an allergy or reaction" });
  await addAllergy.getByLabel("What causes it").fill("Penicillin");
  await addAllergy.getByLabel("What happens (optional)").fill("Hives");
  await addAllergy.getByLabel("How severe").selectOption({ label: "Moderate" });
  await addAllergy.getByRole("button", { name: "Add the allergy or reaction" }).click();
  await expect(allergies.getByRole("listitem", { name: "Penicillin" })).toContainText("Hives");
  await expect(supporter.getByRole("region", { name: "Medications", exact: true }).getByRole("listitem", { name: "Metformin" })).toBeVisible();
  await owner.reload();
  await expect(owner.getByRole("region", { name: "Allergies and reactions" }).getByRole("listitem", { name: "Penicillin" })).toContainText("Moderate");

  // ── Two opinions; a call with the insurer logged on the first.
  await section(owner, "Opinions");
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
  const firstOpinionUrl = owner.url();

  const calls = owner.getByRole("region", { name: "Calls with the insurer or clinic" });
  await calls.getByRole("button", { name: "Log a call" }).click();
  await calls.getByLabel("Who you spoke with").fill("Insurer helpline");
  await calls.getByLabel("Reference number (optional)").fill("REF-4471");
  await calls.getByLabel("What was said (optional)").fill("A second opinion is covered with a referral.");
  await calls.getByRole("button", { name: "Save this call" }).click();
  const callList = calls.getByRole("list", { name: "Logged calls, newest first" });
  await expect(callList.getByRole("listitem")).toHaveCount(1);
  await expect(callList).toContainText("REF-4471");

  await owner.getByRole("link", { name: "All opinions" }).click();
  await owner.getByRole("button", { name: "Add an opinion" }).click();
  await expect(owner.getByLabel("Name of this opinion")).toHaveValue("Second opinion");
  await owner.getByLabel("Clinician (optional)").fill("Dr Ben Okafor");
  await owner.getByRole("radio", { name: "Subspecialist or centre of expertise" }).check();
  await owner.getByRole("button", { name: "Add this opinion" }).click();
  await expect(owner.getByRole("heading", { level: 1, name: "Second opinion" })).toBeVisible();
  const secondOpinionUrl = owner.url();

  // ── During the first visit the supporter takes a note (and a private one); the owner sees only the first.
  await supporter.goto(firstOpinionUrl);
  await expect(supporter.getByRole("region", { name: "Calls with the insurer or clinic" })).toContainText("REF-4471");
  const visitNote = supporter.getByRole("form", { name: "Write a note for this visit" });
  await visitNote.getByLabel("Note", { exact: true }).fill("Dr Rivera said **surgery soon** is reasonable.");
  await visitNote.getByRole("button", { name: "Save the note" }).click();
  await expect(visitNote.getByText("Your note is saved.")).toBeVisible();
  await visitNote.getByLabel("Note", { exact: true }).fill("Private: I am worried about the cost.");
  await visitNote.getByLabel("Keep this note private").check();
  await visitNote.getByRole("button", { name: "Save the note" }).click();
  const supporterVisitNotes = supporter.getByRole("list", { name: "Notes for First opinion" });
  await expect(supporterVisitNotes.getByRole("listitem")).toHaveCount(2);

  await owner.goto(firstOpinionUrl);
  const ownerVisitNotes = owner.getByRole("list", { name: "Notes for First opinion" });
  await expect(ownerVisitNotes.getByRole("listitem")).toHaveCount(1);
  await expect(ownerVisitNotes.getByRole("strong")).toHaveText("surgery soon");
  await expect(ownerVisitNotes).toContainText("Sam Supporter");
  await expect(owner.getByText("worried about the cost")).toHaveCount(0);

  // ── Both fill the grid: each a different cell of the same row.
  await section(owner, "Compare");
  await supporter.goto(`${caseUrl}/compare`);
  const ownerGrid = owner.getByRole("table", { name: "The opinions side by side" });
  const supporterGrid = supporter.getByRole("table", { name: "The opinions side by side" });
  await expect(ownerGrid.getByRole("columnheader", { name: /First opinion/ })).toBeVisible();
  await expect(ownerGrid.getByRole("columnheader", { name: /Second opinion/ })).toBeVisible();
  await expect(owner.getByText("They agree on 0 aspects, differ on 0, not sure yet on 0, 8 not marked yet.")).toBeVisible();

  await ownerGrid.getByRole("button", { name: "Write: Main treatment plan, First opinion" }).click();
  await ownerGrid.getByRole("textbox", { name: "Main treatment plan, First opinion" }).fill(PLAN_FIRST);
  await ownerGrid.getByRole("button", { name: "Save", exact: true }).click();
  await expect(ownerGrid.getByText(PLAN_FIRST)).toBeVisible();
  await expect(ownerGrid.getByText("Last changed by Olivia Owner")).toBeVisible();

  // The supporter's page was loaded before the owner saved; a different cell saves without any conflict.
  await supporterGrid.getByRole("button", { name: "Write: Main treatment plan, Second opinion" }).click();
  await supporterGrid.getByRole("textbox", { name: "Main treatment plan, Second opinion" }).fill(PLAN_SECOND);
  await supporterGrid.getByRole("button", { name: "Save", exact: true }).click();
  await expect(supporterGrid.getByText(PLAN_SECOND)).toBeVisible();

  await owner.reload();
  await supporter.reload();
  for (const grid of [ownerGrid, supporterGrid]) {
    await expect(grid.getByText(PLAN_FIRST)).toBeVisible();
    await expect(grid.getByText(PLAN_SECOND)).toBeVisible();
    await expect(grid.getByText("Last changed by Sam Supporter")).toBeVisible();
  }

  // The supporter marks the row "They differ"; the owner sees the mark and the summary follow.
  const planMarks = supporterGrid.getByRole("group", { name: "Where they stand: Main treatment plan" });
  await planMarks.getByRole("button", { name: "They differ" }).click();
  await expect(planMarks.getByRole("button", { name: "They differ" })).toHaveAttribute("aria-pressed", "true");
  const differs = "They agree on 0 aspects, differ on 1, not sure yet on 0, 7 not marked yet.";
  await expect(supporter.getByText(differs)).toBeVisible();
  await owner.reload();
  await expect(owner.getByText(differs)).toBeVisible();
  await expect(
    ownerGrid.getByRole("group", { name: "Where they stand: Main treatment plan" }).getByRole("button", { name: "They differ" }),
  ).toHaveAttribute("aria-pressed", "true");

  // From the same row, a clarifying question for the second opinion, in one step.
  await supporterGrid.getByRole("button", { name: "Ask about this: Main treatment plan" }).click();
  await supporterGrid.getByRole("combobox", { name: "Question to ask" }).selectOption({ label: WHY });
  await supporterGrid.getByRole("combobox", { name: "Whom to ask" }).selectOption({ label: "Second opinion (Dr Ben Okafor)" });
  await supporterGrid.getByRole("button", { name: "Add to questions" }).click();
  await expect(supporterGrid.getByRole("status").filter({ hasText: "Added to the questions for Second opinion." })).toBeVisible();
  await supporter.goto(secondOpinionUrl);
  const visitQuestions = supporter.getByRole("region", { name: "Questions for this visit" });
  await expect(visitQuestions.getByRole("listitem").filter({ hasText: WHY })).toContainText("Not asked yet");

  // ── Both reflect; each sees the other's reflection next to their own.
  await section(owner, "Decide");
  await expect(owner.getByRole("heading", { level: 1, name: "Decide" })).toBeVisible();
  await expect(owner.getByText("SecondLook does not recommend treatments")).toBeVisible();
  await owner.getByRole("checkbox", { name: "Quality of life" }).check();
  await owner.getByRole("radio", { name: "2", exact: true }).check();
  await owner.getByLabel("Practical realities (optional)").fill(OWNER_PRACTICAL);
  await owner.getByLabel(/Which clinician helped you feel more informed and heard/).selectOption({ label: "Second opinion (Dr Ben Okafor)" });
  await owner.getByRole("group", { name: "I know the benefits and risks of each option." }).getByRole("radio", { name: "No", exact: true }).check();
  await owner.getByRole("button", { name: "Save my reflection" }).click();
  await expect(owner.getByText("Your reflection is saved.")).toBeVisible();

  await section(supporter, "Decide");
  await supporter.getByRole("checkbox", { name: "Staying independent" }).check();
  await supporter.getByLabel("Practical realities (optional)").fill(SUPPORTER_PRACTICAL);
  await supporter.getByRole("button", { name: "Save my reflection" }).click();
  await expect(supporter.getByText("Your reflection is saved.")).toBeVisible();

  await owner.reload();
  const ownersOwn = owner.getByRole("article", { name: "Your reflection" });
  await expect(ownersOwn).toContainText("Quality of life");
  await expect(ownersOwn).toContainText("Second opinion (Dr Ben Okafor)");
  // A "No" shows its next step, not a score.
  await expect(ownersOwn.getByRole("link", { name: "Go to the questions" })).toBeVisible();
  await expect(owner.getByRole("article", { name: "Sam Supporter's reflection" })).toContainText("Staying independent");
  await supporter.reload();
  await expect(supporter.getByRole("article", { name: "Olivia Owner's reflection" })).toContainText("Quality of life");
  await expect(supporter.getByRole("article", { name: "Your reflection" })).toContainText(SUPPORTER_PRACTICAL);

  // ── The owner records the decision; the supporter sees it and has no way to change it.
  const ownerDecision = owner.getByRole("region", { name: "The decision" });
  await ownerDecision.getByRole("button", { name: "Record the decision" }).click();
  await ownerDecision.getByRole("radio", { name: "Continue with the first plan, with adjustments from the second opinion" }).check();
  await ownerDecision.getByLabel("Your reasons, in your own words (optional)").fill(DECISION_REASONS);
  await ownerDecision.getByLabel("Next steps (optional)").fill("Follow-up with Dr Rivera.");
  await ownerDecision.getByRole("button", { name: "Record the decision" }).click();
  const current = owner.getByRole("region", { name: "The current decision" });
  await expect(current).toContainText("Continue with the first plan, with adjustments from the second opinion");
  await expect(current).toContainText("Recorded by Olivia Owner");

  await supporter.reload();
  const supporterDecision = supporter.getByRole("region", { name: "The decision" });
  await expect(supporterDecision.getByRole("region", { name: "The current decision" })).toContainText(DECISION_REASONS);
  await expect(supporterDecision.getByText("Only the owner of the case records the decision.")).toBeVisible();
  await expect(supporterDecision.getByRole("button", { name: /Record/ })).toHaveCount(0);
  await expect(supporterDecision.getByRole("radio")).toHaveCount(0);

  // ── The visit packet for the second opinion, as a PDF: the priorities, the medication and the allergy.
  await owner.goto(secondOpinionUrl);
  await owner.getByRole("link", { name: "Prepare the visit packet" }).click();
  await expect(owner.getByRole("heading", { level: 1, name: "Visit packet" })).toBeVisible();
  await expect(owner.getByRole("article", { name: "Visit packet: Second opinion" })).toContainText(OWN_QUESTION);
  const packet = await download(owner, "Download in English");
  expect(packet.name).toBe("Visit packet - Second opinion.pdf");
  expect(packet.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const packetText = await pdfText(packet.bytes);
  for (const text of [OWN_QUESTION, BANK_OPTIONS, "Metformin", "Penicillin", "Olivia Owner"]) expect(packetText).toContain(text);

  // ── The export: the case, both reflections and the decision.
  await section(owner, "Sharing & settings");
  const exported = await download(owner, "Download the whole case (JSON)");
  expect(exported.name).toMatch(/\.json$/);
  const data = JSON.parse(exported.bytes.toString("utf8")) as {
    format: string;
    case: { title: string };
    questions: { text: string; pinned: boolean }[];
    reflections: { practical: string }[];
    decisions: { reasons: string }[];
  };
  expect(data.format).toBe("secondlook.case-export");
  expect(data.case.title).toBe(TITLE);
  expect(data.reflections.map((r) => r.practical).sort()).toEqual([SUPPORTER_PRACTICAL, OWNER_PRACTICAL].sort());
  expect(data.decisions.map((d) => d.reasons)).toEqual([DECISION_REASONS]);
  expect(data.questions.filter((q) => q.pinned)).toHaveLength(2);

  // ── On a phone, the same grid shows one aspect at a time, the opinions stacked; Next moves on.
  await supporter.setViewportSize({ width: 390, height: 844 });
  await section(supporter, "Compare");
  await expect(supporter.getByRole("heading", { level: 1, name: "Compare the opinions" })).toBeVisible();
  const phoneGrid = supporter.getByRole("table", { name: "The opinions side by side" });
  await expect(supporter.getByRole("combobox", { name: "Go to an aspect" })).toHaveValue("0");
  await expect(supporter.getByRole("heading", { level: 3, name: "Diagnosis (if different)" })).toBeVisible();
  // The header row (there for screen readers) and the one aspect shown.
  await expect(phoneGrid.getByRole("row")).toHaveCount(2);
  const shownRow = phoneGrid.getByRole("row").filter({ has: supporter.getByRole("rowheader") });
  await expect(shownRow.getByRole("rowheader")).toHaveText("Diagnosis (if different)");
  const stacked = shownRow.getByRole("cell");
  await expect(stacked).toHaveCount(3);
  const [firstBox, secondBox] = [await stacked.nth(0).boundingBox(), await stacked.nth(1).boundingBox()];
  expect(firstBox && secondBox && secondBox.y >= firstBox.y + firstBox.height).toBe(true);
  expect(secondBox && secondBox.x + secondBox.width <= 390).toBe(true);

  await supporter.getByRole("button", { name: "Next aspect" }).click();
  await expect(supporter.getByRole("heading", { level: 3, name: "Main treatment plan" })).toBeVisible();
  await expect(supporter.getByRole("combobox", { name: "Go to an aspect" })).toHaveValue("1");
  await expect(shownRow.getByRole("rowheader")).toHaveText("Main treatment plan");
  await expect(stacked.nth(0)).toContainText(PLAN_FIRST);
  await expect(stacked.nth(1)).toContainText(PLAN_SECOND);
  // One grid for every width: each entry is in the page once.
  await expect(supporter.getByText(PLAN_FIRST)).toHaveCount(1);

  // ── On a phone, Decide is steps: only the reader's current one is open (here the decision, to comment on).
  await section(supporter, "Decide");
  await expect(supporter.getByRole("heading", { level: 1, name: "Decide" })).toBeVisible();
  await expect(supporter.getByRole("button", { name: "Post the comment" })).toBeVisible();
  await expect(supporter.getByRole("button", { name: "Save my reflection" })).toBeHidden();
  // A step's link opens that step.
  await supporter.getByRole("navigation", { name: "Steps" }).getByRole("link", { name: "Reflect", exact: true }).click();
  await expect(supporter.getByRole("button", { name: "Save my reflection" })).toBeVisible();
  await expect(supporter.getByRole("button", { name: "Hide: Update your reflection" })).toHaveAttribute("aria-expanded", "true");

  expect(ownerViolations).toEqual([]);
  expect(supporterViolations).toEqual([]);
  await ownerContext.close();
  await supporterContext.close();
});
