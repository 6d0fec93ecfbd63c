/**
 * "Who saw and did what" (issue 15 §3): the owner sees a supporter's section visits and download on
 * the page, filters them with the keyboard; the supporter is told and cannot open the page.
 */
import { expect, test } from "@playwright/test";
import { minimalPdf, signUpOverHttp, uniqueEmail } from "./helpers";
import { trpcHttp } from "./trpc-http";

test("the owner sees the supporter's visits and download; the supporter cannot open the log", async ({ browser }) => {
  const ownerContext = await browser.newContext();
  const supporterContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const supporter = await supporterContext.newPage();

  await signUpOverHttp(owner.request, "Olive Owner", uniqueEmail("log-owner"));
  const created = await trpcHttp<{ id: string }>(owner.request, "case.create", {
    patientName: "Olive Owner",
    title: "Hip replacement",
    understanding: "",
    decision: "",
    urgent: false,
  });
  const caseId = created.data!.id;
  const supporterEmail = uniqueEmail("log-supporter");
  const invitation = await trpcHttp<{ link: string }>(owner.request, "invitation.create", { caseId, email: supporterEmail, role: "supporter", message: "" });
  await signUpOverHttp(supporter.request, "Sam Supporter", supporterEmail);
  // The invitation tells them before they join.
  await supporter.goto(new URL(invitation.data!.link).pathname);
  await expect(supporter.getByText("The owner of this case can see which sections you open")).toBeVisible();
  await trpcHttp(supporter.request, "invitation.accept", { token: new URL(invitation.data!.link).pathname.split("/").pop() });

  const record = await trpcHttp<{ id: string }>(owner.request, "record.create", {
    caseId,
    title: "X-ray report",
    kind: "imaging_report",
    source: "",
    notes: "",
    private: false,
  });
  const upload = await owner.request.post(`/api/cases/${caseId}/records/${record.data!.id}/files`, {
    data: minimalPdf(),
    headers: { "content-type": "application/octet-stream", "x-file-name": encodeURIComponent("xray-report.pdf") },
  });
  expect(upload.status()).toBe(201);

  // The supporter opens Questions twice and Records once, and downloads the file from Records.
  const base = `/cases/${caseId}`;
  await supporter.goto(`${base}/questions`);
  await expect(supporter.getByRole("heading", { level: 1, name: "Questions to ask" })).toBeVisible();
  await supporter.reload();
  await expect(supporter.getByRole("heading", { level: 1, name: "Questions to ask" })).toBeVisible();
  await supporter.goto(`${base}/records`);
  const downloading = supporter.waitForEvent("download");
  await supporter.getByRole("link", { name: /xray-report\.pdf/ }).click();
  await (await downloading).path();

  // The supporter is told on the sharing page, and the log itself is not there for them.
  await supporter.goto(`${base}/sharing`);
  await expect(supporter.getByText("The owner of this case can see which sections you open and which files you download")).toBeVisible();
  await expect(supporter.getByRole("link", { name: "See who saw and did what" })).toHaveCount(0);
  await supporter.goto(`${base}/sharing/access-log`);
  await expect(supporter.getByRole("heading", { level: 1, name: "We could not find that page" })).toBeVisible();
  const refused = await trpcHttp(supporter.request, "accessLog.list", { caseId }, { kind: "query" });
  expect(refused.code).toBe("FORBIDDEN");

  // The owner finds the page from Sharing & settings, with the keyboard.
  await owner.goto(`${base}/sharing`);
  const link = owner.getByRole("link", { name: "See who saw and did what" });
  await link.focus();
  await owner.keyboard.press("Enter");
  await expect(owner.getByRole("heading", { level: 1, name: "Who saw and did what" })).toBeVisible();
  const entries = owner.getByRole("region", { name: "Newest first" }).getByRole("listitem");
  // A visit is written just after its page is sent: read the page again until it is there.
  await expect(async () => {
    await owner.reload();
    await expect(entries.filter({ hasText: "Sam Supporter opened Questions (more than once" })).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  // Two loads of Questions are one entry; Records and Sharing & settings one each.
  await expect(entries.filter({ hasText: "Sam Supporter opened Questions" })).toHaveCount(1);
  await expect(entries.filter({ hasText: "Sam Supporter opened Records" })).toHaveCount(1);
  await expect(entries.filter({ hasText: "Sam Supporter opened Sharing & settings" })).toHaveCount(1);
  await expect(entries.filter({ hasText: "Sam Supporter downloaded a file: xray-report.pdf" })).toHaveCount(1);
  // The nav's links to other sections were on screen, but a prefetch is not a visit.
  await expect(entries.filter({ hasText: "Sam Supporter opened Notes" })).toHaveCount(0);

  // Only the supporter's downloads, chosen and shown with the keyboard alone.
  await owner.getByLabel("Person").focus();
  await owner.getByLabel("Person").selectOption({ label: "Sam Supporter" });
  await owner.keyboard.press("Tab");
  await owner.keyboard.press("Tab");
  await expect(owner.getByLabel("What happened")).toBeFocused();
  await owner.getByLabel("What happened").selectOption({ label: "Downloads" });
  await owner.keyboard.press("Tab");
  await expect(owner.getByRole("button", { name: "Show" })).toBeFocused();
  await owner.keyboard.press("Enter");
  await expect(owner).toHaveURL(/person=.*kind=download/);
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText("Sam Supporter downloaded a file: xray-report.pdf");

  await ownerContext.close();
  await supporterContext.close();
});
