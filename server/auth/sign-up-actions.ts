"use server";
/** The server action behind the emailed sign-up link's "Finish creating my account" button. */
import "server-only";
import { CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/vocabulary/account";
import { getDb } from "@/server/database/connection";
import { signIn } from "./index";
import { pendingSignUp } from "./sign-up";

/** Creates the account from the link and signs this browser in, then goes where sign-up started. */
export async function finishSignUpAction(token: string): Promise<void> {
  const pending = typeof token === "string" ? await pendingSignUp(await getDb(), token) : null;
  let created = false;
  if (pending) {
    try {
      await signIn("sign-up-link", { token, redirect: false });
      created = true;
    } catch (error) {
      if (!(error instanceof CredentialsSignin)) throw error;
    }
  }
  // Used meanwhile (another tab) or expired: the page then says the link no longer works.
  if (!created || !pending) redirect(`/sign-up/finish?token=${encodeURIComponent(String(token))}`);
  redirect(safeCallbackPath(pending.nextPath));
}
