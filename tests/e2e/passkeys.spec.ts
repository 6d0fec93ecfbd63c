/**
 * Passkeys in a real browser: Chromium's virtual authenticator (CDP WebAuthn domain: ctap2, resident
 * keys, user verification) stands in for a phone or laptop. A passkey is added on the account page,
 * signs in without an email or password (by the button, and as the email field's suggestion), is
 * renamed and removed; the section and the sign-in page pass axe, and the section works with the
 * keyboard alone.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { allowUpTo, nextMailTo, signOut, signUpQuickly, uniqueEmail } from "./helpers";

/** A platform authenticator that verifies the person (as a fingerprint would) without a prompt. */
async function addVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable", { enableUI: false });
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    credentials: async () => (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials,
  };
}


const passkeysSection = (page: Page) => page.getByRole("region", { name: "Passkeys" });

/**
 * Turns off the passkey suggestions in the email field for this page: the virtual authenticator
 * answers such a waiting request by itself, which would race the button this test presses.
 */
async function withoutPasskeySuggestions(page: Page) {
  await page.addInitScript(() => {
    Object.defineProperty(PublicKeyCredential, "isConditionalMediationAvailable", { value: async () => false });
  });
}

async function addPasskeyOnAccountPage(page: Page, name: string) {
  await page.goto("/account");
  const section = passkeysSection(page);
  await section.getByLabel("Name for the new passkey").fill(name);
  await section.getByRole("button", { name: "Add a passkey" }).click();
  await expect(section.getByText(`The passkey “${name}” has been added.`)).toBeVisible();
}

test("a passkey added on the account page signs in without a password, and once removed it no longer does", async ({ page }) => {
  await withoutPasskeySuggestions(page);
  const authenticator = await addVirtualAuthenticator(page);
  const name = "Pia Passkey";
  const email = uniqueEmail("passkey");
  await signUpQuickly(page, name, email);

  await page.goto("/account");
  const section = passkeysSection(page);
  await expect(section.getByText("You have no passkeys yet.")).toBeVisible();
  const beforeAdding = Date.now();
  await section.getByLabel("Name for the new passkey").fill("Kitchen laptop");
  await section.getByRole("button", { name: "Add a passkey" }).click();
  await expect(section.getByText("The passkey “Kitchen laptop” has been added.")).toBeVisible();
  const list = section.getByRole("list", { name: "Your passkeys" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list.getByRole("listitem").first()).toContainText("not used yet");
  const [credential] = await authenticator.credentials();
  expect(credential?.isResidentCredential).toBe(true);
  const addedMail = await nextMailTo(email, beforeAdding);
  expect(addedMail.subject).toBe("A passkey was added to your SecondLook account");

  await signOut(page, name);
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("heading", { name: "My cases" })).toBeVisible();

  await page.goto("/account");
  await expect(list.getByRole("listitem").first()).toContainText("last used");

  await list.getByRole("button", { name: "Rename Kitchen laptop" }).click();
  await section.getByLabel("New name for “Kitchen laptop”").fill("Work laptop");
  await section.getByRole("button", { name: "Save name" }).click();
  await expect(list.getByRole("listitem").first()).toContainText("Work laptop");
  await expect(list.getByRole("button", { name: "Rename Work laptop" })).toBeFocused();

  const beforeRemoving = Date.now();
  await list.getByRole("button", { name: "Remove Work laptop" }).click();
  await section.getByRole("button", { name: "Remove passkey" }).click();
  await expect(section.getByText("You have no passkeys yet.")).toBeVisible();
  const removedMail = await nextMailTo(email, beforeRemoving);
  expect(removedMail.subject).toBe("A passkey was removed from your SecondLook account");

  // The device still holds the key, but the account no longer accepts it.
  await signOut(page, name);
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "passkey" })).toHaveText(
    "That passkey could not be used to sign in. Try again, or sign in with your email and password.",
  );
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the browser's passkey suggestion in the email field signs in (conditional mediation)", async ({ page }) => {
  await addVirtualAuthenticator(page);
  const name = "Sam Suggestion";
  await signUpQuickly(page, name, uniqueEmail("passkey-autofill"));
  await addPasskeyOnAccountPage(page, "Laptop");
  await signOut(page, name);

  // A person would pick the passkey from the email field's suggestions; the virtual authenticator
  // picks its only one by itself. Nothing is typed and no button is pressed.
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "My cases" })).toBeVisible();
});

/** Tabs until `locator` has focus. */
async function tabTo(page: Page, locator: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await locator.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  await expect(locator).toBeFocused();
}

test("the passkeys section and the sign-in page pass axe, and passkeys are added, renamed and removed with the keyboard alone", async ({ page }) => {
  // Several axe runs, one on the account page, which now also holds the email settings and the calendar
  // link: past a minute in a full CI run, though about half that alone.
  allowUpTo(120_000);
  await addVirtualAuthenticator(page);
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in with a passkey" })).toBeVisible();
  // Where saved passkeys are suggested (no passkey exists yet in this browser).
  await expect(page.getByLabel("Email address")).toHaveAttribute("autocomplete", "username webauthn");
  await expectNoAxeViolations(page, "sign-in with the passkey button");

  await signUpQuickly(page, "Kai Keyboard", uniqueEmail("passkey-keys"));
  await page.goto("/account");
  const section = passkeysSection(page);
  await expect(section.getByText("You have no passkeys yet.")).toBeVisible();
  await expectNoAxeViolations(page, "account page, no passkeys");

  // Add: the name field, then Enter submits.
  const nameField = section.getByLabel("Name for the new passkey");
  await tabTo(page, nameField);
  await page.keyboard.type("Phone");
  await page.keyboard.press("Enter");
  await expect(section.getByText("The passkey “Phone” has been added.")).toBeVisible();
  await expectNoAxeViolations(page, "account page, one passkey");

  // Rename: the button, type, Enter; focus comes back to the button.
  const rename = section.getByRole("button", { name: "Rename Phone" });
  await tabTo(page, rename);
  await page.keyboard.press("Enter");
  const newName = section.getByLabel("New name for “Phone”");
  await expect(newName).toBeFocused();
  await expectNoAxeViolations(page, "account page, renaming a passkey");
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("Old phone");
  await page.keyboard.press("Enter");
  await expect(section.getByRole("button", { name: "Rename Old phone" })).toBeFocused();

  // Remove: the button, then the confirmation step's button.
  await page.keyboard.press("Tab");
  await expect(section.getByRole("button", { name: "Remove Old phone" })).toBeFocused();
  await page.keyboard.press("Enter");
  const confirm = section.getByRole("button", { name: "Remove passkey" });
  await expect(confirm).toBeVisible();
  await expectNoAxeViolations(page, "account page, confirming removal");
  await tabTo(page, confirm);
  await page.keyboard.press("Enter");
  await expect(section.getByText("You have no passkeys yet.")).toBeVisible();
});
