/**
 * One meaning per tRPC error code (see docs/ARCHITECTURE.md "Errors"):
 * UNAUTHORIZED = not signed in · NOT_FOUND = absent or not yours · FORBIDDEN = role too low ·
 * CONFLICT = stale version · BAD_REQUEST = validation or domain rule · TOO_MANY_REQUESTS = throttled.
 * `fieldError` attaches a message to one form field, so forms can show it next to that field.
 */
import { TRPCError } from "@trpc/server";
import { messageRef } from "@/lib/i18n/message-ref";

export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "FieldError";
  }
}

export function fieldError(field: string, message: string): TRPCError {
  return new TRPCError({ code: "BAD_REQUEST", message, cause: new FieldError(field, message) });
}

/** Carried as the cause of a CONFLICT: the row as it is now, so the form can show both versions. */
export class StaleVersion<T> extends Error {
  constructor(readonly current: T) {
    super("stale version");
    this.name = "StaleVersion";
  }
}

/**
 * A row the request names is not in this case — deleted meanwhile, or never this case's. One code
 * everywhere (NOT_FOUND, as for a case that is not yours), with a message that says what is gone.
 */
export function notFound(message: string): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message });
}

/** What a person is told when something unexpected failed: nothing of the failure itself. */
export const UNEXPECTED_ERROR_MESSAGE = messageRef("errors.unexpected");
