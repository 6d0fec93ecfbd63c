/**
 * next-auth (Auth.js v5) configuration: email + password through the Credentials provider, a JWT
 * cookie that carries only a server-side session id (see sessions.ts), and `getSession()` for
 * server components, route handlers and the tRPC context.
 * Touch this file to change how people sign in; account data changes belong in routers/account.ts.
 */
import { browserLocale } from "@/server/i18n/negotiate";
import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { cache } from "react";
import type { Db } from "@/db/client";
import { safeCallbackPath } from "@/lib/vocabulary/account";
import { config, resolveAuthSecret } from "@/server/env";
import { DatabaseUnavailable, readBeforeProcedure } from "@/server/database/outage";
import { getDb } from "@/server/database/connection";
import { requestClientAddress } from "@/server/http/client-address";
import { getMailer } from "@/server/mail";
import { verifyCredentials } from "./credentials";
import { emailLinkProvider, requireSecondStep, twoStepProvider } from "./factor-providers";
import {
  DEVICE_COOKIE_MAX_AGE_SECONDS,
  deviceCookieFromHeader,
  deviceCookieName,
  newDeviceId,
  readDeviceCookie,
  rememberDevice,
  signedDeviceCookie,
} from "./known-devices";
import { completeSignUp } from "./sign-up";
import { passkeyProvider } from "./passkey-provider";
import {
  createAuthSession,
  findSessionUser,
  revokeSession,
  SESSION_MAX_AGE_SECONDS,
  sessionOriginOf,
  successorOf,
  type SessionOrigin,
  type SessionUser,
} from "./sessions";
import { sessionIdInCookie } from "./session-cookie";
import { logServerError } from "@/server/log";

/** How long after a renewal a request still carrying the old cookie is told "ask again", not "ended". */
const RENEWAL_GRACE_SECONDS = 60;

declare module "next-auth" {
  interface Session {
    user: SessionUser;
    sessionId: string;
    /** The session could not be checked because the database is unreachable (not: signed out). */
    databaseUnavailable?: boolean;
    /** The cookie names a session just renewed (recent-proof.ts): signed out for this request, but not "ended". */
    superseded?: boolean;
  }
}

declare module "next-auth" {
  /** What a provider's `authorize` tells the jwt callback about the new session (sessions.ts). */
  interface User {
    sessionOrigin?: SessionOrigin;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
    databaseUnavailable?: boolean;
    superseded?: boolean;
  }
}

/** Sign-in failure codes the sign-in form understands (they travel in the URL, so they reveal nothing). */
class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
class Throttled extends CredentialsSignin {
  constructor(minutes: number) {
    super();
    this.code = `throttled-${minutes}`;
  }
}

/** After a right password: the account knows this browser from now on (known-devices.ts). */
async function rememberThisBrowser(db: Db, userId: string, deviceId: string, secret: string, secure: boolean) {
  await rememberDevice(db, userId, deviceId);
  (await cookies()).set(deviceCookieName(secure), signedDeviceCookie(deviceId, secret), {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
  });
}

function authConfig(): NextAuthConfig {
  const appConfig = config();
  return {
    secret: resolveAuthSecret(appConfig),
    // The app runs behind a proxy that sets Host / X-Forwarded-Host (README "Deployment").
    trustHost: true,
    useSecureCookies: appConfig.secureCookies,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in" },
    providers: [
      Credentials({
        credentials: { email: {}, password: {}, challenge: {}, keepSignedIn: {} },
        async authorize(credentials, request) {
          const db = await getDb();
          const secret = resolveAuthSecret(appConfig);
          const cookie = deviceCookieFromHeader(request.headers.get("cookie"), appConfig.secureCookies);
          const deviceId = readDeviceCookie(cookie, secret);
          const ip = requestClientAddress(request.headers);
          const result = await verifyCredentials(db, credentials, ip, { deviceId, mailer: getMailer() });
          if (result.ok) {
            await rememberThisBrowser(db, result.user.id, deviceId ?? newDeviceId(), secret, appConfig.secureCookies);
            // With two-step on, no session yet: the code step follows (factor-providers.ts).
            const user = await requireSecondStep(result.user, credentials.challenge);
            return { ...user, sessionOrigin: sessionOriginOf(request, credentials.keepSignedIn === "1") };
          }
          if (result.reason === "throttled") throw new Throttled(result.retryAfterMinutes);
          throw new InvalidCredentials();
        },
      }),
      emailLinkProvider,
      twoStepProvider,
      // The emailed sign-up link (sign-up.ts): opening it creates the account and signs this browser in.
      Credentials({
        id: "sign-up-link",
        credentials: { token: {} },
        async authorize(credentials, request) {
          const db = await getDb();
          const user = await completeSignUp(db, credentials.token, browserLocale(request));
          if (!user) throw new InvalidCredentials();
          const cookie = deviceCookieFromHeader(request.headers.get("cookie"), appConfig.secureCookies);
          const secret = resolveAuthSecret(appConfig);
          await rememberThisBrowser(db, user.id, readDeviceCookie(cookie, secret) ?? newDeviceId(), secret, appConfig.secureCookies);
          return { ...user, sessionOrigin: sessionOriginOf(request) };
        },
      }),
      passkeyProvider(),
    ],
    callbacks: {
      /** Every redirect next-auth makes (sign-in, sign-out) goes to a path on this site (issue 15 §4.3). */
      redirect({ url, baseUrl }) {
        const path = url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url;
        return `${baseUrl}${safeCallbackPath(path, "/")}`;
      },
      async jwt({ token, user }) {
        const db = await getDb();
        if (user?.id) {
          // A sign-in in a browser that still holds a session (ASVS 7.2.4) ends that one: one browser, one session.
          const previous = await sessionIdInCookie();
          if (previous) await revokeSession(db, previous);
          token.sid = await createAuthSession(db, user.id, user.sessionOrigin);
          return token;
        }
        // Every later use re-checks the server-side session: revoked, expired or deleted → signed out.
        // An unreachable database is not a sign-out: the token is kept and the request answers 503.
        let sessionUser: SessionUser | null;
        try {
          const sid = token.sid;
          sessionUser = sid ? await readBeforeProcedure(db, () => findSessionUser(db, sid)) : null;
        } catch (error) {
          // readBeforeProcedure turns every connection failure into DatabaseUnavailable.
          if (error instanceof DatabaseUnavailable) return { ...token, databaseUnavailable: true };
          throw error;
        }
        delete token.databaseUnavailable;
        if (!sessionUser) {
          // Renewed a moment ago by "confirm it's you": this request left before the new cookie arrived.
          // It is not signed in, but it is not told the session ended either. (auth() with no
          // arguments, the only way the app reads sessions, never writes this token back as a cookie.)
          if (token.sid && (await successorOf(db, token.sid, RENEWAL_GRACE_SECONDS))) return { sid: token.sid, superseded: true };
          return null;
        }
        token.sub = sessionUser.id;
        token.name = sessionUser.name;
        token.email = sessionUser.email;
        return token;
      },
      session({ session, token }) {
        return {
          ...session,
          sessionId: token.sid ?? "",
          databaseUnavailable: token.databaseUnavailable,
          superseded: token.superseded,
          user: { ...session.user, id: token.sub ?? "", name: token.name ?? "", email: token.email ?? "" },
        };
      },
    },
    events: {
      async signOut(message) {
        if ("token" in message && message.token?.sid) await revokeSession(await getDb(), message.token.sid);
      },
    },
    logger: {
      // Wrong passwords are expected, not errors worth a stack trace in the log.
      error(error) {
        if (error instanceof CredentialsSignin || error.name === "CredentialsSignin") return;
        // Its name and code only: next-auth wraps errors whose messages may hold an address.
        logServerError("auth", error);
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => authConfig());

export type AppSession = { user: SessionUser; sessionId: string };

/** next-auth's view of this request's session, read once per request. */
const readSession = cache(() => auth());

/**
 * The signed-in person for this request, or null. Cached so a page and its tRPC calls share one lookup.
 * Throws `DatabaseUnavailable` when the session could not be checked.
 */
export const getSession = cache(async (): Promise<AppSession | null> => {
  const session = await readSession();
  if (session?.databaseUnavailable) throw new DatabaseUnavailable();
  if (session?.superseded || !session?.user?.id || !session.sessionId) return null;
  return { user: session.user, sessionId: session.sessionId };
});

/**
 * Whether this request's cookie names a session that "confirm it's you" renewed a moment ago: the
 * browser has the new cookie by now, so the session clock asks again instead of saying "ended".
 */
export async function sessionJustRenewed(): Promise<boolean> {
  const session = await readSession();
  return session?.superseded === true;
}
