/**
 * Opens the database with the driver the configuration asks for: postgres.js for a server URL,
 * PGlite (PostgreSQL compiled to WASM) otherwise. Both give the same Drizzle API and schema.
 * Touch this file only to change how connections are made; the app's singleton is server/db.ts.
 */
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { openDurablePglite } from "./pglite-durable";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The driver-neutral database type every query in the app is written against. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DatabaseTarget =
  | {
      kind: "postgres";
      url: string;
      maxConnections?: number;
      /**
       * `statement_timeout` and `idle_in_transaction_session_timeout` of the app's connections, so a
       * request past its deadline stops its work instead of committing it later (docs/decisions/0032).
       * Unset or 0: none (the server's own settings apply).
       */
      statementTimeoutSeconds?: number;
    }
  /**
   * `dataDir` unset means an in-memory database (tests); `from`, one started from another's
   * `dumpDataDir()` (tests start each file's from a migrated template: tests/support/pglite-template.ts).
   */
  | { kind: "pglite"; dataDir?: string; from?: Blob };

export interface Database {
  db: Db;
  target: DatabaseTarget;
  close(): Promise<void>;
  /**
   * LISTEN on a channel; resolves to an unlisten function. Used by live events. `onListen` runs each
   * time the LISTEN is (re-)established: postgres.js keeps one dedicated connection for all LISTENs
   * and listens again after that connection drops; notifications sent meanwhile are lost.
   */
  listen(channel: string, onPayload: (payload: string) => void, onListen?: () => void): Promise<() => Promise<void>>;
  /** Runs `fn` while holding a database-wide lock, so several app instances never migrate at once. */
  exclusively<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Raw SQL with `$1…` parameters, for the job queue (pg-boss's `db` adapter, server/queue). Without
   * parameters the text may hold several statements, its own BEGIN/COMMIT included.
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /**
   * Runs `fn` on a connection without the statement timeout (migrations: a long statement there is
   * legitimate and must not be cut). PostgreSQL: a connection of its own, closed afterwards.
   */
  withoutStatementTimeout<T>(fn: (db: Db) => Promise<T>): Promise<T>;
}

const MIGRATION_LOCK_KEY = 724_113_001;

/** postgres.js start-up parameters for the statement timeouts (milliseconds; 0 turns them off). */
function statementTimeouts(seconds: number | undefined): Record<string, string> | undefined {
  if (seconds === undefined) return undefined;
  const ms = String(Math.round(seconds * 1000));
  return { statement_timeout: ms, idle_in_transaction_session_timeout: ms };
}

export interface DatabaseOptions {
  /** Called with every statement Drizzle runs: the benchmark counts round trips, tests count queries. */
  onQuery?: (query: string) => void;
}

export function openDatabase(target: DatabaseTarget, { onQuery }: DatabaseOptions = {}): Database {
  const logger = onQuery ? { logQuery: (query: string) => onQuery(query) } : undefined;
  if (target.kind === "postgres") {
    const sql = postgres(target.url, {
      max: target.maxConnections ?? 10,
      // Fail fast when the server is unreachable: the request answers 503 instead of hanging.
      connect_timeout: 5,
      // Seconds before reconnecting after a failed connection. postgres.js's default grows with every
      // failure, pool-wide, up to 20 s, so after an outage of a few seconds the app kept waiting long
      // after the database was back. Capped at 1 s (tests/integration/database-outage.test.ts).
      backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
      onnotice: () => {},
      connection: statementTimeouts(target.statementTimeoutSeconds),
    });
    const db = drizzlePostgres({ client: sql, schema, logger }) as unknown as Db;
    return {
      db,
      target,
      close: () => sql.end({ timeout: 5 }),
      async listen(channel, onPayload, onListen) {
        const sub = await sql.listen(channel, onPayload, onListen);
        return () => sub.unlisten();
      },
      async executeSql(text, values = []) {
        // The queue's statements (its maintenance included) are not a request's: no statement timeout.
        if (values.length === 0) {
          // postgres.js refuses BEGIN on a pooled connection; a reserved one is a single session.
          const conn = await sql.reserve();
          try {
            await conn.unsafe("set statement_timeout = 0; set idle_in_transaction_session_timeout = 0");
            return { rows: [...(await conn.unsafe(text))] };
          } finally {
            await conn.unsafe("reset statement_timeout; reset idle_in_transaction_session_timeout").catch(() => {});
            conn.release();
          }
        }
        // As pg (which pg-boss is written for) does: undefined is null, a plain object is sent as JSON text.
        const params = values.map((v) =>
          v === undefined ? null : v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date) && !Buffer.isBuffer(v) ? JSON.stringify(v) : v,
        ) as postgres.ParameterOrJSON<never>[];
        if (!target.statementTimeoutSeconds) return { rows: [...(await sql.unsafe(text, params))] };
        const rows = await sql.begin(async (tx) => {
          await tx.unsafe("set local statement_timeout = 0");
          return [...(await tx.unsafe(text, params))];
        });
        return { rows: rows as Record<string, unknown>[] };
      },
      async withoutStatementTimeout(fn) {
        if (!target.statementTimeoutSeconds) return fn(db);
        const own = postgres(target.url, { max: 1, connect_timeout: 5, onnotice: () => {}, connection: statementTimeouts(0) });
        try {
          return await fn(drizzlePostgres({ client: own, schema, logger }) as unknown as Db);
        } finally {
          await own.end({ timeout: 5 });
        }
      },
      async exclusively(fn) {
        const conn = await sql.reserve();
        try {
          await conn`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
          return await fn();
        } finally {
          await conn`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
          conn.release();
        }
      },
    };
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  // On disk, every commit is fsynced (db/pglite-durable.ts); in memory (tests) there is no disk.
  const client = target.dataDir ? openDurablePglite(target.dataDir) : new PGlite({ loadDataDir: target.from });
  const db = drizzlePglite({ client, schema, logger }) as unknown as Db;
  return {
    db,
    target,
    close: () => client.close(),
    async listen(channel, onPayload, onListen) {
      const unlisten = await client.listen(channel, onPayload);
      onListen?.(); // in-process: it never drops
      return unlisten;
    },
    async executeSql(text, values = []) {
      if (values.length > 0) return client.query<Record<string, unknown>>(text, values);
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
    // One PGlite instance belongs to one process (see server/db.ts), so there is no one to exclude.
    exclusively: (fn) => fn(),
    // No statement timeout is set on PGlite (docs/decisions/0032).
    withoutStatementTimeout: (fn) => fn(db),
  };
}
