import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { createCase, markPriority, PASSWORD, signIn, signUpQuickly, uniqueEmail, watchCspViolations } from "./helpers";
import { caseIdOf, trpcHttp } from "./trpc-http";

const QUESTION = "Why physiotherapy before surgery?";

async function downloaded(page: Page, link: string): Promise<{ name: string; bytes: Buffer }> {
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: link }).click();
  const file = await download;
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

async function pdfText(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, " "); // lines wrap where the page is full
}

test("an owner chooses what goes in a visit packet, downloads it as a PDF, and exports the case", async ({ page }) => {
  const violations = watchCspViolations(page);
  await signUpQuickly(page, "Łukasz Żółć", uniqueEmail("lukasz"));
  await createCase(page, { patientName: "José Żółć", title: "Knee: surgery or physio?", decision: "Surgery now or physiotherapy first" });
  const section = (name: string) => page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name, exact: true }).click();

  await section("Opinions");
  await expect(page.getByRole("heading", { level: 1, name: "Opinions" })).toBeVisible();
  await page.getByLabel("Name of this opinion").fill("Second opinion");
  await page.getByRole("radio", { name: "Subspecialist or centre of expertise" }).check();
  await page.getByRole("button", { name: "Add this opinion" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Second opinion" })).toBeVisible();
  const opinionUrl = page.url();

  await section("Questions");
  await expect(page.getByRole("heading", { level: 1, name: "Questions to ask" })).toBeVisible();
  await page.getByRole("textbox", { name: "Your question" }).fill(QUESTION);
  await page.getByLabel("For which visit (optional)").selectOption({ label: "Second opinion" });
  await page.getByRole("button", { name: "Add to the list" }).click();
  await markPriority(page, QUESTION);

  await section("Medications & history");
  await expect(page.getByRole("heading", { level: 1, name: "Medications & history" })).toBeVisible();
  const medications = page.getByRole("region", { name: "Medications", exact: true });
  await medications.getByRole("button", { name: "Add a medication" }).click();
  const addMedication = medications.getByRole("form", { name: "Add a medication" });
  await addMedication.getByLabel("Name of the medication").fill("Metformin");
  await addMedication.getByLabel("Dose (optional)").fill("500 mg");
  await addMedication.getByRole("button", { name: "Add the medication" }).click();
  await expect(medications.getByRole("listitem", { name: "Metformin" })).toBeVisible();

  // The packet, from the opinion's page: the pinned question and the medication are in by default.
  await page.goto(opinionUrl);
  await page.getByRole("link", { name: "Prepare the visit packet" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Visit packet" })).toBeVisible();
  const preview = page.getByRole("article", { name: "Visit packet: Second opinion" });
  await expect(preview).toContainText(QUESTION);
  await expect(preview).toContainText("Metformin");
  await expect(preview).toContainText("José Żółć");

  // Leave the medications out and name who is coming.
  await page.getByRole("checkbox", { name: "Medications", exact: true }).uncheck();
  await page.getByLabel("Anyone else coming?").fill("My neighbour Ana drives");
  await expect(preview).toContainText("My neighbour Ana drives");
  await expect(preview).not.toContainText("Metformin");
  await expect(page.getByRole("checkbox", { name: "Medications", exact: true })).not.toBeChecked();

  const pdf = await downloaded(page, "Download in English");
  expect(pdf.name).toBe("Visit packet - Second opinion.pdf");
  expect(pdf.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const text = await pdfText(pdf.bytes);
  expect(text).toContain(QUESTION);
  expect(text).toContain("José Żółć");
  expect(text).toContain("Łukasz Żółć");
  expect(text).toContain("My neighbour Ana drives");
  expect(text).not.toContain("Metformin");

  // The export, from Sharing & settings.
  await section("Sharing & settings");
  const exported = await downloaded(page, "Download the whole case (JSON)");
  expect(exported.name).toMatch(/\.json$/);
  const data = JSON.parse(exported.bytes.toString("utf8")) as { format: string; version: number; questions: { text: string }[]; medications: { dose: string }[] };
  expect(data).toMatchObject({ format: "secondlook.case-export", version: 1 });
  expect(data.questions.map((q) => q.text)).toEqual([QUESTION]);
  expect(data.medications.map((m) => m.dose)).toEqual(["500 mg"]);
  const comparison = await downloaded(page, "Download the comparison and decision (PDF) in English");
  expect(await pdfText(comparison.bytes)).toContain("Comparison and decision: Knee: surgery or physio?");

  await page.goto("/cases");
  await page.getByRole("link", { name: "Knee: surgery or physio?" }).click();
  // The feed groups the two exports into one line, which opens to each of them.
  const exports = page.getByText("exported the case 2 times");
  await expect(exports).toBeVisible();
  await exports.click();
  await expect(page.getByText("Exported the whole case (JSON)")).toBeVisible();
  expect(violations).toEqual([]);
});

test("the PDF, the printout and the preview follow the boxes as they are on screen, with nothing submitted", async ({ page }) => {
  const violations = watchCspViolations(page);
  await signUpQuickly(page, "Priya Print", uniqueEmail("priya"));
  await createCase(page, { patientName: "Priya Print", title: "Hip: which surgeon?" });
  const caseId = caseIdOf(page.url());
  const created = <T>(result: Promise<{ status: number; data?: T }>) =>
    result.then((r) => {
      expect(r.status).toBe(200);
      return r.data!;
    });
  const opinion = await created<{ id: string }>(
    trpcHttp(page.request, "opinion.create", {
      caseId,
      label: "Hip clinic",
      clinician: "",
      specialty: "",
      institution: "",
      kind: "subspecialist",
      visitAt: null,
      status: "considering",
      inNetwork: "unknown",
      referralNeeded: "unknown",
      preApprovalNeeded: "unknown",
      expectedCosts: "",
    }),
  );
  for (const name of ["Metformin", "Lisinopril"]) {
    await created(trpcHttp(page.request, "healthList.medication.create", { caseId, name, dose: "", frequency: "", purpose: "", prescriber: "", notes: "" }));
  }
  const packetPath = `/cases/${caseId}/opinions/${opinion.id}/packet`;
  await page.goto(packetPath);
  const preview = page.getByRole("article", { name: "Visit packet: Hip clinic" });
  await expect(preview).toContainText("Metformin");
  const metformin = page.getByRole("checkbox", { name: "Metformin", exact: true });

  // Untick, then download straight away: the PDF leaves it out, and so does the preview.
  await metformin.uncheck();
  const without = await pdfText((await downloaded(page, "Download in English")).bytes);
  expect(without).toContain("Lisinopril");
  expect(without).not.toContain("Metformin");
  await expect(preview).not.toContainText("Metformin");
  await expect(preview).toContainText("Lisinopril");
  await expect(page.getByRole("button", { name: "Show the packet with these choices" })).toHaveCount(0);

  // The printout is the preview: the chooser and buttons are hidden, the unticked item is absent.
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute("data-printed", "yes");
  });
  await page.getByRole("button", { name: "Print the packet" }).click();
  await expect(page.locator("body")).toHaveAttribute("data-printed", "yes");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("heading", { name: "Choose what goes in" })).toBeHidden();
  await expect(preview).toBeVisible();
  await expect(preview).not.toContainText("Metformin");
  await page.emulateMedia({ media: "screen" });

  // A section box counts too; and the address keeps the choice, so a reload shows the same packet.
  await page.getByRole("checkbox", { name: "Who is coming along", exact: true }).uncheck();
  await expect(preview.getByRole("heading", { name: "Who is coming along" })).toHaveCount(0);
  const noPeople = await pdfText((await downloaded(page, "Download in English")).bytes);
  expect(noPeople).not.toContain("Who is coming along");
  await page.reload();
  await expect(metformin).not.toBeChecked();
  await expect(preview).not.toContainText("Metformin");

  // Tick it again: back in the preview and the PDF at once.
  await metformin.check();
  await expect(preview).toContainText("Metformin");
  const withIt = await pdfText((await downloaded(page, "Download in English")).bytes);
  expect(withIt).toContain("Metformin");
  expect(withIt).toContain("Lisinopril");
  expect(violations).toEqual([]);
});

test("a person deletes their account after a clear warning, and cannot sign in again", async ({ page }) => {
  const email = uniqueEmail("dora");
  await signUpQuickly(page, "Dora Departing", email);
  await createCase(page, { patientName: "Dora Departing", title: "Shoulder decision" });

  await page.getByRole("button", { name: "Dora Departing, account menu" }).click();
  await page.getByRole("link", { name: "Account and email settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  const danger = page.getByRole("region", { name: "Delete your account" });
  await expect(danger).toContainText("You own one case. It will be deleted for every member");
  await expect(danger.getByRole("listitem")).toContainText("Shoulder decision — only you are in it.");

  await danger.getByLabel("Your password, to confirm").fill("not the password at all");
  await danger.getByRole("button", { name: "Delete my account and the case I own" }).click();
  await expect(danger.getByText("That password is not right. Nothing was deleted.").first()).toBeVisible();

  await danger.getByLabel("Your password, to confirm").fill(PASSWORD);
  await danger.getByRole("button", { name: "Delete my account and the case I own" }).click();
  await expect(page.getByText("Your account has been deleted.")).toBeVisible();
  await expect(page).toHaveURL(/\/\?accountDeleted=1$/);
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" })).toBeVisible();

  await signIn(page, email);
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
});
