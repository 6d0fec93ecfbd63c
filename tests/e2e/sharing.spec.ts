import { expect, test } from "@playwright/test";
import { createCase, finishSignUpFromMail, PASSWORD, signUpQuickly, uniqueEmail, watchCspViolations } from "./helpers";

test("an owner invites a supporter, who signs up and joins; the owner removes them again", async ({ browser }) => {
  const title = "Knee surgery decision";
  const supporterEmail = uniqueEmail("sam");

  // The owner signs up and creates a case.
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const ownerViolations = watchCspViolations(owner);
  await signUpQuickly(owner, "Olivia Owner", uniqueEmail("olivia"));
  await createCase(owner, {
    patientName: "Olivia Owner",
    title,
    understanding: "Torn meniscus.\nSurgery was suggested at the first visit.",
    decision: "Whether to have surgery now or try physiotherapy first.",
  });
  await expect(owner.getByText("Surgery was suggested at the first visit.")).toBeVisible();
  const caseUrl = owner.url();

  // The owner invites the supporter from Sharing & settings.
  const sections = owner.getByRole("navigation", { name: "Case sections" });
  await expect(sections.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  await sections.getByRole("link", { name: "Sharing & settings" }).click();
  await expect(owner.getByRole("heading", { level: 1, name: "Sharing & settings" })).toBeVisible();
  await expect(sections.getByRole("link", { name: "Sharing & settings" })).toHaveAttribute("aria-current", "page");

  const invite = owner.getByRole("region", { name: "Invite someone" });
  await invite.getByLabel("Their email address").fill(supporterEmail);
  await invite.getByRole("radio", { name: "Supporter" }).check();
  await invite.getByLabel("A personal message (optional)").fill("Would you help me think this through?");
  await invite.getByRole("button", { name: "Create invitation" }).click();
  const linkField = owner.getByLabel(`Invitation link for ${supporterEmail}`);
  await expect(linkField).toHaveValue(/\/invitations\/[\w-]+$/);
  await expect(linkField).toHaveAttribute("readonly", "");
  const link = await linkField.inputValue();
  const pending = owner.getByRole("region", { name: "Invitations" }).getByRole("listitem").filter({ hasText: supporterEmail });
  await expect(pending).toContainText("Waiting for a reply");

  // The supporter opens the link, creates an account with the invited address and joins. Until they
  // are signed in with it, the page names neither that address nor the owner's message (issue 15 §4.15).
  const supporterContext = await browser.newContext();
  const supporter = await supporterContext.newPage();
  const supporterViolations = watchCspViolations(supporter);
  await supporter.goto(link);
  await expect(supporter.getByRole("heading", { level: 1, name: "You are invited to a case" })).toBeVisible();
  await expect(supporter.getByRole("main")).not.toContainText(supporterEmail);
  await expect(supporter.getByText("Would you help me think this through?")).toHaveCount(0);
  await supporter.getByRole("link", { name: "Create an account" }).click();
  await expect(supporter.getByLabel("Email address")).toHaveValue("");
  await supporter.getByLabel("Your name").fill("Sam Supporter");
  await supporter.getByLabel("Email address").fill(supporterEmail);
  await supporter.getByLabel("Choose a password").fill(PASSWORD);
  const since = Date.now();
  await supporter.getByRole("button", { name: "Create account" }).click();
  await finishSignUpFromMail(supporter, supporterEmail, since);

  await expect(supporter.getByText("Would you help me think this through?")).toBeVisible();
  await supporter.getByRole("button", { name: "Join the case" }).click();
  await expect(supporter).toHaveURL(caseUrl);
  await expect(supporter.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // The owner sees the supporter among the members.
  await owner.reload();
  const members = owner.getByRole("table", { name: "People in this case" });
  const supporterRow = members.getByRole("row", { name: /Sam Supporter/ });
  await expect(supporterRow.getByRole("cell", { name: "Supporter", exact: true })).toBeVisible();
  await expect(supporterRow.getByRole("cell", { name: supporterEmail })).toBeVisible();

  // The owner removes the supporter, after confirming.
  const manage = owner.getByRole("region", { name: "Sam Supporter" });
  await manage.getByRole("button", { name: "Remove from the case" }).click();
  await manage.getByRole("button", { name: "Yes, remove Sam Supporter" }).click();
  await expect(members.getByRole("row", { name: /Sam Supporter/ })).toHaveCount(0);

  // The supporter's next visit finds nothing, and their dashboard no longer lists the case.
  await supporter.goto(caseUrl);
  await expect(supporter.getByRole("heading", { level: 1, name: "We could not find that page" })).toBeVisible();
  await supporter.goto("/cases");
  await expect(supporter.getByRole("heading", { level: 1, name: "My cases" })).toBeVisible();
  await expect(supporter.getByRole("heading", { name: "Welcome, Sam Supporter" })).toBeVisible();
  await expect(supporter.getByRole("link", { name: title })).toHaveCount(0);

  expect(ownerViolations).toEqual([]);
  expect(supporterViolations).toEqual([]);
  await ownerContext.close();
  await supporterContext.close();
});

test("on a freshly opened sharing page, the invitation just made shows in the list at once", async ({ page }) => {
  // Opened by its address, the page's lists and forms are the server's HTML until first used; a change
  // made meanwhile (here, on the page itself) must still show in them, not the page as it was.
  await signUpQuickly(page, "Nadia Nuevo", uniqueEmail("nadia"));
  await createCase(page, { patientName: "Nadia Nuevo", title: "Back pain" });
  await page.goto(`${page.url().replace(/\/$/, "")}/sharing`);
  const invitations = page.getByRole("region", { name: "Invitations" });
  await expect(invitations).toContainText("No invitations sent yet.");
  const email = uniqueEmail("friend");
  const invite = page.getByRole("region", { name: "Invite someone" });
  await invite.getByLabel("Their email address").fill(email);
  await invite.getByRole("button", { name: "Create invitation" }).click();
  await expect(invitations.getByRole("listitem").filter({ hasText: email })).toContainText("Waiting for a reply");
  await expect(invitations).not.toContainText("No invitations sent yet.");
});

test("a case marked urgent shows the safety message at once and on its overview", async ({ page }) => {
  const safety = "If this is an emergency or feels urgent, seek care now";
  await signUpQuickly(page, "Uma Urgent", uniqueEmail("uma"));
  await page.getByRole("link", { name: "Start a new case" }).click();
  await expect(page.getByRole("heading", { name: safety })).toHaveCount(0);
  await page.getByLabel("This feels urgent").check();
  await expect(page.getByRole("heading", { name: safety })).toBeVisible();

  await page.getByLabel("Patient's name").fill("Uma Urgent");
  await page.getByLabel("Case title").fill("Chest pain follow-up");
  await page.getByRole("button", { name: "Create the case" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Chest pain follow-up" })).toBeVisible();
  const notice = page.getByRole("region", { name: safety });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("local emergency number");
  await expect(notice).toContainText("second opinion can come later");

  await page.goto("/cases");
  await expect(page.getByRole("listitem").filter({ hasText: "Chest pain follow-up" }).getByText("Urgent", { exact: true })).toBeVisible();
});

test("an invitation link that is not valid gets a calm explanation", async ({ page }) => {
  await page.goto("/invitations/not-a-real-token");
  await expect(page.getByRole("heading", { level: 1, name: "This invitation link is not valid" })).toBeVisible();
  await expect(page.getByText("Ask the person who invited you to send a new one.")).toBeVisible();
});

test("an invitation opened while signed in with another address names neither that address nor the message (issue 15 §4.15)", async ({ browser }) => {
  const invitedEmail = uniqueEmail("invited");
  const owner = await (await browser.newContext()).newPage();
  await signUpQuickly(owner, "Nora Owner", uniqueEmail("nora"));
  await createCase(owner, { patientName: "Nora Owner", title: "Hip decision" });
  await owner.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Sharing & settings" }).click();
  const invite = owner.getByRole("region", { name: "Invite someone" });
  await invite.getByLabel("Their email address").fill(invitedEmail);
  await invite.getByRole("radio", { name: "Viewer" }).check();
  await invite.getByLabel("A personal message (optional)").fill("About my scan results");
  await invite.getByRole("button", { name: "Create invitation" }).click();
  const link = await owner.getByLabel(`Invitation link for ${invitedEmail}`).inputValue();

  const stranger = await (await browser.newContext()).newPage();
  const strangerEmail = uniqueEmail("stranger");
  await signUpQuickly(stranger, "Stan Stranger", strangerEmail);
  await stranger.goto(link);
  const main = stranger.getByRole("main");
  await expect(main).toContainText("Nora invited you to join Hip decision");
  await expect(main).toContainText("This invitation was sent to a different email address. You are signed in with");
  await expect(main).toContainText(strangerEmail);
  await expect(main).not.toContainText(invitedEmail);
  await expect(main).not.toContainText("About my scan results");
  await expect(main).not.toContainText("Nora Owner");
  await expect(stranger.getByRole("button", { name: "Join the case" })).toHaveCount(0);
});
