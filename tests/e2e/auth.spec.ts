import { expect, test } from "@playwright/test";
import { linkIn, nextMailTo, PASSWORD, signIn, signOut, signUp, uniqueEmail, watchCspViolations } from "./helpers";

test("a person signs up, signs out and signs back in", async ({ page }) => {
  const violations = watchCspViolations(page);
  const email = uniqueEmail("ada");
  await signUp(page, "Ada Lovelace", email);
  await expect(page.getByRole("heading", { name: "Welcome, Ada Lovelace" })).toBeVisible();

  await signOut(page, "Ada Lovelace");
  await expect(page).toHaveURL("/");

  await signIn(page, email);
  await expect(page).toHaveURL("/cases");
  await expect(page.getByRole("heading", { name: "My cases" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("a wrong password gets one message that does not say which part was wrong", async ({ page }) => {
  const email = uniqueEmail("grace");
  await signUp(page, "Grace Hopper", email);
  await signOut(page, "Grace Hopper");

  await signIn(page, email, "not my password at all");
  const summary = page.getByRole("alert", { name: "We could not sign you in" });
  await expect(summary).toContainText("That email and password do not match an account");
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, uniqueEmail("nobody"), PASSWORD);
  await expect(page.getByRole("alert", { name: "We could not sign you in" })).toContainText("That email and password do not match an account");
});

test("sign-up shows field errors next to the fields and keeps what was typed", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Short Password");
  await page.getByLabel("Email address").fill("not-an-email");
  await page.getByLabel("Choose a password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();

  const summary = page.getByRole("alert", { name: "Please check the form" });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: /email address like/ })).toHaveAttribute("href", "#email");
  await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Choose a password")).toHaveAccessibleDescription(/at least 12 characters/i);
  await expect(page.getByLabel("Your name")).toHaveValue("Short Password");
});

test("an email already in use is refused next to the email field", async ({ page }) => {
  const email = uniqueEmail("twice");
  await signUp(page, "First Person", email);
  await signOut(page, "First Person");

  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Second Person");
  await page.getByLabel("Email address").fill(email.toUpperCase());
  await page.getByLabel("Choose a password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Email address")).toHaveAccessibleDescription(/already exists/);
});

test("a protected page sends an anonymous visitor to sign in, then back", async ({ page }) => {
  const email = uniqueEmail("returning");
  await signUp(page, "Returning Person", email);
  await signOut(page, "Returning Person");

  await page.goto("/cases");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=(%2F|\/)cases$/);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL("/cases");
});

test("signing out ends the session on the server, not just in this browser", async ({ page, context }) => {
  const email = uniqueEmail("copied");
  await signUp(page, "Cookie Keeper", email);
  const cookies = await context.cookies();
  await signOut(page, "Cookie Keeper");

  // Someone who copied the session cookie before sign-out gets nothing with it.
  await context.addCookies(cookies);
  await page.goto("/cases");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("pages are served with the security headers", async ({ request }) => {
  const response = await request.get("/");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["strict-transport-security"]).toContain("max-age=");
});

test("a forgotten password is reset through the emailed link, which works once", async ({ page }) => {
  const email = uniqueEmail("katherine");
  await signUp(page, "Katherine Johnson", email);
  await signOut(page, "Katherine Johnson");

  const since = Date.now();
  await page.goto("/forgot-password");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByText("we have sent it a link to choose a new password")).toBeVisible();

  const link = linkIn(await nextMailTo(email, since), "/reset-password");
  await page.goto(link);
  await page.getByLabel("New password").fill("orbit chalk window meadow");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page.getByText("Your password has been changed")).toBeVisible();

  await signIn(page, email, "orbit chalk window meadow");
  await expect(page).toHaveURL("/cases");

  await page.goto(link);
  await page.getByLabel("New password").fill("another brand new phrase");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page.getByText("This reset link has expired or was already used")).toBeVisible();
});
