/**
 * The core journey with the keyboard only: no click(), check() or mouse. Every control is reached
 * with Tab from where focus already is (`tabTo`), which proves it is reachable and in a sensible
 * order; it is used with Enter, Space, arrow keys and typing. Along the way: the skip link works,
 * focus is visible, and in-place forms and confirmation steps take focus and hand it back.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { allowUpTo, PASSWORD, linkIn, nextMailTo, uniqueEmail } from "./helpers";

async function isFocused(locator: Locator): Promise<boolean> {
  if ((await locator.count()) === 0) return false;
  return locator.evaluate((el) => el === document.activeElement, undefined, { timeout: 1000 }).catch(() => false);
}

/** Presses Tab (Shift+Tab with `back`) until the locator has focus; fails after `max` presses. */
async function tabTo(page: Page, locator: Locator, { max = 120, back = false } = {}) {
  for (let i = 0; i < max; i++) {
    if (await isFocused(locator)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  expect(await isFocused(locator), `${locator.toString()} not reached in ${max} presses`).toBe(true);
}

/** Tabs to a field and types into it. */
async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

/** Tabs to a closed <select> and types the option's label (the browser's type-to-select). */
async function choose(page: Page, select: Locator, label: string) {
  await tabTo(page, select);
  await page.keyboard.type(label);
  expect(await select.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.label)).toBe(label);
}

/** The focused element shows a focus indicator: an outline or a box-shadow ring. */
async function expectVisibleFocus(page: Page) {
  const style = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    return { outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0, shadow: s.boxShadow !== "none", tag: el.outerHTML.slice(0, 80) };
  });
  expect(style, "something has focus").not.toBeNull();
  expect(style!.outline || style!.shadow, `visible focus on ${style!.tag}`).toBe(true);
}

async function goToSection(page: Page, name: string) {
  // A section with changes by the other person reads "Decide 1 new".
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const link = page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: new RegExp(`^${escaped}( \\d+ new)?$`) });
  // The section links sit above the content: back up to them (forward from the top of a fresh page).
  const atTop = await page.evaluate(() => document.activeElement === document.body);
  await tabTo(page, link, { max: 150, back: !atTop });
  await expectVisibleFocus(page);
  const href = await link.getAttribute("href");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL((url) => url.pathname === href);
}

/** Fills the open opinion form: a clinician, a kind chosen with the arrow keys (a radio group), then saves. */
async function addOpinion(page: Page, clinician: string, kind: string) {
  await typeInto(page, page.getByLabel("Clinician (optional)"), clinician);
  const radio = page.getByRole("radio", { name: kind });
  await tabTo(page, page.getByRole("radio").first());
  for (let i = 0; i < 6 && !(await radio.isChecked()); i++) await page.keyboard.press("ArrowDown");
  await expect(radio).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Add this opinion" }));
  await page.keyboard.press("Enter");
}

test("the whole journey, keyboard only", async ({ page }) => {
  allowUpTo(180_000);
  const heading = (name: string | RegExp) => page.getByRole("heading", { level: 1, name });

  // ── The skip link is the first stop and moves focus to the main content.
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();

  // ── Sign up.
  await tabTo(page, page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Create account" }), { back: true });
  await page.keyboard.press("Enter");
  await expect(heading(/Create/)).toBeVisible();
  await typeInto(page, page.getByLabel("Your name"), "Kim Keys");
  const keysEmail = uniqueEmail("keys");
  await typeInto(page, page.getByLabel("Email address"), keysEmail);
  await typeInto(page, page.getByLabel("Choose a password"), PASSWORD);
  await tabTo(page, page.getByRole("button", { name: "Create account" }));
  await expectVisibleFocus(page);
  const since = Date.now();
  await page.keyboard.press("Enter");
  await finishSignUpByKeyboard(page, keysEmail, since);
  await expect(heading("My cases")).toBeVisible();

  // ── The account menu: opens from the keyboard, Escape closes it and focus returns.
  const menu = page.getByRole("button", { name: "Kim Keys, account menu" });
  await tabTo(page, menu);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeHidden();
  await expect(menu).toBeFocused();

  // ── A case, through the self-check.
  await tabTo(page, page.getByRole("link", { name: "Start a new case" }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("link", { name: "Start with a short self-check" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /^Step 1 of 2/ })).toBeVisible();
  const rushed = page.getByRole("checkbox", { name: "I felt rushed, dismissed or not fully heard" });
  await tabTo(page, rushed);
  await expectVisibleFocus(page);
  await page.keyboard.press("Space");
  await expect(rushed).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Continue to the case details" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Step 2 of 2: about the case" })).toBeFocused();
  await typeInto(page, page.getByLabel("Patient's name"), "Kim Keys");
  await typeInto(page, page.getByLabel("Case title"), "Back pain options");
  await tabTo(page, page.getByRole("button", { name: "Create the case" }));
  await page.keyboard.press("Enter");
  await expect(heading("Back pain options")).toBeVisible();

  // ── Questions: one from the bank, one's own, pinned, moved up with the keyboard.
  await goToSection(page, "Questions");
  await expect(heading("Questions to ask")).toBeVisible();
  const suggested = page.getByRole("region", { name: "Suggested questions" });
  await tabTo(page, suggested.getByRole("button", { name: /^Add/ }).first(), { max: 200 });
  await page.keyboard.press("Enter");
  await expect(suggested.getByRole("button", { name: /^Added/ }).first()).toBeDisabled();
  const list = page.getByRole("region", { name: "Your questions" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  const MINE = "Can I keep working during treatment?";
  await typeInto(page, page.getByRole("textbox", { name: "Your question" }), MINE);
  await tabTo(page, page.getByRole("button", { name: "Add to the list" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Your question was added to the end of the list.")).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(2);
  // Priority and Move up are under the question's "More actions" button.
  const more = page.getByRole("button", { name: `More actions: ${MINE}`, exact: true });
  await page.keyboard.press("Home");
  await tabTo(page, more, { max: 200 });
  await page.keyboard.press("Enter");
  await expect(more).toHaveAttribute("aria-expanded", "true");
  const pin = page.getByRole("button", { name: `Priority: ${MINE}` });
  await tabTo(page, pin);
  await page.keyboard.press("Space");
  await expect(pin).toHaveAttribute("aria-pressed", "true");
  const moveUp = page.getByRole("button", { name: new RegExp(`^Move up.*${MINE}`) });
  await tabTo(page, moveUp);
  await page.keyboard.press("Enter");
  await expect(list.getByRole("listitem").first()).toContainText(MINE);
  // Focus stays with the moved question, so it can be moved again.
  await expect(page.locator(":focus")).toBeVisible();
  // Escape closes the menu and hands focus back to its button.
  await page.keyboard.press("Escape");
  await expect(more).toBeFocused();

  // ── Records: one added, its status set.
  await goToSection(page, "Records");
  await expect(heading("Records")).toBeVisible();
  await typeInto(page, page.getByLabel("What is it?"), "Spine MRI report");
  await choose(page, page.getByLabel("Kind of record"), "Test results: imaging report");
  await tabTo(page, page.getByRole("button", { name: "Add the record" }));
  await page.keyboard.press("Enter");
  const mri = page.getByRole("article", { name: "Spine MRI report" });
  await expect(mri).toBeVisible();
  // Any status other than the next one is under the card's "More actions".
  await tabTo(page, mri.getByRole("button", { name: "More actions: Spine MRI report" }));
  await page.keyboard.press("Enter");
  await tabTo(page, mri.getByRole("button", { name: "Change the status of Spine MRI report" }));
  await page.keyboard.press("Enter");
  await choose(page, mri.getByRole("combobox", { name: "Status of Spine MRI report" }), "Received");
  await tabTo(page, mri.getByRole("button", { name: "Save status of Spine MRI report" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Received" }).getByRole("article", { name: "Spine MRI report" })).toBeVisible();

  // ── A medication.
  await goToSection(page, "Medications & history");
  const medications = page.getByRole("region", { name: "Medications", exact: true });
  await tabTo(page, medications.getByRole("button", { name: "Add a medication" }));
  await page.keyboard.press("Enter");
  const addMedication = medications.getByRole("form", { name: "Add a medication" });
  await typeInto(page, addMedication.getByLabel("Name of the medication"), "Naproxen");
  await tabTo(page, addMedication.getByRole("button", { name: "Add the medication" }));
  await page.keyboard.press("Enter");
  await expect(medications.getByRole("listitem", { name: "Naproxen" })).toBeVisible();

  // ── A note.
  await goToSection(page, "Notes");
  await typeInto(page, page.getByLabel("Note", { exact: true }), "Physio first, then decide.");
  await tabTo(page, page.getByRole("button", { name: "Save the note" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Physio first, then decide.")).toBeVisible();

  // ── Two opinions (the form is open while there is none; then "Add an opinion" reveals it).
  await goToSection(page, "Opinions");
  await expect(heading("Opinions")).toBeVisible();
  await addOpinion(page, "Dr Ito", "Same specialty, different clinician");
  await expect(heading("First opinion")).toBeVisible();
  await tabTo(page, page.getByRole("link", { name: "All opinions" }));
  await page.keyboard.press("Enter");
  const addAnother = page.getByRole("button", { name: "Add an opinion" });
  await tabTo(page, addAnother);
  await page.keyboard.press("Enter");
  await addOpinion(page, "Dr Osei", "Subspecialist or centre of expertise");
  await expect(heading("Second opinion")).toBeVisible();
  // Deleting asks first, in place: the question takes focus; Cancel hands it back to the button.
  const deleteOpinion = page.getByRole("button", { name: "Delete this opinion" });
  await tabTo(page, deleteOpinion, { max: 150 });
  await page.keyboard.press("Enter");
  const keepIt = page.getByRole("button", { name: "Cancel" });
  await expect(keepIt).toBeVisible();
  await expect(page.locator(":focus")).toContainText("Delete “Second opinion”?");
  await tabTo(page, keepIt);
  await page.keyboard.press("Enter");
  await expect(deleteOpinion).toBeFocused();

  // ── A comparison cell: the editor takes focus and hands it back on save.
  await goToSection(page, "Compare");
  await writeCellByKeyboard(page, "Main treatment plan", "Twelve weeks of physiotherapy.");

  // ── A reflection and the decision.
  await goToSection(page, "Decide");
  const quality = page.getByRole("checkbox", { name: "Quality of life" });
  await tabTo(page, quality);
  await page.keyboard.press("Space");
  await expect(quality).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Save my reflection" }), { max: 80 });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("article", { name: "Your reflection" })).toContainText("Quality of life");

  await recordDecisionByKeyboard(page, "Try physio for twelve weeks.");

  // ── A confirmation step takes focus, and Cancel hands it back to the button that opened it.
  await goToSection(page, "Notes");
  const noteMore = page.getByRole("button", { name: /^More actions: the note/ }).first();
  await tabTo(page, noteMore, { max: 80 });
  await page.keyboard.press("Enter");
  const del = page.getByRole("button", { name: /^Delete the note/ }).first();
  await tabTo(page, del);
  await page.keyboard.press("Enter");
  const yes = page.getByRole("button", { name: "Yes, delete the note" });
  await expect(yes).toBeVisible();
  await expect(page.locator(":focus")).toContainText("Delete this note?");
  await tabTo(page, page.getByRole("button", { name: "Cancel" }));
  await page.keyboard.press("Enter");
  await expect(yes).toBeHidden();
  await expect(noteMore).toBeFocused();
});

/** On the Compare page: opens a First-opinion cell of `aspect`, types, saves; focus comes back to it. */
async function writeCellByKeyboard(page: Page, aspect: string, text: string) {
  const grid = page.getByRole("table", { name: "The opinions side by side" });
  await tabTo(page, grid.getByRole("button", { name: `Write: ${aspect}, First opinion` }), { max: 150 });
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(grid.getByRole("textbox", { name: `${aspect}, First opinion` })).toBeFocused();
  await page.keyboard.type(text);
  await tabTo(page, grid.getByRole("button", { name: "Save", exact: true }));
  await page.keyboard.press("Enter");
  await expect(grid).toContainText(text);
  await expect(grid.getByRole("button", { name: new RegExp(`^Edit: ${aspect}, First opinion`) })).toBeFocused();
}

/** On the Decide page: opens the decision form (it takes focus), picks the first path, gives reasons, records. */
async function recordDecisionByKeyboard(page: Page, reasons: string) {
  const decision = page.getByRole("region", { name: "The decision" });
  await tabTo(page, decision.getByRole("button", { name: "Record the decision" }), { max: 80 });
  await page.keyboard.press("Enter");
  await expect(decision.locator(":focus")).toHaveCount(1);
  const path = decision.getByRole("radio").first();
  await tabTo(page, path);
  await page.keyboard.press("Space");
  await expect(path).toBeChecked();
  await typeInto(page, decision.getByLabel("Your reasons, in your own words (optional)"), reasons);
  await tabTo(page, decision.getByRole("button", { name: "Record the decision" }));
  await page.keyboard.press("Enter");
  await expect(decision).toContainText(reasons);
}

/** The emailed sign-up link (issue 15 §4.5), opened and finished with the keyboard alone. */
async function finishSignUpByKeyboard(page: Page, email: string, since: number) {
  await expect(page.getByRole("heading", { name: "Check your email to finish creating your account" })).toBeVisible();
  await page.goto(linkIn(await nextMailTo(email, since), "/sign-up/finish"));
  await tabTo(page, page.getByRole("button", { name: "Finish creating my account" }));
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
}

/** Signs up from the sign-up page and finishes through the emailed link, keyboard only. */
async function signUpByKeyboard(page: Page, name: string, email: string) {
  await typeInto(page, page.getByLabel("Your name"), name);
  await typeInto(page, page.getByLabel("Email address"), email);
  await typeInto(page, page.getByLabel("Choose a password"), PASSWORD);
  await tabTo(page, page.getByRole("button", { name: "Create account" }));
  const since = Date.now();
  await page.keyboard.press("Enter");
  await finishSignUpByKeyboard(page, email, since);
}

/** Follows a download link with Enter and returns the file's bytes. */
async function downloadByKeyboard(page: Page, link: Locator): Promise<Buffer> {
  await tabTo(page, link, { max: 150 });
  const download = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  const file = await download;
  const chunks: Buffer[] = [];
  for await (const chunk of (await file.createReadStream()) as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

test("two people, keyboard only: invite, join, compare, reflect, comment, downloads, and leaving", async ({ browser }) => {
  allowUpTo(180_000);
  const owner = await (await browser.newContext()).newPage();
  await owner.goto("/sign-up");
  await signUpByKeyboard(owner, "Kai Keys", uniqueEmail("kai"));
  await expect(owner.getByRole("heading", { name: "My cases" })).toBeVisible();
  await tabTo(owner, owner.getByRole("link", { name: "Start a new case" }));
  await owner.keyboard.press("Enter");
  await typeInto(owner, owner.getByLabel("Patient's name"), "Kai Keys");
  await typeInto(owner, owner.getByLabel("Case title"), "Shoulder: keyboard case");
  await tabTo(owner, owner.getByRole("button", { name: "Create the case" }));
  await owner.keyboard.press("Enter");
  await expect(owner.getByRole("heading", { level: 1, name: "Shoulder: keyboard case" })).toBeVisible();
  const caseUrl = owner.url();

  // ── The owner invites a supporter: the role is a radio group, chosen with the arrow keys.
  await goToSection(owner, "Sharing & settings");
  const supporterEmail = uniqueEmail("sky");
  const invite = owner.getByRole("region", { name: "Invite someone" });
  await typeInto(owner, invite.getByLabel("Their email address"), supporterEmail);
  const supporterRole = invite.getByRole("radio", { name: "Supporter" });
  await tabTo(owner, invite.getByRole("radio").first());
  for (let i = 0; i < 3 && !(await supporterRole.isChecked()); i++) await owner.keyboard.press("ArrowDown");
  await expect(supporterRole).toBeChecked();
  await tabTo(owner, invite.getByRole("button", { name: "Create invitation" }));
  await owner.keyboard.press("Enter");
  const link = await owner.getByLabel(`Invitation link for ${supporterEmail}`).inputValue();

  // ── The supporter opens the link, creates an account (typing the invited address) and joins.
  const supporter = await (await browser.newContext()).newPage();
  await supporter.goto(link);
  await tabTo(supporter, supporter.getByRole("link", { name: "Create an account" }));
  await supporter.keyboard.press("Enter");
  await signUpByKeyboard(supporter, "Sky Supporter", supporterEmail);
  await tabTo(supporter, supporter.getByRole("button", { name: "Join the case" }));
  await expectVisibleFocus(supporter);
  await supporter.keyboard.press("Enter");
  await expect(supporter).toHaveURL(caseUrl);

  // ── The owner adds two opinions; the supporter fills in a cell of the grid.
  await goToSection(owner, "Opinions");
  await addOpinion(owner, "Dr Ines Ortiz", "Subspecialist or centre of expertise");
  await expect(owner.getByRole("heading", { level: 1, name: "First opinion" })).toBeVisible();
  await tabTo(owner, owner.getByRole("link", { name: "All opinions" }));
  await owner.keyboard.press("Enter");
  await tabTo(owner, owner.getByRole("button", { name: "Add an opinion" }));
  await owner.keyboard.press("Enter");
  await addOpinion(owner, "Dr Osei", "Same specialty, different clinician");
  await expect(owner.getByRole("heading", { level: 1, name: "Second opinion" })).toBeVisible();
  await goToSection(supporter, "Compare");
  await writeCellByKeyboard(supporter, "Main treatment plan", "Surgery within a month.");

  // ── The supporter writes a reflection.
  await goToSection(supporter, "Decide");
  const independent = supporter.getByRole("checkbox", { name: "Staying independent" });
  await tabTo(supporter, independent, { max: 80 });
  await supporter.keyboard.press("Space");
  await expect(independent).toBeChecked();
  await typeInto(supporter, supporter.getByLabel("Practical realities (optional)"), "I can drive to every appointment.");
  await tabTo(supporter, supporter.getByRole("button", { name: "Save my reflection" }), { max: 80 });
  await supporter.keyboard.press("Enter");
  await expect(supporter.getByText("Your reflection is saved.")).toBeVisible();

  // ── The owner records the decision; the supporter comments on it.
  await goToSection(owner, "Decide");
  await recordDecisionByKeyboard(owner, "Surgery, with Sky driving.");
  await goToSection(supporter, "Decide");
  await expect(supporter.getByRole("region", { name: "The decision" })).toContainText("Surgery, with Sky driving.");
  await typeInto(supporter, supporter.getByLabel("Add a comment"), "I have booked the week off.");
  await tabTo(supporter, supporter.getByRole("button", { name: "Post the comment" }));
  await supporter.keyboard.press("Enter");
  await expect(supporter.getByText("Your comment is posted.")).toBeVisible();
  await expect(supporter.getByRole("region", { name: "The decision" })).toContainText("I have booked the week off.");

  // ── The owner opens the opinion's visit packet and downloads the PDF, then the export.
  await goToSection(owner, "Opinions");
  await tabTo(owner, owner.getByRole("link", { name: "Visit packet for First opinion" }), { max: 150 });
  await owner.keyboard.press("Enter");
  await expect(owner.getByRole("heading", { level: 1, name: "Visit packet" })).toBeVisible();
  const pdf = await downloadByKeyboard(owner, owner.getByRole("link", { name: "Download in English" }));
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");

  await goToSection(owner, "Sharing & settings");
  const exported = await downloadByKeyboard(owner, owner.getByRole("link", { name: "Download the whole case (JSON)" }));
  const json = JSON.parse(exported.toString("utf8")) as { case: { title: string } };
  expect(json.case.title).toBe("Shoulder: keyboard case");
  expect(exported.toString("utf8")).toContain("I can drive to every appointment.");
  expect(exported.toString("utf8")).toContain("Surgery within a month.");

  // ── The supporter leaves the case: a confirmation step, then back to their cases without it.
  await goToSection(supporter, "Sharing & settings");
  await tabTo(supporter, supporter.getByRole("button", { name: "Leave this case" }), { max: 80 });
  await supporter.keyboard.press("Enter");
  const confirmLeave = supporter.getByRole("button", { name: "Yes, leave this case" });
  await tabTo(supporter, confirmLeave);
  await supporter.keyboard.press("Enter");
  await expect(supporter).toHaveURL(/\/cases$/);
  await expect(supporter.getByRole("link", { name: "Shoulder: keyboard case" })).toHaveCount(0);
});
