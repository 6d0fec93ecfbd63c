import { expect, test } from "@playwright/test";
import { finishSignUpFromMail, linkIn, nextMailTo, PASSWORD, signIn, signOut, signUp, uniqueEmail, watchCspViolations } from "./helpers";

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

test("sign-up answers the same for an address already in use, and emails that address instead (issue 15 §4.5)", async ({ page }) => {
  const email = uniqueEmail("twice");
  await signUp(page, "First Person", email);
  await signOut(page, "First Person");

  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Second Person");
  await page.getByLabel("Email address").fill(email.toUpperCase());
  await page.getByLabel("Choose a password").fill(PASSWORD);
  const since = Date.now();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email to finish creating your account" })).toBeFocused();
  await expect(page.getByText(/already exists/)).toHaveCount(0);
  const mail = await nextMailTo(email, since);
  expect(mail.subject).toMatch(/someone tried to create a secondlook account/i);
  expect(() => linkIn(mail, "/sign-up/finish")).toThrow();
  linkIn(mail, "/forgot-password");
});

test("an emailed sign-up link works once: opened again, it says it no longer works", async ({ page }) => {
  const email = uniqueEmail("once");
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Once Only");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Choose a password").fill(PASSWORD);
  const since = Date.now();
  await page.getByRole("button", { name: "Create account" }).click();
  await finishSignUpFromMail(page, email, since);
  await expect(page.getByRole("heading", { name: "My cases" })).toBeVisible();
  await page.goto(linkIn(await nextMailTo(email, since), "/sign-up/finish"));
  await expect(page.getByRole("heading", { level: 1, name: "This link no longer works" })).toBeVisible();
});

test("a callback path with a tab or a newline never leaves the site, and never fails (issue 15 §4.3)", async ({ page, baseURL }) => {
  // Anonymous: the sign-in page still answers (a newline gave a 500).
  for (const callback of ["%2F%09%2Fevil.example", "%2F%0A%2Fevil.example", "%2F%0D%0A%2Fevil.example", "%2F%5C%2Fevil.example"]) {
    const response = await page.request.get(`/sign-in?callbackUrl=${callback}`, { maxRedirects: 0 });
    expect(response.status(), callback).toBe(200);
  }
  await signUp(page, "Tab Tester", uniqueEmail("tab"));
  // Signed in: the sign-in page sends the person on, to a page of this site.
  await page.goto("/sign-in?callbackUrl=%2F%09%2Fevil.example");
  await expect(page.getByRole("heading", { name: "My cases" })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  for (const callback of ["%2F%0A%2Fevil.example", "%2F%09%2Fevil.example", "%2F%2Fevil.example", "%2F%5Cevil.example"]) {
    const response = await page.request.get(`/sign-in?callbackUrl=${callback}`, { maxRedirects: 0 });
    expect(response.status(), callback).toBeLessThan(400);
    const location = response.headers()["location"] ?? "";
    expect(location, callback).not.toMatch(/evil\.example|^\/\/|^\/\\/);
    expect(new URL(location, baseURL).origin, callback).toBe(new URL(baseURL!).origin);
  }
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

test("wrong passwords tried elsewhere never keep the person's own browser out (issue 15 §4.1)", async ({ page, browser }) => {
  const email = uniqueEmail("besieged");
  await signUp(page, "Bea Besieged", email);
  const device = (await page.context().cookies()).find((c) => c.name === "secondlook.device");
  expect(device?.httpOnly).toBe(true);
  await signOut(page, "Bea Besieged");

  // Someone else, in a browser of their own, tries six wrong passwords.
  const attacker = await browser.newContext();
  const since = Date.now();
  for (let i = 0; i < 6; i++) {
    const { csrfToken } = (await (await attacker.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await attacker.request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password: `guess number ${i}`, callbackUrl: "/cases" },
      maxRedirects: 0,
    });
  }
  const warning = await nextMailTo(email, since);
  expect(warning.subject).toMatch(/several wrong passwords/i);

  // Their browser is held back, even with the right password…
  const attackerPage = await attacker.newPage();
  await signIn(attackerPage, email);
  await expect(attackerPage.getByRole("alert", { name: "We could not sign you in" })).toContainText("Too many sign-in attempts");
  // …while the person's own browser gets straight in.
  await signIn(page, email);
  await expect(page).toHaveURL("/cases");
  await attacker.close();
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
