/**
 * The live event hub of one app instance: it LISTENs once on `case_events` and `case_presence`
 * (postgres.js keeps one dedicated connection for LISTEN and listens again after it drops; a
 * watchdog listens again if that LISTEN is lost anyway; PGlite delivers in-process) and fans every notification out, in-process, to the subscribers of that case.
 * It decides nothing about who may see what: each subscription (server/live/stream.ts) re-checks
 * membership and visibility. Touch this file to change how notifications reach subscribers.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database, Db } from "@/db/client";
import { CASE_EVENTS_CHANNEL, type CaseEvent } from "@/server/activity";

export const CASE_PRESENCE_CHANNEL = "case_presence";
/**
 * Where a hub sends itself a notification to see that its LISTEN still hears: the watchdog's pings and
 * the readiness check (`listensWithin`).
 */
export const LIVE_PROBE_CHANNEL = "live_probe";
const WATCHDOG_MS = 2_000;

/** A presence notification's payload: whose presence changed in which case (`notifyPresence`). */
export function presencePayload(caseId: string, userId: string): string {
  return `${caseId} ${userId}`;
}

function presenceNotice(payload: string): { caseId: string; userId: string } {
  const [caseId = "", userId = ""] = payload.split(" ");
  return { caseId, userId };
}

/** What a subscriber's queue carries. `recheck`: look at your membership again; `resync`: notifications may have been lost, catch up from the log. */
export type HubMessage =
  | { kind: "event"; event: CaseEvent }
  | { kind: "presence"; caseId: string; userId: string }
  | { kind: "recheck" }
  | { kind: "resync" };

/** A slow consumer never grows memory without bound: past this, its queue is replaced by one `resync`. */
const MAX_QUEUED = 500;

class Subscriber {
  private items: HubMessage[] = [];
  private wake: (() => void) | null = null;
  private closed = false;

  constructor(readonly caseId: string) {}

  push(message: HubMessage) {
    if (this.closed) return;
    if (this.items.length >= MAX_QUEUED) this.items = [{ kind: "resync" }];
    else this.items.push(message);
    this.wake?.();
    this.wake = null;
  }

  close() {
    this.closed = true;
    this.wake?.();
    this.wake = null;
  }

  async *messages(): AsyncGenerator<HubMessage> {
    while (true) {
      const next = this.items.shift();
      if (next) {
        yield next;
        continue;
      }
      if (this.closed) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

export interface LiveHubOptions {
  /** How often every open subscription re-checks its membership without any event (access end dates). */
  recheckMs?: number;
  /** How often the LISTEN is checked on PostgreSQL (see `checkListen`). */
  watchdogMs?: number;
}

export class LiveHub {
  private readonly byCase = new Map<string, Set<Subscriber>>();
  private listening: Promise<void> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private checking = false;
  /** Probes sent and not yet heard, by token. */
  private readonly probes = new Map<string, () => void>();
  private unlisten: (() => Promise<void>)[] = [];
  /** How many times the LISTEN has been (re-)established; the first one is not a re-connection. */
  listenCount = 0;
  private readonly listenWaiters: (() => void)[] = [];

  constructor(
    private readonly database: Database,
    private readonly options: LiveHubOptions = {},
  ) {}

  /** LISTENs once, on first use; later calls wait for the same LISTEN. */
  start(): Promise<void> {
    this.listening ??= (async () => {
      await this.listenAll();
      this.timer = setInterval(() => this.broadcast({ kind: "recheck" }), this.options.recheckMs ?? 30_000);
      this.timer.unref?.();
      if (this.database.target.kind === "postgres") {
        this.watchdog = setInterval(() => void this.checkListen(), this.options.watchdogMs ?? WATCHDOG_MS);
        this.watchdog.unref?.();
      }
    })().catch((error: unknown) => {
      // A LISTEN that could not be set up (the database was away) is tried again on the next use.
      this.listening = null;
      throw error;
    });
    return this.listening;
  }

  private async listenAll() {
    const onListen = () => {
      this.listenCount += 1;
      // After a dropped connection, notifications may have been missed: every subscriber catches up.
      if (this.listenCount > 1) this.broadcast({ kind: "resync" });
      this.listenWaiters.splice(0).forEach((wake) => wake());
    };
    this.unlisten.push(await this.database.listen(CASE_EVENTS_CHANNEL, (payload) => this.onEvent(payload), onListen));
    this.unlisten.push(
      await this.database.listen(CASE_PRESENCE_CHANNEL, (payload) => {
        const { caseId, userId } = presenceNotice(payload);
        this.publish(caseId, { kind: "presence", caseId, userId });
      }),
    );
    this.unlisten.push(await this.database.listen(LIVE_PROBE_CHANNEL, (token) => this.probes.get(token)?.()));
  }

  /**
   * Whether this instance's LISTEN hears a notification it sends now within `timeoutMs` (the watchdog,
   * and the readiness check app/api/ready). Rejects when the database cannot be reached.
   */
  async listensWithin(timeoutMs: number): Promise<boolean> {
    const token = randomUUID();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const heard = new Promise<true>((resolve) => this.probes.set(token, () => resolve(true)));
    // A failure to listen or to send rejects; a database that does not answer runs into `late`.
    const sent = this.start().then(() => this.database.db.execute(sql`select pg_notify(${LIVE_PROBE_CHANNEL}, ${token})`));
    try {
      return await Promise.race([sent.then(() => heard), late]);
    } finally {
      clearTimeout(timer);
      this.probes.delete(token);
    }
  }

  /**
   * The watchdog (PostgreSQL only). postgres.js listens again after its LISTEN connection drops (it
   * did after every PostgreSQL restart tried, refused connections for up to 15 s), but a failed
   * re-listen is swallowed and never retried, and a half-open connection is never noticed. Each tick
   * the hub probes itself; a probe that fails or is not heard within a tick means the LISTEN may be
   * gone, so the hub unlistens and listens again (subscribers resync). While the database is away
   * that fails too, and the next tick tries again.
   */
  private async checkListen() {
    if (this.checking) return;
    this.checking = true;
    try {
      const heard = await this.listensWithin(this.options.watchdogMs ?? WATCHDOG_MS).catch(() => false);
      if (!heard) {
        // Unlistening removes the channel at once; its UNLISTEN query is not awaited (the database may be away).
        this.unlisten.splice(0).forEach((unlisten) => void unlisten().catch(() => {}));
        await this.listenAll();
      }
    } catch {
      // The database is still unreachable: the next tick's probe fails and listens again.
    } finally {
      this.checking = false;
    }
  }

  /** Resolves when the LISTEN has been established more than `count` times (tests of a dropped connection). */
  listenedMoreThan(count: number): Promise<void> {
    if (this.listenCount > count) return Promise.resolve();
    return new Promise((resolve) => this.listenWaiters.push(() => (this.listenCount > count ? resolve() : undefined)));
  }

  /** A subscription to one case's messages; ends when `signal` aborts. */
  async subscribe(caseId: string, signal: AbortSignal): Promise<AsyncGenerator<HubMessage>> {
    await this.start();
    const subscriber = new Subscriber(caseId);
    const set = this.byCase.get(caseId) ?? new Set();
    set.add(subscriber);
    this.byCase.set(caseId, set);
    const remove = () => {
      subscriber.close();
      set.delete(subscriber);
      if (set.size === 0 && this.byCase.get(caseId) === set) this.byCase.delete(caseId);
    };
    if (signal.aborted) remove();
    else signal.addEventListener("abort", remove, { once: true });
    return subscriber.messages();
  }

  /** Every open subscription re-checks its membership now (also done every `recheckMs`). */
  recheckAll() {
    this.broadcast({ kind: "recheck" });
  }

  async close() {
    if (this.timer) clearInterval(this.timer);
    if (this.watchdog) clearInterval(this.watchdog);
    for (const set of this.byCase.values()) set.forEach((s) => s.close());
    this.byCase.clear();
    await Promise.all(this.unlisten.splice(0).map((u) => u().catch(() => {})));
    this.listening = null;
  }

  private onEvent(payload: string) {
    let event: CaseEvent;
    try {
      event = JSON.parse(payload) as CaseEvent;
    } catch {
      return; // not ours
    }
    this.publish(event.caseId, { kind: "event", event });
  }

  private publish(caseId: string, message: HubMessage) {
    this.byCase.get(caseId)?.forEach((s) => s.push(message));
  }

  private broadcast(message: HubMessage) {
    for (const set of this.byCase.values()) set.forEach((s) => s.push(message));
  }
}

// One hub per open database (the app has one; tests and the bench open several, one per "instance").
// Kept on globalThis: Next bundles instrumentation and route handlers separately, each with its own
// copy of this module, and the hub must be the one attached where the database was opened.
const globalForHubs = globalThis as unknown as { secondlookLiveHubs?: WeakMap<Db, LiveHub> };
const hubs = (globalForHubs.secondlookLiveHubs ??= new WeakMap<Db, LiveHub>());

export function attachLiveHub(database: Database, options?: LiveHubOptions): LiveHub {
  const existing = hubs.get(database.db);
  if (existing) return existing;
  const hub = new LiveHub(database, options);
  hubs.set(database.db, hub);
  return hub;
}

export function liveHubOf(db: Db): LiveHub {
  const hub = hubs.get(db);
  if (!hub) throw new Error("No live hub is attached to this database (attachLiveHub when opening it).");
  return hub;
}
