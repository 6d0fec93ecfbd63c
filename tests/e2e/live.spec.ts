import { expect, test, type Page } from "@playwright/test";
import { allowUpTo, createCase, inviteAndJoin, LIVE, signUpQuickly, uniqueEmail, watchCspViolations } from "./helpers";

const section = (page: Page, name: string | RegExp) =>
  page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name });

test("two people in one case see each other's changes and each other live", async ({ browser }) => {
  allowUpTo(120_000);
  const owner = await (await browser.newContext()).newPage();
  const violations = watchCspViolations(owner);
  await signUpQuickly(owner, "Olivia Owner", uniqueEmail("olivia"));
  await createCase(owner, { patientName: "Olivia Owner", title: "Shoulder: live together" });
  const caseUrl = owner.url();

  // Two opinions, so the comparison grid shows.
  await section(owner, "Opinions").click();
  await expect(owner.getByLabel("Name of this opinion")).toHaveValue("First opinion");
  await owner.getByRole("radio", { name: "Same specialty, different clinician" }).check();
  await owner.getByRole("button", { name: "Add this opinion" }).click();
  await expect(owner.getByRole("heading", { level: 1, name: "First opinion" })).toBeVisible();
  await section(owner, "Opinions").click();
  await owner.getByRole("button", { name: "Add an opinion" }).click();
  await expect(owner.getByLabel("Name of this opinion")).toHaveValue("Second opinion");
  await owner.getByRole("radio", { name: "Same specialty, different clinician" }).check();
  await owner.getByRole("button", { name: "Add this opinion" }).click();
  await expect(owner.getByRole("heading", { level: 1, name: "Second opinion" })).toBeVisible();

  await owner.goto(caseUrl);
  const supporter = await inviteAndJoin(owner, browser, { name: "Sam Supporter", email: uniqueEmail("sam"), role: "Supporter" });
  const supporterContext = supporter.context();
  await expect(owner.getByRole("status").filter({ hasText: "Live" })).toBeVisible();

  // ── Presence: each sees the other, and on which section.
  await section(owner, "Questions").click();
  await supporter.goto(`${caseUrl}/questions`);
  const hereNow = owner.getByRole("list", { name: "Here now:" });
  await expect(hereNow).toContainText("Sam Supporter (Questions)");
  await expect(supporter.getByRole("list", { name: "Here now:" })).toContainText("Olivia Owner (Questions)");

  // ── The supporter adds a question: it appears on the owner's open page without a reload.
  await supporter.getByRole("textbox", { name: "Your question" }).fill("Can I keep working during recovery?");
  await supporter.getByRole("button", { name: "Add to the list" }).click();
  await expect(owner.getByRole("region", { name: "Your questions" }).getByText("Can I keep working during recovery?")).toBeVisible(LIVE);

  // ── It becomes a priority, then is removed: the owner's open list (and the count drawn from it) follows each change.
  const asked = "Can I keep working during recovery?";
  await supporter.getByRole("button", { name: `More actions: ${asked}` }).click();
  await supporter.getByRole("button", { name: `Priority: ${asked}` }).click();
  await expect(owner.getByText("1 pinned", { exact: true })).toBeVisible(LIVE);
  await supporter.getByRole("button", { name: `Remove: ${asked}` }).click();
  await supporter.getByRole("button", { name: "Yes, remove it" }).click();
  await expect(owner.getByRole("region", { name: "Your questions" }).getByText(asked)).toHaveCount(0, LIVE);
  await expect(owner.getByText("0 pinned", { exact: true })).toBeVisible(LIVE);

  // ── Both open the comparison; the owner starts typing in the cell the supporter is about to save.
  await section(owner, "Compare").click();
  await supporter.goto(`${caseUrl}/compare`);
  await expect(hereNow).toContainText("Sam Supporter (Compare)");
  const ownerGrid = owner.getByRole("table", { name: "The opinions side by side" });
  const supporterGrid = supporter.getByRole("table", { name: "The opinions side by side" });
  await supporterGrid.getByRole("button", { name: "Write: Main treatment plan, First opinion" }).click();
  await supporterGrid.getByRole("textbox", { name: "Main treatment plan, First opinion" }).fill("Physiotherapy for six weeks.");
  await supporterGrid.getByRole("button", { name: "Save", exact: true }).click();
  await expect(ownerGrid.getByText("Physiotherapy for six weeks.")).toBeVisible(LIVE);

  // An edit in progress is never replaced: the owner's text stays, and they are told what changed.
  await ownerGrid.getByRole("button", { name: "Edit: Main treatment plan, First opinion" }).click();
  const ownerCell = ownerGrid.getByRole("textbox", { name: "Main treatment plan, First opinion" });
  await ownerCell.fill("Surgery was offered too.");
  await supporterGrid.getByRole("button", { name: "Edit: Main treatment plan, First opinion" }).click();
  await supporterGrid.getByRole("textbox", { name: "Main treatment plan, First opinion" }).fill("Physiotherapy for eight weeks.");
  await supporterGrid.getByRole("button", { name: "Save", exact: true }).click();
  const notice = ownerGrid.getByRole("region", { name: "Sam Supporter changed this while you were editing" });
  await expect(notice).toContainText("Physiotherapy for eight weeks.", LIVE);
  await expect(ownerCell).toHaveValue("Surgery was offered too.");
  await notice.getByRole("button", { name: "Use their version" }).click();
  await expect(ownerCell).toHaveValue("Physiotherapy for eight weeks.");
  await ownerGrid.getByRole("button", { name: "Cancel" }).click();

  // ── Unread: a question added while the owner is elsewhere shows on the Questions section.
  await supporter.goto(`${caseUrl}/questions`);
  await supporter.getByRole("textbox", { name: "Your question" }).fill("Who do I call after hours?");
  await supporter.getByRole("button", { name: "Add to the list" }).click();
  await expect(section(owner, "Questions 1 new")).toBeVisible(LIVE);
  await section(owner, "Questions 1 new").click();
  await expect(owner.getByRole("heading", { level: 1, name: "Questions" })).toBeVisible();
  await section(owner, "Compare").click();
  await expect(section(owner, "Questions")).toBeVisible();
  await expect(section(owner, /new/)).toHaveCount(0);

  // ── The supporter closes their browser: they are gone from the owner's header.
  await expect(hereNow).toContainText("Sam Supporter");
  await supporterContext.close();
  await expect(owner.getByRole("list", { name: "Here now:" })).toHaveCount(0);
  expect(violations).toEqual([]);
});

test("a member removed while the case is open loses it at once, without reloading", async ({ browser }) => {
  const owner = await (await browser.newContext()).newPage();
  await signUpQuickly(owner, "Olivia Owner", uniqueEmail("olivia"));
  await createCase(owner, { patientName: "Olivia Owner", title: "Knee: access ends live" });
  const viewer = await inviteAndJoin(owner, browser, { name: "Vic Viewer", email: uniqueEmail("vic"), role: "Viewer" });
  await expect(viewer.getByRole("status").filter({ hasText: "Live" })).toBeVisible();

  await section(owner, "Sharing & settings").click();
  const manage = owner.getByRole("region", { name: "Vic Viewer" });
  await manage.getByRole("button", { name: "Remove from the case" }).click();
  await manage.getByRole("button", { name: "Yes, remove Vic Viewer" }).click();
  await expect(viewer.getByRole("heading", { level: 1, name: "We could not find that page" })).toBeVisible(LIVE);

  // The email settings live on the account page: the news of the cases off until chosen, visit reminders by email.
  await owner.getByRole("button", { name: "Olivia Owner, account menu" }).click();
  await owner.getByRole("link", { name: "Account and email settings" }).click();
  const email = owner.getByRole("region", { name: "Email reminders and news" });
  await expect(email.getByRole("combobox", { name: "What others changed in my cases" })).toHaveValue("off");
  await expect(email.getByRole("combobox", { name: "Visits coming up" })).toHaveValue("now");
});
