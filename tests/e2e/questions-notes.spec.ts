import { expect, test } from "@playwright/test";
import { OPINION_FIELDS } from "../support/sample-fields";
import { createCase, openMoreActions, openSection, signUpQuickly, uniqueEmail, watchCspViolations } from "./helpers";
import { caseIdOf, trpcHttp } from "./trpc-http";

const AGREE = "Do you agree with the diagnosis I was given?";
const WHY = "Why do you prefer this option over the others?";
const MINE = "Can my daughter come with me to the appointment?";

test("an owner prepares questions: from the bank and their own, a priority, a new order, an answer", async ({ page }) => {
  const violations = watchCspViolations(page);
  await signUpQuickly(page, "Olivia Owner", uniqueEmail("olivia"));
  await createCase(page, { patientName: "Olivia Owner", title: "Hip replacement decision" });
  await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Questions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Questions to ask" })).toBeVisible();
  // Grouped: the priorities first, then the rest by where they stand (all open while the list is short).
  const list = page.getByRole("region", { name: "Your questions" });
  const priorities = page.getByRole("region", { name: "Priorities" });
  await expect(page.getByText("No questions yet.")).toBeVisible();

  // Two suggested questions, one click each; an added one cannot be added again.
  const suggested = page.getByRole("region", { name: "Suggested questions" });
  for (const text of [AGREE, WHY]) {
    const suggestion = suggested.getByRole("listitem").filter({ hasText: text });
    await suggestion.getByRole("button", { name: /^Add/ }).click();
    await expect(suggestion.getByRole("button", { name: /^Added/ })).toBeDisabled();
    await expect(list.getByRole("listitem").filter({ hasText: text })).toBeVisible();
  }

  // One of their own.
  await page.getByRole("textbox", { name: "Your question" }).fill(MINE);
  await page.getByRole("button", { name: "Add to the list" }).click();
  await expect(page.getByText("Your question was added to the end of the list.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Your question" })).toHaveValue("");
  const items = list.getByRole("listitem");
  await expect(items).toHaveCount(3);
  await expect(items.nth(2)).toContainText(MINE);

  // A priority: a toggle under the question's "More actions", and the count above the list.
  await expect(priorities).toContainText("0 pinned — we suggest 3 to 5");
  await openMoreActions(page, WHY);
  const pin = page.getByRole("button", { name: `Priority: ${WHY}` });
  await expect(pin).toHaveAttribute("aria-pressed", "false");
  await pin.click();
  await expect(pin).toHaveAttribute("aria-pressed", "true");
  await expect(priorities).toContainText("1 pinned — we suggest 3 to 5");
  await expect(priorities).toContainText("You could mark a few more");
  // It stays where it was until the page is opened again, so nothing moves under the reader.
  await expect(items.nth(1)).toContainText(WHY);
  await expect(items.nth(1).getByText("Priority", { exact: true }).first()).toBeVisible();
  // Escape closes the menu (it covers the next card's button while open).
  await page.keyboard.press("Escape");

  // Reorder with the keyboard: "Move up" on the last question, from its menu; the menu stays open and focus with it.
  await openMoreActions(page, MINE);
  const moveUp = page.getByRole("button", { name: `Move up: ${MINE}` });
  await moveUp.focus();
  const saved = page.waitForResponse((response) => response.url().includes("question.reorder") && response.ok());
  await page.keyboard.press("Enter");
  await saved;
  await expect(moveUp).toBeFocused();
  await expect(items.nth(1)).toContainText(MINE);
  // At the top of its group Move up is disabled; focus moves to Move down rather than being lost.
  const savedAgain = page.waitForResponse((response) => response.url().includes("question.reorder") && response.ok());
  await page.keyboard.press("Enter");
  await savedAgain;
  await expect(items.nth(0)).toContainText(MINE);
  await expect(page.getByRole("button", { name: `Move down: ${MINE}` })).toBeFocused();

  // The new order is kept; reloaded, the priority comes first, in a group of its own.
  await page.reload();
  await expect(items).toHaveCount(3);
  const priorityGroup = page.getByRole("region", { name: "Priority questions (1)" });
  await expect(priorityGroup.getByRole("listitem")).toHaveCount(1);
  await expect(priorityGroup).toContainText(WHY);
  const notAsked = page.getByRole("list", { name: "Not asked yet (2)" });
  await expect(notAsked.getByRole("listitem").nth(0)).toContainText(MINE);
  await expect(notAsked.getByRole("listitem").nth(1)).toContainText(AGREE);

  // Record an answer; who recorded it is shown.
  const agree = items.filter({ hasText: AGREE });
  await agree.getByRole("button", { name: `Record the answer: ${AGREE}` }).click();
  await agree.getByRole("textbox", { name: "The answer" }).fill("Yes. She agrees, and suggests one more scan first.");
  await agree.getByRole("button", { name: "Save the answer" }).click();
  await expect(agree.getByText("Yes. She agrees, and suggests one more scan first.")).toBeVisible();
  await expect(agree.getByText(/Recorded by Olivia Owner on/)).toBeVisible();
  await expect(agree.getByText("Answered", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: `Edit the answer: ${AGREE}` })).toBeFocused();

  // Asked, from the card itself.
  const asked = page.getByRole("button", { name: `Asked: ${MINE}` });
  await asked.click();
  await expect(asked).toHaveAttribute("aria-pressed", "true");
  await expect(items.filter({ hasText: MINE }).getByText("Asked, no answer recorded yet", { exact: true })).toBeVisible();

  // Edit the wording from the menu: focus goes into the form, and back to the menu button after.
  await openMoreActions(page, MINE);
  await page.getByRole("button", { name: `Edit the question: ${MINE}` }).click();
  await expect(page.getByRole("textbox", { name: "The question" })).toBeFocused();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("button", { name: `More actions: ${MINE}`, exact: true })).toBeFocused();

  // Remove: last in the menu, and it asks first.
  await openMoreActions(page, MINE);
  await page.getByRole("button", { name: `Remove: ${MINE}` }).click();
  await page.getByRole("button", { name: "Yes, remove it" }).click();
  await expect(items).toHaveCount(2);
  await expect(page.getByRole("heading", { name: "Your questions" })).toBeFocused();

  expect(violations).toEqual([]);
});

test("a long list sends its folded groups only when opened, reorders within a group, filters by visit on the server, and folds the suggestions", async ({ page }) => {
  await signUpQuickly(page, "Lena Long", uniqueEmail("lena"));
  await createCase(page, { patientName: "Lena Long", title: "Knee: many questions" });
  const caseId = caseIdOf(page.url());
  const visit = await trpcHttp<{ id: string }>(page.request, "opinion.create", { caseId, ...OPINION_FIELDS, label: "Dr Ito" });
  const ids: string[] = [];
  for (let i = 1; i <= 12; i++) {
    const added = await trpcHttp<{ id: string }>(page.request, "question.create", { caseId, text: `Question ${i}?`, opinionId: i <= 2 ? visit.data!.id : null });
    ids.push(added.data!.id);
  }
  expect((await trpcHttp(page.request, "question.setFlags", { caseId, id: ids[11], pinned: true })).status).toBe(200);
  expect((await trpcHttp(page.request, "question.setFlags", { caseId, id: ids[10], asked: true })).status).toBe(200);

  await openSection(page, "Questions");
  await expect(page.getByRole("region", { name: "Priority questions (1)" })).toContainText("Question 12?");
  // Twelve questions is a long list: the other groups are folded, and the page has not sent their questions.
  const notAsked = page.getByText("Not asked yet (10)");
  await expect(notAsked).toBeVisible();
  await expect(page.getByText("Asked, no answer recorded yet (1)")).toBeVisible();
  expect(await page.content()).not.toContain("Question 1?");

  // Opened, the group comes from the server, and stays open on reload.
  await notAsked.click();
  const group = page.getByRole("list", { name: "Not asked yet (10)" });
  await expect(group.getByRole("listitem")).toHaveCount(10);
  await expect(page).toHaveURL(/[?&]open=not-asked/);

  // A move within the group swaps two places; the other groups keep theirs.
  await openMoreActions(page, "Question 1?");
  const saved = page.waitForResponse((response) => response.url().includes("question.reorder") && response.ok());
  await page.getByRole("button", { name: "Move down: Question 1?" }).click();
  await saved;
  await page.reload();
  await expect(group.getByRole("listitem").nth(0)).toContainText("Question 2?");
  await expect(group.getByRole("listitem").nth(1)).toContainText("Question 1?");
  await expect(page.getByRole("region", { name: "Priority questions (1)" })).toContainText("Question 12?");

  // The visit filter: the page asks the server for that visit's questions, and the groups count them.
  await page.getByLabel("For which visit", { exact: true }).selectOption({ label: "Dr Ito" });
  await expect(page).toHaveURL(/[?&]visit=/);
  await expect(page.getByRole("list", { name: "Not asked yet (2)" }).getByRole("listitem")).toHaveCount(2);
  await expect(page.getByText(/^Asked, no answer recorded yet/)).toHaveCount(0);
  await expect(page.getByText("No questions for this visit yet.")).toHaveCount(0);
  await page.getByLabel("For which visit", { exact: true }).selectOption({ label: "All visits" });
  await expect(page.getByRole("list", { name: "Not asked yet (10)" }).getByRole("listitem")).toHaveCount(10);
  await expect(page).not.toHaveURL(/visit=/);

  // On a long list the guide's suggestions are folded too, drawn once asked for, and still add in one press.
  const suggested = page.getByRole("region", { name: "Suggested questions" });
  const addButtons = suggested.getByRole("button", { name: /^Add: / });
  await expect(addButtons).toHaveCount(0);
  await suggested.getByRole("button", { name: "Show the suggested questions" }).click();
  const first = addButtons.first();
  const text = (await first.getAttribute("aria-label"))!.slice("Add: ".length);
  await first.click();
  await expect(suggested.getByRole("button", { name: `Added: ${text}` })).toBeVisible();
  await expect(page.getByRole("list", { name: "Not asked yet (11)" }).getByRole("listitem")).toHaveCount(11);
});

test("dates read in the reader's own time zone once the page has loaded, and arrive in it the next time, with no hydration error", async ({ browser }) => {
  // UTC+14: a note written now is dated "tomorrow" there for most of the day, and never at the UTC hour.
  const context = await browser.newContext({ timezoneId: "Pacific/Kiritimati" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await signUpQuickly(page, "Tara Zone", uniqueEmail("tara"));
  await createCase(page, { patientName: "Tara Zone", title: "Far east of the date line" });
  const caseId = caseIdOf(page.url());
  expect((await trpcHttp(page.request, "note.create", { caseId, body: "A note to date.", private: false })).status).toBe(200);
  await page.goto(`/cases/${caseId}/notes`);
  const time = page.getByRole("list", { name: "All notes" }).locator("time").first();
  const iso = await time.getAttribute("datetime");
  const inKiritimati = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "Pacific/Kiritimati" }).format(new Date(iso!));
  await expect(time).toHaveText(inKiritimati);
  // The browser has told the server its zone: the next page arrives with the date already in it.
  const html = await (await page.request.get(`/cases/${caseId}/notes`)).text();
  expect(html).toContain(`data-offset="840@${iso}"`);
  expect(html).toContain(inKiritimati);
  await page.reload();
  await expect(time).toHaveText(inKiritimati);
  expect(errors).toEqual([]);
  await context.close();
});

test("notes render light formatting, and never run what someone typed", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const violations = watchCspViolations(page);
  await signUpQuickly(page, "Olivia Owner", uniqueEmail("olivia"));
  await createCase(page, { patientName: "Olivia Owner", title: "Heart valve decision" });
  await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Notes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notes" })).toBeVisible();
  await expect(page.getByText("No notes yet.")).toBeVisible();

  const write = page.getByRole("region", { name: "Write a note" });
  await write.getByLabel("Note", { exact: true }).fill("**Dr Lee** said we can take *two weeks* to decide.");
  await write.getByRole("button", { name: "Save the note" }).click();
  await expect(write.getByText("Your note was saved.")).toBeVisible();
  const notes = page.getByRole("list", { name: "All notes" });
  await expect(notes.getByRole("strong")).toHaveText("Dr Lee");
  await expect(notes.getByRole("emphasis")).toHaveText("two weeks");
  await expect(notes.getByRole("listitem").first()).toContainText("Olivia Owner (you)");

  await write.getByLabel("Note", { exact: true }).fill("Testing <script>alert(1)</script> and [x](javascript:alert(1)) done.");
  await write.getByLabel("Private — only I can see this note").check();
  await write.getByRole("button", { name: "Save the note" }).click();
  await expect(notes.getByRole("listitem")).toHaveCount(2);
  const newest = notes.getByRole("listitem").first();
  await expect(newest).toContainText("done.");
  await expect(newest.getByText("Private", { exact: true })).toBeVisible();
  await expect(notes.locator("script")).toHaveCount(0);
  await expect(newest.getByRole("link")).toHaveCount(0);
  await newest.getByText("x", { exact: true }).click();

  // Reloaded from the server, it is still inert.
  await page.reload();
  await expect(notes.getByRole("listitem")).toHaveCount(2);
  await expect(notes.locator("script")).toHaveCount(0);
  await expect(notes.getByRole("link")).toHaveCount(0);
  expect(dialogs).toEqual([]);
  expect(violations).toEqual([]);
});

test("a note is formatted with the Bold and List buttons, without knowing any marks", async ({ page }) => {
  await signUpQuickly(page, "Fran Format", uniqueEmail("fran"));
  await createCase(page, { patientName: "Fran Format", title: "Formatting notes" });
  await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Notes" }).click();
  const write = page.getByRole("region", { name: "Write a note" });
  const body = write.getByLabel("Note", { exact: true });
  await expect(write.getByText("Select words and press Bold to make them stand out")).toBeVisible();
  await expect(write).not.toContainText("**");

  await body.fill("Dr Lee said wait\nAsk about the scan\nAsk about the dose");
  await body.evaluate((area: HTMLTextAreaElement) => area.setSelectionRange(0, "Dr Lee".length));
  await write.getByRole("button", { name: "Bold", exact: true }).click();
  await expect(body).toBeFocused();
  const listed = "Ask about the scan\nAsk about the dose";
  await body.evaluate((area: HTMLTextAreaElement, text) => area.setSelectionRange(area.value.indexOf(text), area.value.length), listed);
  await write.getByRole("button", { name: "List", exact: true }).click();
  await expect(body).toHaveValue("**Dr Lee** said wait\n- Ask about the scan\n- Ask about the dose");

  await write.getByRole("button", { name: "Save the note" }).click();
  const notes = page.getByRole("list", { name: "All notes" });
  await expect(notes.getByRole("strong")).toHaveText("Dr Lee");
  const bullets = notes.getByRole("listitem").first().getByRole("list").getByRole("listitem");
  await expect(bullets).toHaveText(["Ask about the scan", "Ask about the dose"]);
});

test("two tabs edit the same note: the later save is told, sees the other version, and can keep its own", async ({ page }) => {
  // This tab hears nothing live (its event stream never answers), so only the save can find out.
  await page.route(/\/api\/trpc\/live\.events/, () => new Promise(() => {}));
  await signUpQuickly(page, "Tess Tabs", uniqueEmail("tess"));
  await createCase(page, { patientName: "Tess Tabs", title: "Two tabs" });
  await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Notes" }).click();
  const write = page.getByRole("region", { name: "Write a note" });
  await write.getByLabel("Note", { exact: true }).fill("First draft");
  await write.getByRole("button", { name: "Save the note" }).click();
  await expect(write.getByText("Your note was saved.")).toBeVisible();

  const other = await page.context().newPage();
  await other.goto(page.url());
  await page.getByRole("button", { name: "Edit the note “First draft”" }).click();
  await page.getByRole("list", { name: "All notes" }).getByLabel("Note", { exact: true }).fill("Written in the first tab");
  await other.getByRole("button", { name: "Edit the note “First draft”" }).click();
  await other.getByRole("list", { name: "All notes" }).getByLabel("Note", { exact: true }).fill("Written in the second tab");
  await other.getByRole("button", { name: "Save changes" }).click();
  await expect(other.getByRole("list", { name: "All notes" })).toContainText("Written in the second tab");

  await page.getByRole("button", { name: "Save changes" }).click();
  const conflict = page.getByRole("region", { name: "Someone else saved changes while you were editing" });
  await expect(conflict).toContainText("Written in the second tab");
  await expect(page.getByRole("list", { name: "All notes" }).getByLabel("Note", { exact: true })).toHaveValue("Written in the first tab");
  await conflict.getByRole("button", { name: "Keep editing mine (saving will replace theirs)" }).click();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("list", { name: "All notes" })).toContainText("Written in the first tab");
  await other.reload();
  await expect(other.getByRole("list", { name: "All notes" })).toContainText("Written in the first tab");
});

test("a note whose answer is lost (503 after it was saved) is saved once when the person presses save again", async ({ page }) => {
  await signUpQuickly(page, "Olivia Owner", uniqueEmail("olivia"));
  await createCase(page, { patientName: "Olivia Owner", title: "Heart valve decision" });
  await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Notes" }).click();
  await expect(page.getByText("No notes yet.")).toBeVisible();

  // The first save reaches the server and is written; the answer the browser gets is a 503.
  let answered503 = 0;
  await page.route(/\/api\/trpc\/[^?]*note\.create/, async (route) => {
    if (answered503 > 0) return route.fallback();
    answered503++;
    await route.fetch();
    await route.fulfill({ status: 503, contentType: "text/plain", body: "Service Unavailable" });
  });
  const write = page.getByRole("region", { name: "Write a note" });
  await write.getByLabel("Note", { exact: true }).fill("Dr Lee said we can take two weeks to decide.");
  await write.getByRole("button", { name: "Save the note" }).click();
  await expect(write.getByRole("alert").first()).toBeVisible();
  expect(answered503).toBe(1);

  // The person tries again: the same submission, so the server answers with the note it already has.
  await write.getByRole("button", { name: "Save the note" }).click();
  await expect(write.getByText("Your note was saved.")).toBeVisible();
  const notes = page.getByRole("list", { name: "All notes" });
  await expect(notes.getByRole("listitem")).toHaveCount(1);
  await page.reload();
  await expect(notes.getByRole("listitem")).toHaveCount(1);
  await expect(notes.getByRole("listitem").first()).toContainText("two weeks to decide");
});

test("a form on screen at load works before its code arrives: what was typed, the cursor and a save carry over", async ({ page }) => {
  await signUpQuickly(page, "Lena Late", uniqueEmail("lena"));
  await createCase(page, { patientName: "Lena Late", title: "Slow signal" });
  await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Notes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notes" })).toBeVisible();

  // A page load, as on a weak signal: from now on each script takes 1.5 s to arrive.
  const scriptsAfterLoad: string[] = [];
  const slowScripts = async () => {
    await page.waitForLoadState("networkidle");
    scriptsAfterLoad.length = 0;
    await page.route(/\/_next\/static\/chunks\/.+\.js$/, async (route) => {
      scriptsAfterLoad.push(route.request().url());
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
  };
  await page.reload();
  await slowScripts();
  const write = page.getByRole("region", { name: "Write a note" });
  const note = write.getByLabel("Note", { exact: true });
  // Ticked, typed and saved before the form's code is here: the save waits for it, and keeps it all.
  const privately = write.getByRole("checkbox", { name: "Private — only I can see this note" });
  await privately.click();
  await expect.poll(() => scriptsAfterLoad.length, { message: "the form's code is asked for on first use" }).toBeGreaterThan(0);
  await note.click();
  await page.keyboard.type("Ask about the scan");
  await expect(privately).toBeChecked();
  await write.getByRole("button", { name: "Save the note" }).click();
  await expect(write.getByText("Your private note was saved. Only you can see it.")).toBeVisible();
  await expect(page.getByRole("list", { name: "All notes" }).getByRole("listitem")).toHaveText([/Ask about the scan/]);

  // The question form, on another page, first with no signal at all: it says so, and keeps the text.
  await page.unrouteAll({ behavior: "wait" });
  await page.goto(page.url().replace(/\/notes$/, "/questions"));
  await page.waitForLoadState("networkidle");
  await page.route(/\/_next\/static\/chunks\/.+\.js$/, (route) => route.abort("internetdisconnected"));
  const question = page.getByRole("textbox", { name: "Your question" });
  await question.click();
  await page.keyboard.type("What are");
  await expect(page.getByRole("alert").filter({ hasText: "This form could not load." })).toHaveText(
    "This form could not load. Check your connection, then try again: what you typed is still here.",
  );
  await expect(question).toHaveValue("What are");
  // The signal comes back, slowly: the next use loads the form, and typing goes on where it was.
  await page.unrouteAll({ behavior: "wait" });
  await slowScripts();
  await question.blur();
  await question.click();
  await page.keyboard.press("End");
  // The loaded form holds the text once it keeps a draft of it on this device.
  await expect
    .poll(() => page.evaluate(() => Object.entries(localStorage).some(([key, value]) => key.startsWith("secondlook:draft:") && value.includes("What are"))))
    .toBe(true);
  await page.keyboard.type(" the risks?");
  await expect(question).toBeFocused();
  await expect(question).toHaveValue("What are the risks?");
  await page.getByRole("button", { name: "Add to the list" }).click();
  await expect(page.getByText("Your question was added to the end of the list.")).toBeVisible();
  await expect(question).toHaveValue("");
});

test("on a phone, taps made before a form's code arrives still count: the question typed and added", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await signUpQuickly(page, "Tomas Tap", uniqueEmail("tomas"));
  await createCase(page, { patientName: "Tomas Tap", title: "Tapping early" });
  await page.goto(page.url().replace(/\/cases\/([0-9a-f-]{36}).*$/, "/cases/$1/questions"));
  await page.waitForLoadState("networkidle");
  // A weak signal: each script from now on takes 1.5 s to arrive.
  await page.route(/\/_next\/static\/chunks\/.+\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await page.getByRole("textbox", { name: "Your question" }).tap();
  await page.keyboard.type("Can I have a copy of the scan?");
  await page.getByRole("button", { name: "Add to the list" }).tap();
  await expect(page.getByText("Your question was added to the end of the list.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Your questions" })).toContainText("Can I have a copy of the scan?");
  await context.close();
});
