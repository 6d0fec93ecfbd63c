/**
 * Issue 15 §1, through the browser and the run's real mail server: signing in by emailed link (bound
 * to the browser that asked), two-step sign-in with an authenticator app (codes computed here from the
 * key the page shows) and a recovery code, and an owner requiring two-step for everyone in a case.
 * Each new page gets an axe check and is used with the keyboard.
 */
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { codeFor, previousStepCode } from "./authenticator";
import { expectNoAxeViolations } from "./axe";
import { allowUpTo, createCase, inviteAndJoin, linkIn, nextMailTo, PASSWORD, signOut, signUpOverHttp, signUpQuickly, uniqueEmail } from "./helpers";
import { trpcHttp } from "./trpc-http";


/** Turns two-step on over HTTP for the account signed in on `request`; returns the key. */
async function twoStepOverHttp(request: APIRequestContext): Promise<string> {
  const setup = await trpcHttp<{ secretText: string }>(request, "twoStep.beginSetup", undefined);
  expect(setup.status, `twoStep.beginSetup: ${setup.code}`).toBe(200);
  const confirmed = await trpcHttp(request, "twoStep.confirmSetup", { code: await previousStepCode(setup.data!.secretText) });
  expect(confirmed.status, `twoStep.confirmSetup: ${confirmed.code}`).toBe(200);
  return setup.data!.secretText;
}

test("signing in by emailed link: it works once, and only in the browser that asked for it", async ({ page, browser, playwright, baseURL }) => {
  const email = uniqueEmail("link");
  const api = await playwright.request.newContext({ baseURL });
  await signUpOverHttp(api, "Lina Link", email);

  await page.goto("/sign-in");
  await expectNoAxeViolations(page, "/sign-in");
  const since = Date.now();
  // Keyboard only: type the address and press Enter.
  await page.getByLabel("Your email, for the link").fill(email);
  await page.getByLabel("Your email, for the link").press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "we have emailed it a sign-in link" })).toBeVisible();
  const link = linkIn(await nextMailTo(email, since), "/sign-in/link");

  // Another browser is told plainly where to open it, and cannot use it.
  const elsewhere = await (await browser.newContext()).newPage();
  await elsewhere.goto(link);
  await expect(elsewhere.getByText("Please open this link on the device where you asked for it.")).toBeVisible();
  await expect(elsewhere.getByRole("button", { name: "Sign in to SecondLook" })).toHaveCount(0);
  await expectNoAxeViolations(elsewhere, "/sign-in/link in another browser");

  await page.goto(link);
  await expectNoAxeViolations(page, "/sign-in/link");
  await page.getByRole("button", { name: "Sign in to SecondLook" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "My cases" })).toBeVisible();

  // Used once: opening it again signs nobody in.
  await elsewhere.goto(link);
  await expect(elsewhere.getByText("This sign-in link has expired or was already used.")).toBeVisible();
});

test("an address without an account gets the same answer and no mail", async ({ page }) => {
  const email = uniqueEmail("no-account");
  await page.goto("/sign-in");
  await page.getByLabel("Your email, for the link").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("status").filter({ hasText: `If ${email} has a SecondLook account, we have emailed it a sign-in link.` })).toBeVisible();
});

test("two-step sign-in: set up on the account page, then a code after the password, and a recovery code once", async ({ page, browser }) => {
  allowUpTo(120_000); // five axe runs and two browsers
  const email = uniqueEmail("two-step");
  await signUpQuickly(page, "Tomas Two", email);

  await page.goto("/account");
  await page.getByRole("button", { name: "Set up two-step sign-in" }).click();
  await expect(page.getByRole("img", { name: "QR code to add SecondLook to your authenticator app" })).toBeVisible();
  await expectNoAxeViolations(page, "/account, setting up two-step");
  const keyText = (await page.locator("code").first().textContent()) ?? "";
  const since = Date.now();
  await page.getByLabel("6-digit code from the app").fill(codeFor(keyText));
  await page.getByLabel("6-digit code from the app").press("Enter");
  const codes = page.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  await expectNoAxeViolations(page, "/account, recovery codes");
  const recoveryCode = (await codes.nth(0).textContent())!;
  expect((await nextMailTo(email, since)).subject).toMatch(/two-step sign-in is now on/i);
  await page.getByRole("button", { name: "I have saved my recovery codes" }).click();
  await expect(page.getByText("Two-step sign-in is on.")).toBeVisible();

  // Signing in now asks for the code, after the password; keyboard only.
  await signOut(page, "Tomas Two");
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Password").press("Enter");
  await expect(page.getByRole("heading", { name: "Two-step sign-in" })).toBeVisible();
  await expectNoAxeViolations(page, "/sign-in/two-step");
  const codeField = page.getByLabel("Code from your authenticator app");
  await expect(codeField).toBeFocused();
  await expect(codeField).toHaveAttribute("autocomplete", "one-time-code");
  await page.keyboard.type("000000" === codeFor(keyText, 1) ? "111111" : "000000");
  await page.keyboard.press("Enter");
  await expect(codeField).toHaveAccessibleDescription(/did not work/);
  await expect(codeField).toBeFocused();
  // The set-up used this step's code; the next step's is accepted (one step either side).
  await page.keyboard.type(codeFor(keyText, 1));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "My cases" })).toBeVisible();

  // Lost phone: a recovery code signs in, once, and the person is told by email.
  const other = await (await browser.newContext()).newPage();
  await other.goto("/sign-in");
  await other.getByLabel("Email address").fill(email);
  await other.getByLabel("Password").fill(PASSWORD);
  await other.getByRole("button", { name: "Sign in", exact: true }).click();
  await other.getByRole("link", { name: "Get back into your account" }).click();
  await expect(other.getByRole("heading", { name: "Lost your authenticator and recovery codes?" })).toBeVisible();
  await expectNoAxeViolations(other, "/sign-in/recover");
  await other.goBack();
  const recoveredAt = Date.now();
  await other.getByLabel("Code from your authenticator app").fill(recoveryCode);
  await other.getByRole("button", { name: "Continue" }).click();
  await expect(other.getByRole("heading", { name: "My cases" })).toBeVisible();
  expect((await nextMailTo(email, recoveredAt)).subject).toMatch(/recovery code was used/i);
});

test("an owner requires two-step for the case: a member without it finds it locked, with a way to set it up", async ({ page, browser }) => {
  await signUpQuickly(page, "Olga Owner", uniqueEmail("strict-owner"));
  await twoStepOverHttp(page.request);
  await page.goto("/cases");
  await createCase(page, { patientName: "Olga Owner", title: "Hip replacement choice" });
  const caseUrl = page.url();
  const member = await inviteAndJoin(page, browser, { name: "Sam Helper", email: uniqueEmail("strict-member"), role: "Supporter" });

  await page.goto(`${caseUrl}/sharing`);
  const requirement = page.getByRole("button", { name: "Require two-step sign-in for everyone in this case" });
  await requirement.click();
  await expect(requirement).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText("Saved: two-step sign-in is now required.")).toBeVisible();

  for (const path of ["", "/notes", "/records"]) {
    await member.goto(`${caseUrl}${path}`);
    await expect(member.getByRole("heading", { level: 1, name: "This case asks for two-step sign-in" })).toBeVisible();
  }
  await expectNoAxeViolations(member, "/cases/locked");
  // Over the API too: every case procedure refuses (the matrix test covers them all).
  expect((await trpcHttp(member.request, "case.get", { caseId: caseUrl.split("/").pop() }, { kind: "query" })).code).toBe("FORBIDDEN");

  await member.getByRole("link", { name: "Set up two-step sign-in" }).click();
  await expect(member.getByRole("heading", { name: "Two-step sign-in" })).toBeVisible();
  await twoStepOverHttp(member.request);
  await member.goto(caseUrl);
  await expect(member.getByRole("heading", { level: 1, name: "Hip replacement choice" })).toBeVisible();
});

test("lost authenticator and no recovery code: an emailed link starts a 24-hour wait, which the email lets the person cancel", async ({ page, playwright, baseURL }) => {
  const email = uniqueEmail("lost-phone");
  const api = await playwright.request.newContext({ baseURL });
  await signUpOverHttp(api, "Luis Lost", email);
  await twoStepOverHttp(api);

  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Password").press("Enter");
  await page.getByRole("link", { name: "Get back into your account" }).click();
  const since = Date.now();
  await page.getByRole("button", { name: "Email me a link to turn off two-step sign-in" }).click();
  await expect(page.getByText("We have emailed you a link.")).toBeVisible();

  await page.goto(linkIn(await nextMailTo(email, since), "/sign-in/recover/start"));
  await expectNoAxeViolations(page, "/sign-in/recover/start");
  const started = Date.now();
  await page.getByRole("button", { name: "Start the 24-hour wait" }).click();
  await expect(page.getByText("Started. Two-step sign-in will be turned off on")).toBeVisible();

  const startMail = await nextMailTo(email, started);
  expect(startMail.subject).toMatch(/will be turned off in 24 hours/i);
  const cancel = await (await page.context().browser()!.newContext()).newPage();
  await cancel.goto(linkIn(startMail, "/sign-in/recover/cancel"));
  await expectNoAxeViolations(cancel, "/sign-in/recover/cancel");
  await cancel.getByRole("button", { name: "Cancel turning off two-step sign-in" }).press("Enter");
  await expect(cancel.getByText("Cancelled. Two-step sign-in stays on.")).toBeVisible();
});

test("an account without a password: remove it on the account page, then sign in by emailed link", async ({ page }) => {
  const email = uniqueEmail("no-password");
  await signUpQuickly(page, "Nora Nopass", email);
  await page.goto("/account");
  await expectNoAxeViolations(page, "/account");
  const removedAt = Date.now();
  await page.getByRole("button", { name: "Remove my password" }).click();
  await expect(page.getByText("Your password is removed.")).toBeVisible();
  expect((await nextMailTo(email, removedAt)).subject).toMatch(/password was removed/i);
  await expect(page.getByRole("button", { name: "Set a password" })).toBeVisible();

  await signOut(page, "Nora Nopass");
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();

  const since = Date.now();
  await page.getByLabel("Your email, for the link").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  // The email is sent before the answer that sets this browser's binding cookie arrives: wait for it.
  await expect(page.getByRole("status").filter({ hasText: `If ${email} has a SecondLook account, we have emailed it a sign-in link.` })).toBeVisible();
  await page.goto(linkIn(await nextMailTo(email, since), "/sign-in/link"));
  await page.getByRole("button", { name: "Sign in to SecondLook" }).click();
  await expect(page.getByRole("heading", { name: "My cases" })).toBeVisible();
});

test("'Keep me signed in' chosen with the password holds through the code step", async ({ page }) => {
  const email = uniqueEmail("two-step-kept");
  await signUpQuickly(page, "Kira Kept", email);
  const keyText = await twoStepOverHttp(page.request);
  await signOut(page, "Kira Kept");

  const codeStep = async (on: Page, remember: boolean, step: number) => {
    await on.goto("/sign-in");
    await on.getByLabel("Email address").fill(email);
    await on.getByLabel("Password").fill(PASSWORD);
    if (remember) {
      // The hint's number of days is written by the server, from the configuration (30 by default).
      await expect(on.getByText(/you stay signed in for up to 30 days/)).toBeVisible();
      await on.getByLabel("Keep me signed in on this device").check();
    }
    await on.getByRole("button", { name: "Sign in", exact: true }).click();
    await on.getByLabel("Code from your authenticator app").fill(codeFor(keyText, step));
    await on.getByRole("button", { name: "Continue" }).click();
    await expect(on.getByRole("heading", { name: "My cases" })).toBeVisible();
    const list = await trpcHttp<{ current: boolean; remembered: boolean }[]>(on.request, "session.list", undefined, { kind: "query" });
    return list.data?.find((s) => s.current);
  };

  expect(await codeStep(page, true, 0)).toMatchObject({ remembered: true });
  // And unticked stays unticked: the choice of an earlier sign-in in this browser does not linger.
  await signOut(page, "Kira Kept");
  expect(await codeStep(page, false, 1)).toMatchObject({ remembered: false });
});
