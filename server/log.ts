/**
 * The server's one logger: JSON lines on stdout (pino), each with the request id of the request it
 * belongs to (server/http/request-id.ts), so a person who quotes the reference from an error message
 * leads straight to that request's lines. Touch this file to change what every line carries.
 *
 * What may be logged: ids, codes, counts, paths and reason codes — never what someone wrote (a
 * request's input or body, an error's message: a database error's message carries the query and its
 * parameters, and a stack's first line repeats the message), and never a person's email address.
 * The redact list below is a safety net for secrets passed by mistake, not a licence to pass them.
 */
import "server-only";
import pino from "pino";
import { currentRequestId } from "@/server/http/request-id";

/** Keys whose values are replaced wherever they appear (one level deep, or at the top). */
const SECRET_KEYS = ["password", "token", "secret", "cookie", "authorization", "email", "body", "input"];

export const logger = pino(
  {
    level: process.env.LOG_LEVEL || "info",
    // No pid or hostname: the platform adds where a line came from.
    base: undefined,
    timestamp: () => `,"at":"${new Date().toISOString()}"`,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
    redact: { paths: SECRET_KEYS.flatMap((key) => [key, `*.${key}`]), censor: "[redacted]" },
  },
  // Written synchronously, so a line is out before a crash or a kill.
  process.stdout,
);

interface ErrorSummary {
  name: string;
  code?: string;
  constraint?: string;
  table?: string;
  at?: string[];
  cause?: ErrorSummary;
}

/** Codes and schema names are short identifiers; anything else might be text someone typed. */
const IDENTIFIER = /^[A-Za-z0-9_.-]{1,63}$/;

function identifier(value: unknown): string | undefined {
  return typeof value === "string" && IDENTIFIER.test(value) ? value : undefined;
}

/** What an error is, without any of its text: safe to log. Follows `cause` a few levels down. */
export function summarizeError(error: unknown, depth = 0): ErrorSummary {
  if (!(error instanceof Error)) return { name: typeof error };
  const fields = error as Error & Record<string, unknown>;
  const summary: ErrorSummary = { name: identifier(error.name) ?? "Error" };
  const code = identifier(fields.code);
  if (code) summary.code = code;
  // postgres.js names them constraint_name/table_name; PGlite constraint/table.
  const constraint = identifier(fields.constraint_name) ?? identifier(fields.constraint);
  if (constraint) summary.constraint = constraint;
  const table = identifier(fields.table_name) ?? identifier(fields.table);
  if (table) summary.table = table;
  // Only the "    at …" lines: the stack's first line is the message.
  const at = (error.stack ?? "")
    .split("\n")
    .filter((line) => line.startsWith("    at "))
    .slice(0, 6)
    .map((line) => line.trim().slice(3));
  if (at.length > 0) summary.at = at;
  if (error.cause !== undefined && depth < 3) summary.cause = summarizeError(error.cause, depth + 1);
  return summary;
}

/** Logs an unexpected error; `context` holds ids and paths, never text people wrote. */
export function logServerError(scope: string, error: unknown, context: Record<string, string | undefined> = {}): void {
  logger.error({ scope, ...context, error: summarizeError(error) });
}
