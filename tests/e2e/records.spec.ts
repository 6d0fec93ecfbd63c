import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { createCase, minimalPdf, signUpQuickly, uniqueEmail, watchCspViolations } from "./helpers";

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
  await needed
    .getByRole("article", { name: bloodTitle })
    .getByRole("combobox", { name: `Status of ${bloodTitle}` })
    .selectOption({ label: "Received" });
  await needed.getByRole("article", { name: bloodTitle }).getByRole("button", { name: "Save status" }).click();
  const blood = received.getByRole("article", { name: bloodTitle });
  await expect(blood).toBeVisible();
  await expect(blood).toContainText("Received on");
  // Focus follows the record to its new group.
  await expect(blood).toBeFocused();
  await expect(page.getByText("7 still missing")).toBeVisible();

  // A real PDF is added to it, listed, and downloads byte for byte.
  const pdf = minimalPdf();
  await blood.getByLabel(`Add a file to ${bloodTitle}`).setInputFiles({ name: "blood-results.pdf", mimeType: "application/pdf", buffer: pdf });
  await blood.getByRole("button", { name: "Upload file" }).click();
  await expect(blood.getByRole("status").filter({ hasText: "Added blood-results.pdf." })).toBeVisible();
  const fileLink = blood.getByRole("link", { name: /blood-results\.pdf/ });
  await expect(fileLink).toBeVisible();
  expect(pdf.length).toBeLessThan(1024);
  await expect(blood).toContainText(`(PDF, ${pdf.length} bytes)`);
  const [download] = await Promise.all([page.waitForEvent("download"), fileLink.click()]);
  expect(download.suggestedFilename()).toBe("blood-results.pdf");
  expect((await readFile(await download.path())).equals(pdf)).toBe(true);

  // A web page dressed up as a PDF is refused, with the reason next to the control.
  await blood.getByLabel(`Add a file to ${bloodTitle}`).setInputFiles({
    name: "report.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("<!doctype html><html><body><p>Not a PDF</p></body></html>\n"),
  });
  await blood.getByRole("button", { name: "Upload file" }).click();
  await expect(blood.getByRole("alert")).toContainText("That kind of file can't be added");
  await expect(blood.getByRole("link", { name: /report\.pdf/ })).toHaveCount(0);

  // Two records come from the same clinic: one added, one edited.
  await page.getByLabel("What is it?").fill("Letter from the orthopaedic clinic");
  await page.getByLabel("Kind of record").selectOption({ label: "Clinic notes" });
  await page.getByLabel("Where it comes from (optional)").fill("Riverside Clinic");
  await page.getByRole("button", { name: "Add the record" }).click();
  await expect(needed.getByRole("article", { name: "Letter from the orthopaedic clinic" })).toContainText("From Riverside Clinic");

  const imagingTitle = "Imaging reports (X-ray, CT, MRI, ultrasound)";
  const imaging = needed.getByRole("article", { name: imagingTitle });
  await imaging.getByRole("button", { name: `Edit ${imagingTitle}` }).click();
  await imaging.getByLabel("Where it comes from (optional)").fill("Riverside Clinic");
  await imaging.getByRole("button", { name: "Save changes" }).click();
  await expect(imaging).toContainText("From Riverside Clinic");
  await expect(imaging.getByRole("button", { name: `Edit ${imagingTitle}` })).toBeFocused();

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
  await card.getByRole("combobox", { name: `Status of ${title}` }).selectOption({ label: "Received" });
  await card.getByRole("button", { name: "Save status" }).click();

  await expect(page.getByText("The one record on the list has arrived.")).toBeVisible();
  await expect(page.getByText("7 records a second-opinion clinician usually asks for are not on the list yet")).toBeVisible();
  await expect(page.getByText("Nothing is missing.")).toHaveCount(0);

  // Adding the rest of the usual list skips the kind already there.
  await page.getByRole("button", { name: "Add the usual records not listed" }).click();
  await expect(page.getByText("7 still missing")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add the usual records not listed" })).toHaveCount(0);
});
