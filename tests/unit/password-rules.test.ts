import { describe, expect, it } from "vitest";
import { PASSWORD_MIN_LENGTH, ZSignUpInput, passwordProblem } from "@/lib/account";
import { messageRef } from "@/lib/i18n/message-ref";

const TOO_SHORT = messageRef("signIn.validation.passwordTooShort", { min: 12 });
const TOO_COMMON = messageRef("signIn.validation.passwordTooCommon");

describe("password rules", () => {
  it("accepts a long, unusual passphrase", () => {
    expect(passwordProblem("walnut ferry cobalt sunrise")).toBeNull();
  });

  it(`refuses fewer than ${PASSWORD_MIN_LENGTH} characters`, () => {
    expect(passwordProblem("a".repeat(PASSWORD_MIN_LENGTH - 1) + "")).toBe(TOO_SHORT);
    expect(passwordProblem("abcdefghij1")).toBe(TOO_SHORT);
  });

  it("refuses very common passwords whatever their case, and one repeated character", () => {
    expect(passwordProblem("Password1234")).toBe(TOO_COMMON);
    expect(passwordProblem("QWERTY123456")).toBe(TOO_COMMON);
    expect(passwordProblem("zzzzzzzzzzzzzzzz")).toBe(TOO_COMMON);
  });

  it("refuses a password that contains the email's name part", () => {
    expect(passwordProblem("margaret.lee-2026!", "margaret.lee@example.com")).toBe(messageRef("signIn.validation.passwordHasEmail"));
  });

  it("puts the problem on the password field of the sign-up form", () => {
    const result = ZSignUpInput.safeParse({ name: "A", email: "a@example.com", password: "password1234" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["password", TOO_COMMON]]);
  });

  it("trims the name and lower-cases the email", () => {
    const parsed = ZSignUpInput.parse({ name: "  Lee ", email: " Lee@Example.COM ", password: "walnut ferry cobalt sunrise" });
    expect(parsed).toMatchObject({ name: "Lee", email: "lee@example.com" });
  });
});
