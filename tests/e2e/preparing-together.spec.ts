import { expect, test } from "@playwright/test";
import { createCase, inviteAndJoin, markPriority, minimalPdf, sectionLink, signUpQuickly, uniqueEmail, watchCspViolations } from "./helpers";

const QUESTION = "How long is recovery after keyhole surgery?";

test("owner and supporter prepare together: a priority question, notes (one private) and a shared file", async ({ browser }) => {
  const owner = await (await browser.newContext()).newPage();
  const ownerViolations = watchCspViolations(owner);
  await signUpQuickly(owner, "Olivia Owner", uniqueEmail("olivia"));
  await createCase(owner, { patientName: "Olivia Owner", title: "Knee: surgery or physio?" });
  const supporter = await inviteAndJoin(owner, browser, { name: "Sam Supporter", email: uniqueEmail("sam"), role: "Supporter" });
  const supporterViolations = watchCspViolations(supporter);
  const section = (page: typeof owner, name: string) => sectionLink(page, name).click();

  // The owner adds the second-opinion visit.
  await section(owner, "Opinions");
  await owner.getByLabel("Name of this opinion").fill("Second opinion");
  await owner.getByRole("radio", { name: "Subspecialist or centre of expertise" }).check();
  await owner.getByRole("button", { name: "Add this opinion" }).click();
  await expect(owner.getByRole("heading", { level: 1, name: "Second opinion" })).toBeVisible();

  // The supporter adds a question for that visit and makes it a priority, then writes a note during
  // the visit and a private one.
  await section(supporter, "Questions");
  await supporter.getByRole("textbox", { name: "Your question" }).fill(QUESTION);
  await supporter.getByLabel("For which visit (optional)").selectOption({ label: "Second opinion" });
  await supporter.getByRole("button", { name: "Add to the list" }).click();
  await markPriority(supporter, QUESTION);

  await section(supporter, "Notes");
  const write = supporter.getByRole("region", { name: "Write a note" });
  await write.getByLabel("Note", { exact: true }).fill("Dr Lee said **physio first** is reasonable.");
  await write.getByLabel("Taken for which visit (optional)").selectOption({ label: "Second opinion" });
  await write.getByRole("button", { name: "Save the note" }).click();
  await expect(write.getByText("Your note was saved.")).toBeVisible();
  await write.getByLabel("Note", { exact: true }).fill("Private: I am worried about the cost.");
  await write.getByLabel("Taken for which visit (optional)").selectOption({ label: "Not tied to a visit" });
  await write.getByLabel("Private — only I can see this note").check();
  await write.getByRole("button", { name: "Save the note" }).click();
  await expect(supporter.getByRole("list", { name: "All notes" }).getByRole("listitem")).toHaveCount(2);

  // The owner sees the priority question and the visit note, but not the private note.
  await section(owner, "Questions");
  await expect(owner.getByRole("region", { name: /^Priority questions/ })).toContainText(QUESTION);
  await owner.getByLabel("For which visit", { exact: true }).selectOption({ label: "Second opinion" });
  await expect(owner.getByRole("listitem").filter({ hasText: QUESTION })).toContainText("for the visit: Second opinion");
  await section(owner, "Notes");
  const ownerNotes = owner.getByRole("list", { name: "All notes" });
  await expect(ownerNotes.getByRole("strong")).toHaveText("physio first");
  await expect(ownerNotes.getByRole("listitem")).toHaveCount(1);
  await expect(ownerNotes.getByRole("listitem").first()).toContainText("for the visit: Second opinion");
  await expect(owner.getByText("worried about the cost")).toHaveCount(0);

  // The owner uploads a PDF to a record; the supporter downloads the very same bytes.
  await section(owner, "Records");
  await owner.getByRole("button", { name: "Start from the usual list" }).click();
  const title = "Recent blood test results";
  const record = owner.getByRole("article", { name: title });
  const pdf = minimalPdf();
  // Choosing the file starts the upload.
  await record.getByLabel(`Choose files to add to ${title}`).setInputFiles({ name: "bloods.pdf", mimeType: "application/pdf", buffer: pdf });
  await expect(record.getByRole("status").filter({ hasText: "Added bloods.pdf." })).toBeVisible();

  await section(supporter, "Records");
  const [download] = await Promise.all([
    supporter.waitForEvent("download"),
    supporter.getByRole("article", { name: title }).getByRole("link", { name: /bloods\.pdf/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("bloods.pdf");
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  expect(Buffer.concat(chunks).equals(pdf)).toBe(true);

  expect(ownerViolations).toEqual([]);
  expect(supporterViolations).toEqual([]);
});
