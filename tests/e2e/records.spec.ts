import { readFile } from "node:fs/promises";
import http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { allowUpTo, createCase, minimalPdf, signUpQuickly, uniqueEmail, watchCspViolations } from "./helpers";
import { caseIdOf, trpcHttp } from "./trpc-http";

test("records: the usual list, statuses, a file, the request letter, and the health lists", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const violations = watchCspViolations(page);
  await signUpQuickly(page, "Rosa Reyes", uniqueEmail("rosa"));
  await createCase(page, { patientName: "Rosa Reyes", title: "Hip surgery decision" });

  // Start the list from the usual records.
  const sections = page.getByRole("navigation", { name: "Case sections" });
  await sections.getByRole("link", { name: "Records", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Records to gather" })).toBeVisible();
  await expect(sections.getByRole("link", { name: "Records", exact: true })).toHaveAttribute("aria-current", "page");
  await page.getByRole("button", { name: "Start from the usual list" }).click();
  await expect(page.getByText("8 still missing")).toBeVisible();

  const needed = page.getByRole("region", { name: "Still needed" });
  const requested = page.getByRole("region", { name: "Requested" });
  const received = page.getByRole("region", { name: "Received" });
  await expect(needed.getByRole("article")).toHaveCount(8);

  // Blood results arrive: marked received, they move to their group.
  const bloodTitle = "Recent blood test results";
  // The card's one primary action is the usual next step; any other status is under "More actions".
  const neededBlood = needed.getByRole("article", { name: bloodTitle });
  await expect(neededBlood.getByRole("button", { name: `Mark as requested: ${bloodTitle}` })).toBeVisible();
  await expect(neededBlood.getByRole("button", { name: `Remove ${bloodTitle}` })).toBeHidden();
  await neededBlood.getByRole("button", { name: `More actions: ${bloodTitle}` }).click();
  await neededBlood.getByRole("button", { name: `Change the status of ${bloodTitle}` }).click();
  const status = neededBlood.getByRole("combobox", { name: `Status of ${bloodTitle}` });
  await expect(status).toBeFocused();
  await status.selectOption({ label: "Received" });
  await neededBlood.getByRole("button", { name: `Save status of ${bloodTitle}` }).click();
  const blood = received.getByRole("article", { name: bloodTitle });
  await expect(blood).toBeVisible();
  await expect(blood).toContainText("Received on");
  // Focus follows the record to its new group.
  await expect(blood).toBeFocused();
  await expect(page.getByText("7 still missing")).toBeVisible();

  // A real PDF is added to it, listed, and downloads byte for byte.
  const pdf = minimalPdf();
  // Choosing the file is the whole step: the upload starts at once.
  await blood.getByLabel(`Choose files to add to ${bloodTitle}`).setInputFiles({ name: "blood-results.pdf", mimeType: "application/pdf", buffer: pdf });
  await expect(blood.getByRole("status").filter({ hasText: "Added blood-results.pdf." })).toBeVisible();
  const fileLink = blood.getByRole("link", { name: /blood-results\.pdf/ });
  await expect(fileLink).toBeVisible();
  expect(pdf.length).toBeLessThan(1024);
  await expect(blood).toContainText(`(PDF, ${pdf.length} bytes)`);
  const [download] = await Promise.all([page.waitForEvent("download"), fileLink.click()]);
  expect(download.suggestedFilename()).toBe("blood-results.pdf");
  expect((await readFile(await download.path())).equals(pdf)).toBe(true);

  // A web page dressed up as a PDF is refused, with the reason next to the control.
  await blood.getByLabel(`Choose files to add to ${bloodTitle}`).setInputFiles({
    name: "report.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("<!doctype html><html><body><p>Not a PDF</p></body></html>\n"),
  });
  await expect(blood.getByRole("listitem").filter({ hasText: "report.pdf" }).getByRole("alert")).toContainText("That kind of file can't be added");
  await expect(blood.getByRole("link", { name: /report\.pdf/ })).toHaveCount(0);

  // Two records come from the same clinic: one added, one edited.
  await page.getByLabel("What is it?").fill("Letter from the orthopaedic clinic");
  await page.getByLabel("Kind of record").selectOption({ label: "Clinic notes" });
  await page.getByLabel("Where it comes from (optional)").fill("Riverside Clinic");
  await page.getByRole("button", { name: "Add the record" }).click();
  await expect(needed.getByRole("article", { name: "Letter from the orthopaedic clinic" })).toContainText("From Riverside Clinic");

  const imagingTitle = "Imaging reports (X-ray, CT, MRI, ultrasound)";
  const imaging = needed.getByRole("article", { name: imagingTitle });
  await imaging.getByRole("button", { name: `More actions: ${imagingTitle}` }).click();
  await imaging.getByRole("button", { name: `Edit details of ${imagingTitle}` }).click();
  await expect(imaging.getByLabel("What is it?")).toBeFocused();
  await imaging.getByLabel("Where it comes from (optional)").fill("Riverside Clinic");
  await imaging.getByRole("button", { name: "Save changes" }).click();
  await expect(imaging).toContainText("From Riverside Clinic");
  await expect(imaging.getByRole("button", { name: `More actions: ${imagingTitle}` })).toBeFocused();

  // The request letter to that clinic, with its still-needed records ticked.
  await page.getByRole("link", { name: "Write a records request letter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Records request letter" })).toBeVisible();
  await expect(page.getByLabel("Who are you asking?")).toHaveValue("Riverside Clinic");
  await expect(page.getByRole("checkbox", { name: imagingTitle })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Letter from the orthopaedic clinic" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: bloodTitle })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Notes from recent clinic visits" })).not.toBeChecked();
  await page.getByLabel("Where to send the records").fill("Dr Amara Patel, Lakeside Orthopaedic Centre, fax 555 0100");
  await expect(page.getByLabel("Your name, to sign the letter")).toHaveValue("Rosa Reyes");

  const letter = page.getByRole("textbox", { name: "The letter, ready to copy or print" });
  await expect(letter).toHaveAttribute("readonly", "");
  await expect(letter).toHaveValue(/Dear Riverside Clinic,/);
  await expect(letter).toHaveValue(/Patient: Rosa Reyes/);
  await expect(letter).toHaveValue(/- Test results: imaging report: Imaging reports \(X-ray, CT, MRI, ultrasound\)/);
  await expect(letter).toHaveValue(/- Clinic notes: Letter from the orthopaedic clinic/);
  await expect(letter).toHaveValue(/Dr Amara Patel, Lakeside Orthopaedic Centre, fax 555 0100/);
  await expect(letter).not.toHaveValue(/Recent blood test results/);
  await page.getByRole("button", { name: "Copy letter" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await letter.inputValue());

  await page.getByRole("button", { name: "Mark these as requested" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 records are now marked as requested." })).toBeVisible();

  await page.getByRole("link", { name: "Back to the records" }).click();
  await expect(requested.getByRole("article", { name: imagingTitle })).toContainText("Requested on");
  await expect(requested.getByRole("article", { name: "Letter from the orthopaedic clinic" })).toBeVisible();
  await expect(requested.getByRole("article")).toHaveCount(2);
  // Requested but not yet received still counts as missing.
  await expect(page.getByText("8 still missing")).toBeVisible();

  // Medications and an allergy; the order is changed with Move down.
  await sections.getByRole("link", { name: "Medications & history" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Medications & history" })).toBeVisible();
  const medications = page.getByRole("region", { name: "Medications", exact: true });
  await medications.getByRole("button", { name: "Add a medication" }).click();
  const addMedication = medications.getByRole("form", { name: "Add a medication" });
  await addMedication.getByLabel("Name of the medication").fill("Metformin");
  await addMedication.getByLabel("Dose (optional)").fill("500 mg");
  await addMedication.getByLabel("How often (optional)").fill("Twice a day with food");
  await addMedication.getByRole("button", { name: "Add the medication" }).click();
  await expect(medications.getByRole("listitem", { name: "Metformin" })).toContainText("Twice a day with food");
  await addMedication.getByLabel("Name of the medication").fill("Lisinopril");
  await addMedication.getByLabel("Dose (optional)").fill("10 mg");
  await addMedication.getByRole("button", { name: "Add the medication" }).click();
  await expect(medications.getByRole("listitem", { name: "Lisinopril" })).toBeVisible();
  await expect(medications.getByRole("heading", { level: 3 })).toHaveText(["Metformin", "Lisinopril"]);

  const allergies = page.getByRole("region", { name: "Allergies and reactions" });
  await allergies.getByRole("button", { name: "Add an allergy or reaction" }).click();
  const addAllergy = allergies.getByRole("form", { name: "Add an allergy or reaction" });
  await addAllergy.getByLabel("What causes it").fill("Penicillin");
  await addAllergy.getByLabel("What happens (optional)").fill("Hives");
  await addAllergy.getByLabel("How severe").selectOption({ label: "Moderate" });
  await addAllergy.getByRole("button", { name: "Add the allergy or reaction" }).click();
  const penicillin = allergies.getByRole("listitem", { name: "Penicillin" });
  await expect(penicillin).toContainText("Hives");
  await expect(penicillin).toContainText("Moderate");

  await medications.getByRole("button", { name: "Move down Metformin" }).click();
  await expect(medications.getByRole("heading", { level: 3 })).toHaveText(["Lisinopril", "Metformin"]);
  // Focus stays with the moved item (at the bottom now, on its Move up button).
  await expect(medications.getByRole("button", { name: "Move up Metformin" })).toBeFocused();
  await page.reload();
  await expect(page.getByRole("region", { name: "Medications", exact: true }).getByRole("heading", { level: 3 })).toHaveText(["Lisinopril", "Metformin"]);

  expect(violations).toEqual([]);
});

test("one record that has arrived is not \"nothing missing\" when the usual list was never added", async ({ page }) => {
  await signUpQuickly(page, "Nadia Notall", uniqueEmail("nadia"));
  await createCase(page, { patientName: "Nadia Notall", title: "Only one record" });
  await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Records", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Records to gather" })).toBeVisible();

  await page.getByLabel("What is it?").fill("MRI report from March");
  await page.getByLabel("Kind of record").selectOption({ label: "Test results: imaging report" });
  await page.getByRole("button", { name: "Add the record" }).click();
  const title = "MRI report from March";
  const card = page.getByRole("region", { name: "Still needed" }).getByRole("article", { name: title });
  await card.getByRole("button", { name: `More actions: ${title}` }).click();
  await card.getByRole("button", { name: `Change the status of ${title}` }).click();
  await card.getByRole("combobox", { name: `Status of ${title}` }).selectOption({ label: "Received" });
  await card.getByRole("button", { name: `Save status of ${title}` }).click();

  await expect(page.getByText("The one record on the list has arrived.")).toBeVisible();
  await expect(page.getByText("7 records a second-opinion clinician usually asks for are not on the list yet")).toBeVisible();
  await expect(page.getByText("Nothing is missing.")).toHaveCount(0);

  // Adding the rest of the usual list skips the kind already there.
  await page.getByRole("button", { name: "Add the usual records not listed" }).click();
  await expect(page.getByText("7 still missing")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add the usual records not listed" })).toHaveCount(0);
});

/** Signs up, makes a case with one record, and opens Records. Returns the ids. */
async function caseWithOneRecord(page: Page, title: string) {
  await signUpQuickly(page, "Una Uploader", uniqueEmail("uploader"));
  await createCase(page, { patientName: "Una Uploader", title: "Shoulder pain" });
  const caseId = caseIdOf(page.url());
  const created = await trpcHttp<{ id: string }>(page.request, "record.create", { caseId, title, kind: "clinic_notes", source: "", notes: "", private: false });
  expect(created.status).toBe(200);
  await page.goto(`/cases/${caseId}/records`);
  await expect(page.getByRole("heading", { level: 1, name: "Records to gather" })).toBeVisible();
  return { caseId, recordId: created.data!.id };
}

async function storedFileNames(page: Page, caseId: string, recordId: string): Promise<string[]> {
  const listed = await trpcHttp<{ name: string }[]>(page.request, "file.list", { caseId, recordId }, { kind: "query" });
  expect(listed.status).toBe(200);
  return listed.data!.map((f) => f.name);
}

/** Plain text of `size` bytes: a file the server accepts, large enough to watch its upload. */
const textFile = (name: string, size: number) => ({ name, mimeType: "text/plain", buffer: Buffer.alloc(size, 0x61) });

test("uploads: two files at once, each with its progress; a cancelled one stores nothing; a photo from the camera", async ({ page, context }) => {
  allowUpTo(120_000); // slowed-down uploads, and a file over 25 MB handed to the browser
  const violations = watchCspViolations(page);
  const title = "Letter from the GP";
  const { caseId, recordId } = await caseWithOneRecord(page, title);
  const card = page.getByRole("article", { name: title });

  // A slow connection (about 1 MB/s up), so the progress can be seen, and cancelled, on its way.
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 1024 * 1024 });

  // Two files chosen at once: both start, each with a progress bar named after it.
  await card.getByLabel(`Choose files to add to ${title}`).setInputFiles([textFile("first.txt", 1_500_000), textFile("second.txt", 1_500_000)]);
  await expect(card.getByRole("progressbar", { name: "Uploading first.txt" })).toBeVisible();
  await expect(card.getByRole("progressbar", { name: "Uploading second.txt" })).toBeVisible();
  await expect(card.getByRole("link", { name: /first\.txt/ })).toBeVisible({ timeout: 20_000 });
  await expect(card.getByRole("link", { name: /second\.txt/ })).toBeVisible({ timeout: 20_000 });
  await expect(card.getByRole("progressbar")).toHaveCount(0);
  expect((await storedFileNames(page, caseId, recordId)).sort()).toEqual(["first.txt", "second.txt"]);

  // One too large and one of the wrong kind are refused in the browser, next to each; the good one goes on.
  await card.getByLabel(`Choose files to add to ${title}`).setInputFiles([
    textFile("huge.txt", 25 * 1024 * 1024 + 1),
    { name: "program.exe", mimeType: "application/x-msdownload", buffer: Buffer.from("MZ") },
    textFile("third.txt", 2_000),
  ]);
  await expect(card.getByRole("listitem").filter({ hasText: "huge.txt" }).getByRole("alert")).toContainText("larger than 25 MB");
  await expect(card.getByRole("listitem").filter({ hasText: "program.exe" }).getByRole("alert")).toContainText("That kind of file can't be added");
  await expect(card.getByRole("link", { name: /third\.txt/ })).toBeVisible({ timeout: 20_000 });

  // Removing a file is behind its own "More actions", away from its download link.
  await card.getByRole("button", { name: "More actions: third.txt" }).click();
  await card.getByRole("button", { name: "Remove the file third.txt" }).click();
  await card.getByRole("button", { name: "Yes, remove the file" }).click();
  await expect(card.getByRole("link", { name: /third\.txt/ })).toHaveCount(0);

  // A big file is cancelled on its way: it says so, and nothing of it is stored.
  await card.getByLabel(`Choose files to add to ${title}`).setInputFiles(textFile("big.txt", 8_000_000));
  const bar = card.getByRole("progressbar", { name: "Uploading big.txt" });
  await expect(bar).toBeVisible();
  await expect.poll(async () => Number(await bar.getAttribute("value")), { timeout: 10_000 }).toBeGreaterThan(0);
  await card.getByRole("button", { name: "Cancel uploading big.txt" }).click();
  await expect(card.getByRole("listitem").filter({ hasText: "big.txt" })).toContainText("Cancelled. Nothing was saved.");
  await expect(card.getByRole("status").filter({ hasText: "Cancelled big.txt. Nothing was saved." })).toBeAttached();
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await page.waitForTimeout(1_000); // the server has had time to see the request end
  expect((await storedFileNames(page, caseId, recordId)).sort()).toEqual(["first.txt", "second.txt"]);
  await page.reload();
  await expect(card.getByRole("link", { name: /big\.txt/ })).toHaveCount(0);

  // The camera: its own control, opening the back camera for an image.
  const photo = card.getByLabel(`Take a photo of a paper record for ${title}`);
  await expect(photo).toHaveAttribute("capture", "environment");
  await expect(photo).toHaveAttribute("accept", "image/*");
  await photo.setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: PNG });
  await expect(card.getByRole("link", { name: /photo\.png/ })).toBeVisible();

  expect(violations).toEqual([]);
});

test("on a weak signal, a file chosen before the upload's code arrives is uploaded", async ({ page }) => {
  const title = "Discharge letter";
  await caseWithOneRecord(page, title);
  await page.waitForLoadState("networkidle");
  // From now on each script takes 1.5 s to arrive: the card's upload control is still the server's HTML.
  let scriptsAsked = 0;
  await page.route(/\/_next\/static\/chunks\/.+\.js$/, async (route) => {
    scriptsAsked++;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  const card = page.getByRole("article", { name: title });
  // The tap on "Choose files" asks for the code; the picker opens once it is here, and the upload starts.
  const chooser = page.waitForEvent("filechooser");
  await card.getByText("Choose files", { exact: true }).click();
  await (await chooser).setFiles({ name: "discharge.pdf", mimeType: "application/pdf", buffer: minimalPdf() });
  expect(scriptsAsked).toBeGreaterThan(0);
  await expect(card.getByRole("status").filter({ hasText: "Added discharge.pdf." })).toBeAttached();
  await expect(card.getByRole("link", { name: /discharge\.pdf/ })).toBeVisible();
});

/** A 1 × 1 PNG. */
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

test("an upload cut off on its way stores nothing, with or without a Content-Length", async ({ page, context, baseURL }) => {
  const title = "Scan results";
  const { caseId, recordId } = await caseWithOneRecord(page, title);
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const pdf = Buffer.concat([minimalPdf(), Buffer.alloc(200_000, 0x20)]);

  /** Sends the first half of the file, then drops the connection, as a phone losing signal would. */
  const cutOff = (name: string, headers: Record<string, string>) =>
    new Promise<void>((resolve) => {
      const request = http.request(new URL(`/api/cases/${caseId}/records/${recordId}/files`, baseURL), {
        method: "POST",
        headers: { cookie, "content-type": "application/octet-stream", "x-file-name": name, ...headers },
      });
      request.on("error", () => resolve());
      request.on("response", () => resolve()); // would mean the server answered a half file
      request.write(pdf.subarray(0, pdf.length / 2), () => setTimeout(() => request.destroy(), 300));
    });
  await cutOff("with-length.pdf", { "content-length": String(pdf.length) });
  await cutOff("chunked.pdf", { "transfer-encoding": "chunked" });
  await page.waitForTimeout(1_000); // the server has had time to see both requests end

  // The server carries on: a whole file goes through, and it is the only one stored.
  const whole = await page.request.post(`/api/cases/${caseId}/records/${recordId}/files`, {
    data: pdf,
    headers: { "content-type": "application/octet-stream", "x-file-name": "whole.pdf" },
  });
  expect(whole.status()).toBe(201);
  expect(await storedFileNames(page, caseId, recordId)).toEqual(["whole.pdf"]);
});

test("a long group shows its first eight records; the rest on request, focus on the first that appears, kept on reload", async ({ page }) => {
  const { caseId } = await caseWithOneRecord(page, "Record 1");
  for (let i = 2; i <= 12; i++) {
    const created = await trpcHttp(page.request, "record.create", { caseId, title: `Record ${i}`, kind: "clinic_notes", source: "", notes: "", private: false });
    expect(created.status).toBe(200);
  }
  await page.reload();
  const needed = page.getByRole("region", { name: "Still needed" });
  await expect(needed.getByRole("article")).toHaveCount(8);
  await needed.getByRole("button", { name: "Show 4 more records" }).click();
  await expect(needed.getByRole("article")).toHaveCount(12);
  await expect(needed.getByRole("article").nth(8)).toBeFocused();
  await expect(needed.getByRole("button", { name: /more record/ })).toHaveCount(0);
  // The page's address says so: a reload (or the back button) keeps the whole group in view.
  await page.reload();
  await expect(needed.getByRole("article")).toHaveCount(12);
});
