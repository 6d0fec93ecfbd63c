import { eq } from "drizzle-orm";
import { messageRef } from "@/lib/i18n/message-ref";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authSessions, cases } from "@/db/schema";
import { ProofRequired } from "@/server/auth/recent-proof";
import { createAuthSession, findSessionUser, sessionOriginOf, sessionTimes, successorOf, touchSession } from "@/server/auth/sessions";
import { trustedProxySet } from "@/server/http/client-address";
import { roughPlace } from "@/server/http/rough-place";
import { config } from "@/server/env";
import { addMember, createCase, createUser } from "@/server/database/factories";
import { createLogMailer } from "@/server/mail";
import { createCaller } from "@/server/routers/_app";
import { createContextInner } from "@/server/trpc";
import { anonymousCaller, renewableCallerFor } from "../support/callers";
import { liveHubOf } from "@/server/live/hub";
import { subscribe } from "../support/live";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

/** A signed-in caller whose session id the test knows (to age it). */
async function signedIn(user: { id: string; name: string; email: string }, origin: Parameters<typeof createAuthSession>[2] = {}) {
  const sessionId = await createAuthSession(database.db, user.id, origin);
  const session = { user: { id: user.id, name: user.name, email: user.email }, sessionId };
  const caller = createCaller(createContextInner({ db: database.db, session, mailer: createLogMailer(() => {}) }));
  return { caller, sessionId };
}

async function sessionRow(sessionId: string) {
  const [row] = await database.db.select().from(authSessions).where(eq(authSessions.id, sessionId));
  return row;
}

function ageSession(sessionId: string, set: Partial<{ lastSeenAt: Date; expiresAt: Date; provedAt: Date }>) {
  return database.db.update(authSessions).set(set).where(eq(authSessions.id, sessionId));
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

describe("session limits", () => {
  it("uses the defaults: 30 minutes idle, 12 hours at most, 30 days when kept on the device", () => {
    expect(config().session).toEqual({ idleSeconds: 30 * 60, maxSeconds: 12 * 3600, rememberSeconds: 30 * 86_400 });
  });

  it("an ordinary session lasts 12 hours; a remembered one 30 days", async () => {
    const user = await createUser(database.db);
    const plain = await sessionRow(await createAuthSession(database.db, user.id));
    const kept = await sessionRow(await createAuthSession(database.db, user.id, { remembered: true }));
    const hours = (row: typeof plain) => (row!.expiresAt.getTime() - row!.createdAt.getTime()) / 3_600_000;
    expect(hours(plain)).toBeCloseTo(12, 1);
    expect(plain?.remembered).toBe(false);
    expect(hours(kept)).toBeCloseTo(30 * 24, 1);
    expect(kept?.remembered).toBe(true);
  });

  it("ends a session idle for longer than the limit, and removes its row", async () => {
    const user = await createUser(database.db);
    const { sessionId } = await signedIn(user);
    await ageSession(sessionId, { lastSeenAt: minutesAgo(29) });
    expect(await findSessionUser(database.db, sessionId)).toMatchObject({ id: user.id });
    await ageSession(sessionId, { lastSeenAt: minutesAgo(31) });
    expect(await findSessionUser(database.db, sessionId)).toBeNull();
    expect(await sessionRow(sessionId)).toBeUndefined();
  });

  it("ends a session at its absolute limit however active it is", async () => {
    const user = await createUser(database.db);
    const { sessionId } = await signedIn(user);
    await ageSession(sessionId, { expiresAt: minutesAgo(1) });
    expect(await findSessionUser(database.db, sessionId)).toBeNull();
  });

  it("a remembered session has no idle limit, only its absolute one", async () => {
    const user = await createUser(database.db);
    const { sessionId } = await signedIn(user, { remembered: true });
    await ageSession(sessionId, { lastSeenAt: minutesAgo(3 * 24 * 60) });
    expect(await findSessionUser(database.db, sessionId)).toMatchObject({ id: user.id });
    expect((await sessionTimes(database.db, sessionId))?.idleEndsAt).toBeNull();
  });

  it("checking a session is not activity, and touching never revives an ended one", async () => {
    const user = await createUser(database.db);
    const { sessionId } = await signedIn(user);
    const old = minutesAgo(10);
    await ageSession(sessionId, { lastSeenAt: old });
    await findSessionUser(database.db, sessionId);
    expect((await sessionRow(sessionId))?.lastSeenAt.getTime()).toBe(old.getTime());
    const times = await sessionTimes(database.db, sessionId);
    expect(times?.idleEndsAt?.getTime()).toBe(old.getTime() + 30 * 60_000);

    await ageSession(sessionId, { lastSeenAt: minutesAgo(40) });
    await touchSession(database.db, sessionId);
    expect(await findSessionUser(database.db, sessionId)).toBeNull();
  });

  it("writes last_seen_at at most about once a minute", async () => {
    const user = await createUser(database.db);
    const { sessionId } = await signedIn(user);
    const recent = new Date(Date.now() - 20_000);
    await ageSession(sessionId, { lastSeenAt: recent });
    await touchSession(database.db, sessionId);
    expect((await sessionRow(sessionId))?.lastSeenAt.getTime()).toBe(recent.getTime());
    await ageSession(sessionId, { lastSeenAt: minutesAgo(2) });
    await touchSession(database.db, sessionId);
    expect((await sessionRow(sessionId))!.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 10_000);
  });
});

describe("what counts as activity", () => {
  it("a change the person makes restarts the idle limit; reads, presence heartbeats and 'seen' marks do not", async () => {
    const user = await createUser(database.db);
    const { id: caseId } = await createCase(database.db, user.id);
    const { caller, sessionId } = await signedIn(user);
    const old = minutesAgo(5);
    await ageSession(sessionId, { lastSeenAt: old });

    await caller.case.get({ caseId });
    await caller.live.unread({ caseId });
    await caller.live.presence({ caseId });
    await caller.live.heartbeat({ caseId, section: "notes" });
    await caller.live.markSectionSeen({ caseId, section: "notes" });
    await caller.case.markSeen({ caseId });
    expect((await sessionRow(sessionId))?.lastSeenAt.getTime()).toBe(old.getTime());

    await caller.note.create({ caseId, body: "Ask about the scan", private: false, opinionId: null });
    expect((await sessionRow(sessionId))!.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 10_000);
  });
});

describe("the live stream", () => {
  it("is not activity, and ends when its session ends for inactivity", async () => {
    const user = await createUser(database.db);
    const { id: caseId } = await createCase(database.db, user.id);
    const stream = await subscribe(database.db, user, caseId);
    const [row] = await database.db.select().from(authSessions).where(eq(authSessions.userId, user.id));
    expect(row?.lastSeenAt.getTime()).toBeLessThan(Date.now());
    // Still alive: a periodic re-check keeps it open.
    liveHubOf(database.db).recheckAll();
    await expect(stream.ended(300)).rejects.toThrow(/no end/);
    await database.db.update(authSessions).set({ lastSeenAt: minutesAgo(31) }).where(eq(authSessions.userId, user.id));
    liveHubOf(database.db).recheckAll();
    await stream.ended();
    await stream.close();
  });
});

describe("session.list / end / endOthers", () => {
  it("lists the person's own devices with browser, system, address and which one is this", async () => {
    const user = await createUser(database.db);
    const stranger = await createUser(database.db);
    await signedIn(stranger, { userAgent: FIREFOX_WINDOWS, ip: "198.51.100.9" });
    const phone = await signedIn(user, { userAgent: SAFARI_IPHONE, ip: "203.0.113.7", remembered: true });
    const laptop = await signedIn(user, { userAgent: FIREFOX_WINDOWS, ip: "192.0.2.1" });

    const list = await laptop.caller.session.list();
    expect(list).toHaveLength(2);
    expect(list.find((s) => s.id === laptop.sessionId)).toMatchObject({
      browser: "Firefox 128",
      system: "Windows 10 · computer",
      ip: "192.0.2.1",
      current: true,
      remembered: false,
    });
    expect(list.find((s) => s.id === phone.sessionId)).toMatchObject({
      browser: "Safari 17",
      system: "iOS 17 · phone",
      ip: "203.0.113.7",
      current: false,
      remembered: true,
    });
    // Ended sessions are not listed.
    await ageSession(phone.sessionId, { expiresAt: minutesAgo(1) });
    expect((await laptop.caller.session.list()).map((s) => s.id)).toEqual([laptop.sessionId]);
  });

  it("shows a rough place: what our own proxy says, 'This network' for a private address, and nothing rather than a guess", async () => {
    const user = await createUser(database.db);
    const proxies = trustedProxySet(["10.0.0.0/8"]);
    const request = (headers: Record<string, string>) => new Request("http://localhost/api/auth/callback", { headers });
    const geo = { "x-vercel-ip-country": "DE", "x-vercel-ip-city": "M%C3%BCnchen" };
    // Through our proxy (10.0.0.2), which adds the CDN's headers: believed, the code turned into a name.
    const viaProxy = request({ ...geo, "x-forwarded-for": "203.0.113.7, 10.0.0.2" });
    const munich = await signedIn(user, { ...sessionOriginOf(viaProxy), place: roughPlace(viaProxy.headers, proxies) });
    const cloudflare = request({ "cf-ipcountry": "jp", "x-forwarded-for": "198.51.100.4, 10.0.0.2" });
    const japan = await signedIn(user, { place: roughPlace(cloudflare.headers, proxies) });
    // The same headers sent straight to the app (no proxy of ours in front): anyone can write them.
    const forged = await signedIn(user, sessionOriginOf(request({ ...geo, "x-forwarded-for": "203.0.113.7" })));
    // "Unknown" and Tor codes are not places.
    const unknown = await signedIn(user, { place: roughPlace(request({ "cf-ipcountry": "XX", "x-forwarded-for": "198.51.100.4, 10.0.0.2" }).headers, proxies) });
    const home = await signedIn(user, sessionOriginOf(request({ "x-forwarded-for": "::1" })));
    const office = await signedIn(user, sessionOriginOf(request({ "x-forwarded-for": "192.168.1.20" })));

    const places = new Map((await home.caller.session.list()).map((s) => [s.id, s.place]));
    expect(places.get(munich.sessionId)).toBe("München, Germany");
    expect(places.get(japan.sessionId)).toBe("Japan");
    expect(places.get(forged.sessionId)).toBeNull();
    expect(places.get(unknown.sessionId)).toBeNull();
    expect(places.get(home.sessionId)).toBe("This network");
    expect(places.get(office.sessionId)).toBe("This network");
    expect((await sessionRow(munich.sessionId))?.place).toBe("München, Germany");
  });

  it("ends one of the person's devices, but never someone else's (answered as if it did not exist)", async () => {
    const user = await createUser(database.db);
    const other = await createUser(database.db);
    const theirs = await signedIn(other);
    const phone = await signedIn(user);
    const laptop = await signedIn(user);

    await expect(laptop.caller.session.end({ sessionId: theirs.sessionId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await findSessionUser(database.db, theirs.sessionId)).not.toBeNull();

    await expect(laptop.caller.session.end({ sessionId: phone.sessionId })).resolves.toEqual({ ended: true });
    expect(await findSessionUser(database.db, phone.sessionId)).toBeNull();
    await expect(laptop.caller.session.end({ sessionId: phone.sessionId })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: messageRef("account.errors.deviceSignedOut"),
    });
  });

  it("asks for a fresh proof before ending a device or all the others", async () => {
    const user = await createUser(database.db);
    const phone = await signedIn(user);
    const laptop = await signedIn(user);
    await ageSession(laptop.sessionId, { provedAt: minutesAgo(11) });
    const proofRefusal = { code: "FORBIDDEN", cause: expect.any(ProofRequired) };
    await expect(laptop.caller.session.end({ sessionId: phone.sessionId })).rejects.toMatchObject(proofRefusal);
    await expect(laptop.caller.session.endOthers()).rejects.toMatchObject(proofRefusal);
    expect(await findSessionUser(database.db, phone.sessionId)).not.toBeNull();
    await laptop.caller.account.confirmIdentity({ password: user.password });
    await laptop.caller.session.endOthers();
    expect(await findSessionUser(database.db, phone.sessionId)).toBeNull();
  });

  it("ends every other device and keeps this one", async () => {
    const user = await createUser(database.db);
    const a = await signedIn(user);
    const b = await signedIn(user);
    const here = await signedIn(user);
    await here.caller.session.endOthers();
    expect(await findSessionUser(database.db, a.sessionId)).toBeNull();
    expect(await findSessionUser(database.db, b.sessionId)).toBeNull();
    expect((await here.caller.session.list()).map((s) => s.id)).toEqual([here.sessionId]);
  });

  it("is refused to anonymous callers", async () => {
    const anonymous = anonymousCaller(database.db);
    await expect(anonymous.session.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymous.session.endOthers()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymous.account.confirmIdentity({ password: "x" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("confirm it's you", () => {
  const proofRefusal = { code: "FORBIDDEN", cause: expect.any(ProofRequired) };

  async function ownerWithOldProof() {
    const owner = await createUser(database.db);
    const supporter = await createUser(database.db);
    const theCase = await createCase(database.db, owner.id);
    const supporterMemberId = await addMember(database.db, theCase.id, supporter.id, "supporter");
    const { caller, sessionId } = await signedIn(owner);
    await ageSession(sessionId, { provedAt: minutesAgo(11) });
    return { owner, caller, sessionId, theCase, supporterMemberId };
  }

  it("a fresh sign-in counts as proof for ten minutes", async () => {
    const user = await createUser(database.db);
    const { caller, sessionId } = await signedIn(user);
    await expect(caller.session.checkRecentProof()).resolves.toEqual({ fresh: true });
    await ageSession(sessionId, { provedAt: minutesAgo(11) });
    await expect(caller.session.checkRecentProof()).rejects.toMatchObject(proofRefusal);
  });

  it("deleting a case is refused with proofRequired when the proof is old, and goes through after confirmIdentity", async () => {
    const { owner, caller, theCase } = await ownerWithOldProof();
    await expect(caller.case.delete({ caseId: theCase.id, confirmTitle: theCase.title })).rejects.toMatchObject(proofRefusal);
    expect(await database.db.select({ id: cases.id }).from(cases).where(eq(cases.id, theCase.id))).toHaveLength(1);

    await caller.account.confirmIdentity({ password: owner.password });
    await expect(caller.case.delete({ caseId: theCase.id, confirmTitle: theCase.title })).resolves.toEqual({ deleted: true });
  });

  it("handing over ownership is refused with proofRequired when the proof is old, and goes through after confirmIdentity", async () => {
    const { owner, caller, theCase, supporterMemberId } = await ownerWithOldProof();
    await expect(caller.case.transferOwnership({ caseId: theCase.id, memberId: supporterMemberId })).rejects.toMatchObject(proofRefusal);
    expect((await caller.case.get({ caseId: theCase.id })).myRole).toBe("owner");

    await caller.account.confirmIdentity({ password: owner.password });
    await caller.case.transferOwnership({ caseId: theCase.id, memberId: supporterMemberId });
    expect((await caller.case.get({ caseId: theCase.id })).myRole).toBe("supporter");
  });

  it("a wrong password records no proof and says so on the password field", async () => {
    const { caller, sessionId } = await ownerWithOldProof();
    const before = (await sessionRow(sessionId))!.provedAt;
    await expect(caller.account.confirmIdentity({ password: "not my password at all" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: messageRef("account.errors.wrongPassword"),
      cause: { field: "password" },
    });
    expect((await sessionRow(sessionId))!.provedAt.getTime()).toBe(before.getTime());
    await expect(caller.session.checkRecentProof()).rejects.toMatchObject(proofRefusal);
  });

  it("a proof belongs to one session: confirming on the laptop does not unlock the phone", async () => {
    const { owner, caller, theCase } = await ownerWithOldProof();
    const phone = await signedIn(owner);
    await ageSession(phone.sessionId, { provedAt: minutesAgo(30) });
    await caller.account.confirmIdentity({ password: owner.password });
    await expect(phone.caller.case.delete({ caseId: theCase.id, confirmTitle: theCase.title })).rejects.toMatchObject(proofRefusal);
  });

  it("a non-owner is refused as before (FORBIDDEN without proofRequired), whatever their proof", async () => {
    const { theCase } = await ownerWithOldProof();
    const viewer = await createUser(database.db);
    await addMember(database.db, theCase.id, viewer.id, "viewer");
    const { caller } = await signedIn(viewer);
    const refusal = await caller.case.delete({ caseId: theCase.id, confirmTitle: theCase.title }).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: "FORBIDDEN" });
    expect((refusal as { cause?: unknown }).cause).not.toBeInstanceOf(ProofRequired);
  });

  it("changing the password needs the current password, which counts as the fresh proof", async () => {
    const user = await createUser(database.db);
    const { caller, sessionId } = await signedIn(user);
    await ageSession(sessionId, { provedAt: minutesAgo(30) });
    await caller.account.changePassword({ currentPassword: user.password, password: "a brand new long passphrase" });
    await expect(caller.session.checkRecentProof()).resolves.toEqual({ fresh: true });
  });
});

describe("a fresh proof renews the session (ASVS 7.2.4)", () => {
  const signedInWithCookies = (user: { id: string; name: string; email: string }, origin: Parameters<typeof createAuthSession>[2] = {}) =>
    renewableCallerFor(database.db, user, undefined, origin);

  it("confirming with the password gives a new session id in a new cookie; the old id authenticates nothing", async () => {
    const user = await createUser(database.db);
    const before = await signedInWithCookies(user, { userAgent: FIREFOX_WINDOWS, ip: "192.0.2.1", place: "This network", remembered: true });
    await ageSession(before.sessionId, { provedAt: minutesAgo(11) });
    const old = (await sessionRow(before.sessionId))!;

    await before.caller.account.confirmIdentity({ password: user.password });
    expect(before.cookies).toHaveLength(1);
    const renewed = before.cookies[0]!;
    expect(renewed).not.toBe(before.sessionId);
    expect(await findSessionUser(database.db, before.sessionId)).toBeNull();
    expect(await findSessionUser(database.db, renewed)).toMatchObject({ id: user.id });
    // The same device, limits and history; only the id and the proof are new.
    const row = (await sessionRow(renewed))!;
    expect(row).toMatchObject({
      userId: user.id,
      createdAt: old.createdAt,
      expiresAt: old.expiresAt,
      remembered: true,
      userAgent: FIREFOX_WINDOWS,
      ip: "192.0.2.1",
      place: "This network",
      rotatedFrom: before.sessionId,
    });
    expect(row.provedAt.getTime()).toBeGreaterThan(old.provedAt.getTime());
    // The rest of the request goes on under the new session: the proof is there, and the list knows it.
    await expect(before.caller.session.checkRecentProof()).resolves.toEqual({ fresh: true });
    expect((await before.caller.session.list()).map((s) => ({ id: s.id, current: s.current }))).toEqual([{ id: renewed, current: true }]);
    // Only a live stream opened under the old id follows it.
    expect(await successorOf(database.db, before.sessionId)).toBe(renewed);
  });

  it("a wrong password renews nothing", async () => {
    const user = await createUser(database.db);
    const here = await signedInWithCookies(user);
    await expect(here.caller.account.confirmIdentity({ password: "not my password at all" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(here.cookies).toEqual([]);
    expect(await findSessionUser(database.db, here.sessionId)).not.toBeNull();
  });

  it("changing the password renews this session and ends every other one", async () => {
    const user = await createUser(database.db);
    const phone = await signedIn(user);
    const here = await signedInWithCookies(user);
    await here.caller.account.changePassword({ currentPassword: user.password, password: "a brand new long passphrase 42" });
    const renewed = here.cookies[0]!;
    expect(await findSessionUser(database.db, here.sessionId)).toBeNull();
    expect(await findSessionUser(database.db, phone.sessionId)).toBeNull();
    expect(await findSessionUser(database.db, renewed)).toMatchObject({ id: user.id });
  });
});
