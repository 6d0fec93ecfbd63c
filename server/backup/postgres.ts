/**
 * Backup and restore of a PostgreSQL server's database with the machine's `pg_dump` / `pg_restore`
 * (Debian's postgresql-client; its major version must be at least the server's). The dump is the
 * custom format of the whole database — files included, since their bytes live in it — taken in one
 * snapshot while the app keeps running. The restore goes into an empty database in one transaction:
 * if anything fails, the target is left as it was.
 *
 * The connection's details reach the tools as libpq environment variables, so the password never
 * appears in a process listing.
 */
import "server-only";
import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import type { Readable } from "node:stream";
import postgres from "postgres";
import { BackupError, writeBackupFile, type BackupManifest, type VerifiedBackup } from "./archive";
import { HAS_MIGRATIONS_SQL, LAST_MIGRATION_SQL, schemaVersionOf, type SchemaVersion } from "./schema-version";

const PAYLOAD_NAME = "database.pgdump";

/** PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE (and PGSSLMODE) from a postgres:// URL. */
function libpqEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env, PGHOST: u.hostname || "localhost", PGPORT: u.port || "5432", PGDATABASE: decodeURIComponent(u.pathname.slice(1)) || "postgres" };
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

async function toolVersion(tool: "pg_dump" | "pg_restore"): Promise<string> {
  try {
    return (await promisify(execFile)(tool, ["--version"])).stdout.trim();
  } catch {
    throw new BackupError(`${tool} was not found. Install the PostgreSQL client tools (Debian/Ubuntu: apt-get install postgresql-client) at the server's version or newer.`);
  }
}

async function withConnection<T>(url: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function schemaVersionIn(sql: postgres.Sql): Promise<SchemaVersion> {
  const [has] = await sql.unsafe<{ present: boolean }[]>(HAS_MIGRATIONS_SQL);
  if (!has?.present) return schemaVersionOf(null);
  const [last] = await sql.unsafe<{ created_at: string }[]>(LAST_MIGRATION_SQL);
  return schemaVersionOf(last ? Number(last.created_at) : null);
}

/** Runs a client tool; `stdin` is piped in, stdout goes to `onStdout`. Rejects with its own error text on failure. */
function run(tool: string, args: string[], env: NodeJS.ProcessEnv, io: { stdin?: Readable; onStdout?: (chunk: Buffer) => Promise<void> }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: [io.stdin ? "pipe" : "ignore", io.onStdout ? "pipe" : "ignore", "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    if (io.stdin && child.stdin) {
      child.stdin.on("error", () => {}); // the tool quitting early shows in its exit code and stderr
      io.stdin.pipe(child.stdin);
    }
    // stdout is read in order and each chunk awaited, so the file is written in sequence.
    const { stdout } = child;
    const onStdout = io.onStdout;
    const drained =
      onStdout && stdout
        ? (async () => {
            for await (const chunk of stdout) await onStdout(chunk as Buffer);
          })()
        : Promise.resolve();
    child.on("close", (code) => {
      drained.then(
        () => (code === 0 ? resolve() : reject(new BackupError(`${tool} failed (exit code ${code}):\n${stderr.trim()}`))),
        reject,
      );
    });
  });
}

export async function backupPostgres(url: string, file: string): Promise<BackupManifest> {
  const tool = await toolVersion("pg_dump");
  const schemaVersion = await withConnection(url, schemaVersionIn);
  return writeBackupFile(file, PAYLOAD_NAME, { createdAt: new Date().toISOString(), database: "postgres", schemaVersion, tool }, (write) =>
    run("pg_dump", ["--format=custom", "--no-password"], libpqEnv(url), { onStdout: write }),
  );
}

/** Tables, views, sequences… outside PostgreSQL's own schemas: an empty database has none. */
async function relationsIn(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from pg_class c join pg_namespace s on s.oid = c.relnamespace
    where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and s.nspname not in ('pg_catalog', 'information_schema') and s.nspname not like 'pg_toast%' and s.nspname not like 'pg_temp%'`;
  return row?.n ?? 0;
}

/**
 * Restores a verified backup into the database at `url`, which must be empty; `force` lets pg_restore
 * drop and recreate what the backup holds in a database that is not (still in one transaction).
 */
export async function restorePostgres(backup: VerifiedBackup, url: string, { force = false } = {}): Promise<void> {
  if (backup.manifest.database !== "postgres") {
    throw new BackupError("This backup is of the embedded database; restore it without DATABASE_URL (into an empty DATA_DIR).");
  }
  await toolVersion("pg_restore");
  const env = libpqEnv(url);
  const existing = await withConnection(url, relationsIn);
  if (existing > 0 && !force) {
    throw new BackupError(
      `The database "${env.PGDATABASE}" on ${env.PGHOST} is not empty (${existing} tables, sequences or views). ` +
        "Restore into a new, empty database (createdb <name>, then point DATABASE_URL at it), or pass --force to replace what is there. Nothing was changed.",
    );
  }
  const args = ["--dbname", env.PGDATABASE!, "--no-password", "--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges"];
  if (existing > 0) args.push("--clean", "--if-exists");
  await run("pg_restore", args, env, { stdin: backup.payload() });
  const restored = await withConnection(url, schemaVersionIn);
  if (restored.tag !== backup.manifest.schemaVersion.tag) {
    throw new BackupError(`The restored database reports schema ${restored.tag}, not the ${backup.manifest.schemaVersion.tag} its manifest names.`);
  }
}
