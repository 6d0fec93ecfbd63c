/**
 * Tasks between the people in a case (issue 17 §1), in two browsers: the owner assigns "Call the
 * insurer" to the supporter, who sees it under "For you" on the overview without reloading, marks it
 * done there, and the owner's open tasks page shows who did it.
 */
import { expect, test, type Page } from "@playwright/test";
import { allowUpTo, LIVE, openSection, signUpQuickly, uniqueEmail, watchCspViolations } from "./helpers";
import { trpcHttp } from "./trpc-http";

const forYou = (page: Page) => page.getByRole("region", { name: "For you" });

test("the owner assigns a task to the supporter, who sees it live under For you and does it; the owner sees who did", async ({ browser }) => {
  allowUpTo(120_000);
  const owner = await (await browser.newContext()).newPage();
  const violations = watchCspViolations(owner);
  const supporter = await (await browser.newContext()).newPage();
  const supporterEmail = uniqueEmail("sam");
  // Signing up, the case and joining it are not the subject here: over HTTP.
  await signUpQuickly(owner, "Olivia Owner", uniqueEmail("olivia"));
  await signUpQuickly(supporter, "Sam Supporter", supporterEmail);
  const created = await trpcHttp<{ id: string }>(owner.request, "case.create", {
    patientName: "Olivia Owner",
    title: "Knee: who does what",
    understanding: "",
    decision: "",
    urgent: false,
  });
  const caseUrl = `/cases/${created.data!.id}`;
  const invitation = await trpcHttp<{ link: string }>(owner.request, "invitation.create", { caseId: created.data!.id, email: supporterEmail, role: "supporter", message: "" });
  const joined = await trpcHttp(supporter.request, "invitation.accept", { token: new URL(invitation.data!.link).pathname.split("/").pop() });
  expect(joined.status).toBe(200);
  await owner.goto(caseUrl);
  await supporter.goto(caseUrl);

  // The supporter is on the overview: nothing is theirs yet.
  await expect(forYou(supporter).getByText("Nothing is assigned to you right now.")).toBeVisible();
  await expect(supporter.getByRole("status").filter({ hasText: "Live" })).toBeVisible();

  await openSection(owner, "Tasks");
  await expect(owner.getByRole("heading", { level: 1, name: "Tasks" })).toBeVisible();
  const addTask = owner.getByRole("region", { name: "Add a task" });
  await addTask.getByLabel("What needs doing").fill("Call the insurer");
  await addTask.getByLabel("Who will do it").selectOption({ label: "Sam Supporter" });
  await addTask.getByLabel("Due date (optional)").fill("2026-12-03");
  await addTask.getByRole("button", { name: "Add the task" }).click();
  await expect(addTask.getByRole("status")).toHaveText("The task was added.");
  const toDo = owner.getByRole("region", { name: "To do" });
  await expect(toDo.getByRole("article", { name: "Call the insurer" })).toContainText("For Sam Supporter");

  // Live, without a reload: it is the supporter's now.
  const task = forYou(supporter).getByRole("article", { name: "Call the insurer" });
  await expect(task).toBeVisible(LIVE);
  await expect(task).toContainText("For you");
  await task.getByRole("button", { name: "Mark done: Call the insurer" }).click();
  await expect(forYou(supporter).getByText("Nothing is assigned to you right now.")).toBeVisible();

  // The owner's open page moves it to Done, with who did it.
  const done = owner.getByRole("region", { name: "Done" }).getByRole("article", { name: "Call the insurer" });
  await expect(done).toContainText(/Done by Sam Supporter on [A-Z][a-z]{2} \d{1,2}, \d{4}/, LIVE);
  await expect(toDo.getByText("Nothing to do right now.")).toBeVisible();
  expect(violations).toEqual([]);
});
