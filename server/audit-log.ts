/**
 * Structured lines in the server log for events whose record in the database goes away with them
 * (a deleted case takes its activity log along; a deleted account its sessions), and for security
 * events of the account layer (passkeys added, removed, used or refused). Identifiers, counts and
 * reason codes only: never names, titles, keys or health content. Written by the one logger (server/log.ts).
 */
import "server-only";
import { logger } from "./log";
export type ServerEvent =
  | "case.deleted"
  | "account.deleted"
  // Password sign-in (server/auth/credentials.ts): the account's id when the address has one, never the address.
  | "sign-in.succeeded"
  | "sign-in.failed"
  | "sign-in.throttled"
  // The sign-in factors (server/auth/factor-providers.ts, server/routers/two-step.ts, two-step-reset.ts).
  | "sign-in.email-link"
  | "sign-in.two-step-needed"
  | "sign-in.two-step-passed"
  | "sign-in.two-step-refused"
  | "two-step.turned-on"
  | "two-step.turned-off"
  | "two-step.reset-started"
  | "two-step.reset-cancelled"
  | "two-step.reset-completed"
  | "case.two-step-requirement"
  // A person signed out one or all of their other devices (server/routers/session.ts).
  | "sessions.ended"
  | "passkey.added"
  | "passkey.removed"
  | "passkey.signed-in"
  | "passkey.sign-in-refused"
  | "passkey.confirmed"
  | "passkey.confirm-refused"
  // A limit on sign-ups, emails sent on request or passkey challenges refused a request (server/auth/rate-limit.ts).
  | "rate-limit.hit";

export function logServerEvent(event: ServerEvent, fields: Record<string, string | number | boolean>): void {
  logger.info({ event, ...fields });
}

/**
 * A refused authorization attempt (ASVS 16.3.2), one warning line each: who, where, which case and
 * why, as ids and a reason code. Never the input: it may hold health text. (server/access.ts)
 */
export function logAccessRefused(fields: { userId: string; procedure: string; caseId: string | null; reason: string; code: string }): void {
  logger.warn({ event: "access.refused", ...fields });
}
