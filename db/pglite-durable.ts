/**
 * Opening the embedded database (PGlite) so that a commit has reached the disk when it returns.
 *
 * Out of the box PGlite is not durable against a power loss: it starts PostgreSQL with `-F`
 * (fsync off), and under Node its file system (Emscripten's NODEFS) turns `fsync` and `fdatasync`
 * into no-ops. Each write does reach the operating system at once (NODEFS writes synchronously), so a
 * killed process loses nothing that was committed; but a machine that loses power could lose
 * commits still in the OS cache. Here PostgreSQL runs with fsync on, the WAL synced with `fsync`
 * (fdatasync stays a no-op in Emscripten), and NODEFS's `fsync` calls the real one: every commit
 * waits for one fsync of the WAL, as on a PostgreSQL server (docs/decisions/0035).
 */
import { fsyncSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { NodeFS } from "@electric-sql/pglite/nodefs";

type NodeFsStreamOps = { fsync?: (stream: { nfd?: number }) => void };

class SyncedNodeFS extends NodeFS {
  override async init(...args: Parameters<NodeFS["init"]>) {
    const { emscriptenOpts } = await super.init(...args);
    const addFsync = (mod: { NODEFS: unknown }) => {
      const streamOps = (mod.NODEFS as { stream_ops: NodeFsStreamOps }).stream_ops;
      streamOps.fsync = (stream) => {
        if (stream.nfd !== undefined) fsyncSync(stream.nfd);
      };
    };
    return { emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), addFsync] } };
  }
}

/** PGlite's own start parameters, with fsync on (`-F` dropped) and the WAL synced by a real fsync. */
export const DURABLE_START_PARAMS = [...PGlite.defaultStartParams.filter((param) => param !== "-F"), "-c", "wal_sync_method=fsync"];

/** A PGlite on `dataDir` whose commits are on disk when they return. */
export function openDurablePglite(dataDir: string): PGlite {
  return new PGlite({ fs: new SyncedNodeFS(dataDir), startParams: DURABLE_START_PARAMS });
}
