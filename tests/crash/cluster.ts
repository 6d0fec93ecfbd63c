/**
 * A PostgreSQL cluster of the crash test's own, in a temporary folder on a free port, made with the
 * machine's `initdb` and `pg_ctl` — so a restart under load never touches the shared server. initdb
 * refuses to run as root: then every command runs as the `postgres` user, who owns the folder.
 */
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const versions = existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a)) : [];
  if (!versions[0]) throw new Error("No PostgreSQL binaries under /usr/lib/postgresql: set PG_BIN to the folder holding initdb and pg_ctl.");
  return `/usr/lib/postgresql/${versions[0]}/bin`;
}

/** The first port from `from` that nothing listens on. */
export async function freePort(from: number, to: number): Promise<number> {
  for (let port = from; port <= to; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}–${to}`);
}

export class Cluster {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly asPostgres: boolean,
  ) {}

  /** initdb in a new temporary folder; not started yet. */
  static async create(port: number): Promise<Cluster> {
    const dir = mkdtempSync(path.join(tmpdir(), "secondlook-pg-"));
    const asPostgres = process.getuid?.() === 0;
    if (asPostgres) {
      const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
      const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
      chownSync(dir, uid, gid);
    }
    const cluster = new Cluster(dir, port, asPostgres);
    cluster.run("initdb", ["-D", path.join(dir, "data"), "-U", "postgres", "-A", "trust", "--no-sync"]);
    return cluster;
  }

  get url() {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private run(tool: string, args: string[]) {
    const command = path.join(binDir(), tool);
    const [file, argv] = this.asPostgres ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
    return execFileSync(file, argv, { stdio: ["ignore", "pipe", "pipe"], cwd: this.dir }).toString();
  }

  /** Starts the server and returns once it accepts connections. */
  start() {
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir}`;
    this.run("pg_ctl", ["-D", path.join(this.dir, "data"), "-o", options, "-l", path.join(this.dir, "log"), "-w", "-t", "60", "start"]);
  }

  /** `pg_ctl stop -m immediate`: every server process quits at once, without a checkpoint, as in a crash. */
  crash() {
    this.run("pg_ctl", ["-D", path.join(this.dir, "data"), "-m", "immediate", "-w", "stop"]);
  }

  /** Stops the server (if running) and removes the folder. */
  remove() {
    try {
      this.run("pg_ctl", ["-D", path.join(this.dir, "data"), "-m", "fast", "-w", "stop"]);
    } catch {
      // not running
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
