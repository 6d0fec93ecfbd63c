/**
 * next-auth's session cookie, written and read outside next-auth for two moments it does not cover
 * (ASVS 7.2.4): after "confirm it's you" the session is rotated and the browser gets a cookie naming
 * the new one (recent-proof.ts), and a sign-in in a browser that still holds a session cookie ends
 * that older session (the jwt callback in index.ts). Same name, options, key and format as next-auth's
 * own (@auth/core's defaults with our `useSecureCookies`), so next-auth reads it as its own.
 */
import "server-only";
import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { config, resolveAuthSecret } from "@/server/env";
import { SESSION_MAX_AGE_SECONDS, type SessionUser } from "./sessions";

export function sessionCookieName(secure = config().secureCookies): string {
  return `${secure ? "__Secure-" : ""}authjs.session-token`;
}

function encodedSession(user: SessionUser, sessionId: string, name: string): Promise<string> {
  return encode({
    token: { sub: user.id, name: user.name, email: user.email, sid: sessionId },
    secret: resolveAuthSecret(config()),
    salt: name,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

/** The cookie naming `sessionId` for `user`, as a Set-Cookie header value (for a tRPC answer). */
export async function sessionCookieHeader(user: SessionUser, sessionId: string): Promise<string> {
  const appConfig = config();
  const name = sessionCookieName(appConfig.secureCookies);
  const value = await encodedSession(user, sessionId, name);
  const expires = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000).toUTCString();
  return `${name}=${value}; Path=/; Expires=${expires}; Max-Age=${SESSION_MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${appConfig.secureCookies ? "; Secure" : ""}`;
}

/** Sets the cookie naming `sessionId` on this server action's answer. */
export async function setSessionCookie(user: SessionUser, sessionId: string): Promise<void> {
  const appConfig = config();
  const name = sessionCookieName(appConfig.secureCookies);
  const value = await encodedSession(user, sessionId, name);
  (await cookies()).set(name, value, { httpOnly: true, sameSite: "lax", path: "/", secure: appConfig.secureCookies, maxAge: SESSION_MAX_AGE_SECONDS });
}

/** The session id in the cookie this request came with, or null (none, unreadable, or no request here). */
export async function sessionIdInCookie(): Promise<string | null> {
  try {
    const appConfig = config();
    const name = sessionCookieName(appConfig.secureCookies);
    const value = (await cookies()).get(name)?.value;
    if (!value) return null;
    const token = await decode({ token: value, secret: resolveAuthSecret(appConfig), salt: name });
    return typeof token?.sid === "string" ? token.sid : null;
  } catch {
    return null;
  }
}
