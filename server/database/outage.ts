/**
 * Telling "the database cannot be reached" apart from other failures, so a request during an outage
 * gets 503 with a retry hint instead of a 500 (or a hang), and a person is not signed out by it.
 */
import { messageRef } from "@/lib/i18n/message-ref";

export const RETRY_AFTER_SECONDS = 5;
/**
 * While the database is away, postgres.js queues queries until it reconnects; a request that has
 * waited this long is answered with 503 rather than left hanging. (Its work may still complete once
 * the database returns — atomically, as every write is one transaction.)
 */
export const REQUEST_DEADLINE_MS = 8_000;
// Message references (lib/i18n/message-ref.ts), put in the reader's words where they are answered.
export const DATABASE_UNAVAILABLE_MESSAGE = messageRef("errors.databaseUnavailable");
export const DEADLINE_MESSAGE = messageRef("errors.deadline");

// Socket errors, postgres.js connection states, and SQLSTATEs for "connection lost" / "server shutting down".
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "EAI_AGAIN",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 6) return false;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === "string" && CONNECTION_CODES.has(code)) return true;
  // "database … is not currently accepting connections" shares its SQLSTATE with unrelated errors.
  if (code === "55000" && typeof message === "string" && /accepting connections/.test(message)) return true;
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true; // AggregateError
  return isDatabaseUnavailable(cause, depth + 1);
}

/**
 * A statement the database cancelled: `statement_timeout` (or `idle_in_transaction_session_timeout`,
 * which ends the session) stopped the request's work, and its transaction rolled back. The request
 * is answered like one past its deadline — 503, "nothing was saved, try again" — which is now true.
 */
export function isStatementTimeout(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 6) return false;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  if (code === "57014" || code === "25P03") return true; // query_canceled, idle_in_transaction_session_timeout
  return isStatementTimeout(cause, depth + 1);
}

export class DatabaseUnavailable extends Error {
  constructor(cause?: unknown) {
    super(DATABASE_UNAVAILABLE_MESSAGE, { cause });
    this.name = "DatabaseUnavailable";
  }
}

/** While the database is away, one request in this interval is let through to find out whether it is back. */
export const PROBE_INTERVAL_MS = 500;

/**
 * After the database has failed a request, new requests are answered 503 at once instead of joining
 * postgres.js's queue behind the lost connections. That queue is what kept the app from serving
 * again after an outage: requests answered "took too long" still waited in it, and when the
 * database returned every new request waited behind them. One probe per PROBE_INTERVAL_MS goes
 * through; the first that succeeds opens the way for everyone.
 */
export class OutageBreaker {
  private down = false;
  private lastProbe = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Whether a request may go to the database now. */
  admit(): boolean {
    if (!this.down) return true;
    if (this.now() - this.lastProbe < PROBE_INTERVAL_MS) return false;
    this.lastProbe = this.now();
    return true;
  }

  failed(): void {
    if (!this.down) this.lastProbe = this.now();
    this.down = true;
  }

  succeeded(): void {
    this.down = false;
  }
}

const breakers = new WeakMap<object, OutageBreaker>();

/** The breaker of one database connection pool (tests run several in one process). */
export function outageBreakerFor(db: object): OutageBreaker {
  let breaker = breakers.get(db);
  if (!breaker) breakers.set(db, (breaker = new OutageBreaker()));
  return breaker;
}

/**
 * Runs `work` for at most REQUEST_DEADLINE_MS: past it, the breaker opens and the answer is `expired()`'s
 * error (the work itself goes on, and postgres.js completes or fails it later).
 */
export async function withinDeadline<T>(breaker: OutageBreaker, work: () => Promise<T>, expired: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      breaker.failed();
      reject(expired());
    }, REQUEST_DEADLINE_MS);
  });
  return Promise.race([work(), deadline]).finally(() => clearTimeout(timer));
}

/**
 * A read a request makes before its procedure runs (its session, its language) under the procedure's
 * rules: refused at once while the breaker is open, and never waiting past the deadline in
 * postgres.js's queue. Throws `DatabaseUnavailable` then.
 */
export async function readBeforeProcedure<T>(db: object, read: () => Promise<T>): Promise<T> {
  const breaker = outageBreakerFor(db);
  if (!breaker.admit()) throw new DatabaseUnavailable();
  try {
    const value = await withinDeadline(breaker, read, () => new DatabaseUnavailable());
    breaker.succeeded();
    return value;
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      breaker.failed();
      throw new DatabaseUnavailable(error);
    }
    throw error;
  }
}
