/**
 * The one way the server logs an unexpected error: a JSON line with what failed and where — the
 * error's name and code (a PostgreSQL SQLSTATE, a tRPC code), the constraint or table it names, the
 * code locations of its stack, and the ids the caller passes — but never an error's message. A
 * database error's message carries the query and its parameters (a note's text, a medication's name),
 * and a stack's first line repeats the message, so health text would reach the log through either.
 */
import "server-only";

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

/** Logs an unexpected error as one JSON line; `context` holds ids and paths, never text people wrote. */
export function logServerError(scope: string, error: unknown, context: Record<string, string | undefined> = {}): void {
  console.error(JSON.stringify({ level: "error", scope, ...context, error: summarizeError(error) }));
}
