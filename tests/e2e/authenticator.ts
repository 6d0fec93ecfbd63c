/** What an authenticator app would show, for the specs that sign in with two-step (TOTP, 30-second steps). */
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";

const STEP_MS = 30_000;

/** The code an authenticator app shows for `keyText` (as the page shows it), `steps` 30-second steps from now. */
export function codeFor(keyText: string, steps = 0): string {
  const key = decodeBase32IgnorePadding(keyText.replace(/\s/g, ""));
  return generateHOTP(key, BigInt(Math.floor(Date.now() / STEP_MS) + steps), 6);
}

/**
 * The code of the step before this one, which a set-up confirms with so that the current step stays
 * free for the sign-in after it (a step is accepted once). The server takes one step either side of
 * its own now: in a step's last seconds the code could be two behind when it arrives, so those are
 * waited out first.
 */
export async function previousStepCode(keyText: string): Promise<string> {
  const intoStep = Date.now() % STEP_MS;
  if (intoStep > STEP_MS - 5_000) await new Promise((resolve) => setTimeout(resolve, STEP_MS - intoStep + 100));
  return codeFor(keyText, -1);
}
