import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import ICAL from "ical.js";
import { expectNoAxeViolations } from "./axe";
import { allowUpTo, createCase, signUpQuickly, uniqueEmail, watchCspViolations } from "./helpers";

// The reader is in New York; the clinic is in Madrid. The visit must read 10:00 Madrid time to them.
test.use({ timezoneId: "America/New_York" });

const TITLE = "Knee: surgery or physio?";

/** Every axe rule, plus target size (WCAG 2.2 AA) and duplicate ids, as the accessibility spec runs them. */

function eventsIn(ics: string) {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((vevent) => ({
    summary: vevent.getFirstPropertyValue("summary"),
    dtstart: vevent.getFirstPropertyValue("dtstart")?.toString(),
    location: vevent.getFirstPropertyValue("location"),
  }));
}

test("a visit booked in the clinic's time zone reads right from another zone, and its .ics, a dated task's .ics and the calendar feed carry them", async ({ page }) => {
  // Sign-up, a case, an opinion, two axe runs and the account page: a journey, not one step.
  allowUpTo(180_000);
  const violations = watchCspViolations(page);
  await signUpQuickly(page, "Olga Owner", uniqueEmail("calendar"));
  await createCase(page, { patientName: "José", title: TITLE });
  await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Opinions", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Opinions" })).toBeVisible();

  // The zone starts as the browser's own; the person picks the clinic's.
  const zone = page.getByLabel("Time zone of the clinic");
  await expect(zone).toHaveValue("America/New_York");
  await page.getByLabel("Name of this opinion").fill("Second opinion");
  await page.getByRole("radio", { name: "Subspecialist or centre of expertise" }).check();
  await page.getByLabel("Date of the visit", { exact: true }).fill("2026-03-02");
  await page.getByLabel("Time of the visit", { exact: true }).fill("10:00");
  await zone.selectOption("Europe/Madrid");
  await page.getByLabel("Place (optional)").fill("Calle Mayor 1, Madrid");
  await page.getByRole("checkbox", { name: "Olga Owner" }).check();
  await page.getByRole("button", { name: "Add this opinion" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Second opinion" })).toBeVisible();

  const details = page.getByRole("region", { name: "Details" });
  await expect(details).toContainText("Mar 2, 2026, 10:00 AM");
  await expect(details).toContainText("Madrid time (UTC+01:00)");
  await expect(details).toContainText("That is Mar 2, 2026, 4:00 AM where you are.");
  await expect(details).toContainText("Calle Mayor 1, Madrid");
  await expectNoAxeViolations(page, "opinion page with a visit");

  // The visit's .ics: downloaded, parsed, at the right instant.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Add this visit to your calendar (.ics file)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("visit.ics");
  const [event, ...others] = eventsIn(await readFile((await file.path())!, "utf8"));
  expect(others).toEqual([]);
  expect(event).toEqual({ summary: `Visit: ${TITLE}`, dtstart: "2026-03-02T09:00:00Z", location: "Calle Mayor 1, Madrid" });

  // A dated task: its own .ics from the task card, an all-day event on its due day.
  await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Tasks", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tasks" })).toBeVisible();
  const addTask = page.getByRole("region", { name: "Add a task" });
  await addTask.getByLabel("What needs doing").fill("Ask for the MRI disc");
  await addTask.getByLabel("Due date (optional)").fill("2026-03-05");
  await addTask.getByRole("button", { name: "Add the task" }).click();
  await expect(addTask.getByRole("status")).toHaveText("The task was added.");
  const taskDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Add to calendar (.ics file): Ask for the MRI disc" }).click();
  const taskFile = await taskDownload;
  expect(taskFile.suggestedFilename()).toBe("task.ics");
  const [taskEvent, ...moreTasks] = eventsIn(await readFile((await taskFile.path())!, "utf8"));
  expect(moreTasks).toEqual([]);
  // The case's title and the day: not the task's words.
  expect(taskEvent).toEqual({ summary: `Task due: ${TITLE}`, dtstart: "2026-03-05", location: null });
  await expectNoAxeViolations(page, "tasks page with a dated task");

  // The private feed, from the account page: made, read as a calendar app would, turned off.
  await page.goto("/account");
  const calendar = page.getByRole("region", { name: "Your calendar link" });
  await calendar.getByRole("button", { name: "Make my calendar link" }).click();
  const address = (await calendar.locator("code").textContent())!;
  expect(address).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  await expect(calendar.getByRole("link", { name: "Add to my calendar app" })).toHaveAttribute("href", address.replace(/^https?:/, "webcal:"));
  await expectNoAxeViolations(page, "account page with the calendar link shown");
  const feed = await page.request.get(address);
  expect(feed.status()).toBe(200);
  expect(eventsIn(await feed.text())).toEqual([event, taskEvent]);

  await calendar.getByRole("button", { name: "Turn off the calendar link" }).click();
  await expect(calendar.getByRole("status")).toHaveText("The calendar link is off. The old link no longer shows anything.");
  expect((await page.request.get(address)).status()).toBe(404);
  expect(violations).toEqual([]);
});
