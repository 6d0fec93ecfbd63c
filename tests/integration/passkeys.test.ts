import { eq } from "drizzle-orm";
import { messageRef } from "@/lib/i18n/message-ref";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authSessions, passkeys, webauthnChallenges } from "@/db/schema";
import { hasPasskey, passkeySignInOptions, verifyPasskeySignIn } from "@/server/auth/passkeys";
import { requireRecentProof } from "@/server/auth/recent-proof";
import { CHALLENGES_PER_ACCOUNT, PASSKEY_THROTTLED_MESSAGE } from "@/server/auth/webauthn-challenges";
import { config } from "@/server/env";
import { createUser } from "@/server/database/factories";
import { createSmtpMailer } from "@/server/mail";
import { createCaller } from "@/server/routers/_app";
import { createAuthSession, findSessionUser } from "@/server/auth/sessions";
import { createContextInner } from "@/server/trpc";
import { anonymousCaller, renewableCallerFor } from "../support/callers";
import { startSmtpSink } from "../support/smtp-sink";
import { SoftwareAuthenticator } from "../support/software-authenticator";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let database: TestDatabase;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  database = await createTestDatabase();
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink?.close();
  await database?.cleanup();
});

/** The address the sign-in tests come from (throttled per address: the throttle tests use their own). */
const HERE = "192.0.2.10";

const mailer = () => createSmtpMailer(sink.url, "SecondLook <no-reply@example.test>");

/** A signed-in person with a real session row (proved at sign-in, as a real sign-in is). */
async function signedIn() {
  const user = await createUser(database.db);
  const sessionId = await createAuthSession(database.db, user.id);
  const caller = createCaller(createContextInner({ db: database.db, session: { user, sessionId }, mailer: mailer() }));
  return { user, sessionId, caller };
}

/** Makes the session's last proof older than the 10 minutes sensitive actions accept. */
async function ageProof(sessionId: string) {
  await database.db.update(authSessions).set({ provedAt: new Date(Date.now() - 11 * 60_000) }).where(eq(authSessions.id, sessionId));
}

async function addPasskey(person: Awaited<ReturnType<typeof signedIn>>, authenticator: SoftwareAuthenticator, name = "My phone") {
  const options = await person.caller.passkey.registrationOptions();
  return person.caller.passkey.add({ name, response: authenticator.register(options) });
}

describe("adding a passkey", () => {
  it("offers discoverable, user-verified options for this site and keeps only the public key, under the given name", async () => {
    const person = await signedIn();
    const authenticator = new SoftwareAuthenticator();
    const options = await person.caller.passkey.registrationOptions();
    expect(options.rp).toEqual({ id: "localhost", name: "SecondLook" });
    expect(options.user.name).toBe(person.user.email);
    expect(options.authenticatorSelection).toMatchObject({ residentKey: "required", userVerification: "required" });
    expect(options.attestation).toBe("none");

    const response = authenticator.register(options);
    const added = await person.caller.passkey.add({ name: "  Kitchen laptop ", response });
    expect(added).toEqual({ id: expect.any(String), name: "Kitchen laptop", createdAt: expect.any(Date), lastUsedAt: null, synced: false });

    const [row] = await database.db.select().from(passkeys).where(eq(passkeys.id, added.id));
    expect(row).toMatchObject({ userId: person.user.id, credentialId: response.id, counter: 0, transports: ["internal"] });
    expect(row?.publicKey).toMatch(/^[\w-]{40,}$/);
    // What leaves the server names the passkey; never its key or credential id.
    expect(JSON.stringify(await person.caller.passkey.list())).not.toContain(response.id);
    expect(await hasPasskey(database.db, person.user.id)).toBe(true);

    const mail = await sink.nextMailTo(person.user.email);
    expect(mail.subject).toBe("A passkey was added to your SecondLook account");
    expect(mail.text).toContain('"Kitchen laptop"');
    expect(mail.text).toContain("http://localhost:3000/account");
  });

  it("keeps several per account, lists them oldest first, and excludes those already added from the next options", async () => {
    const person = await signedIn();
    const authenticator = new SoftwareAuthenticator();
    const first = await addPasskey(person, authenticator, "Phone");
    const second = await addPasskey(person, authenticator, "Laptop");
    expect((await person.caller.passkey.list()).map((p) => p.name)).toEqual(["Phone", "Laptop"]);
    const next = await person.caller.passkey.registrationOptions();
    expect(next.excludeCredentials?.map((c) => c.id).sort()).toEqual([...authenticator.credentials.keys()].sort());
    expect(first.id).not.toBe(second.id);
  });

  it("accepts each answer once: a replayed answer is refused and nothing more is stored", async () => {
    const person = await signedIn();
    const options = await person.caller.passkey.registrationOptions();
    const response = new SoftwareAuthenticator().register(options);
    await person.caller.passkey.add({ name: "Once", response });
    await expect(person.caller.passkey.add({ name: "Twice", response })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await person.caller.passkey.list()).toHaveLength(1);
  });

  it("refuses an answer to an expired challenge, for another site, or without the device checking the person", async () => {
    const person = await signedIn();
    const authenticator = new SoftwareAuthenticator();

    const expired = await person.caller.passkey.registrationOptions();
    await database.db
      .update(webauthnChallenges)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(webauthnChallenges.challenge, expired.challenge));
    await expect(person.caller.passkey.add({ name: "Late", response: authenticator.register(expired) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: messageRef("account.errors.passkeyTooSlow"),
    });

    const phished = authenticator.register(await person.caller.passkey.registrationOptions(), { origin: "https://secondlook.evil.example" });
    await expect(person.caller.passkey.add({ name: "Phished", response: phished })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const unverified = authenticator.register(await person.caller.passkey.registrationOptions(), { userVerified: false });
    await expect(person.caller.passkey.add({ name: "No PIN", response: unverified })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    expect(await hasPasskey(database.db, person.user.id)).toBe(false);
  });

  it("refuses another person's challenge", async () => {
    const alice = await signedIn();
    const mallory = await signedIn();
    const aliceOptions = await alice.caller.passkey.registrationOptions();
    const response = new SoftwareAuthenticator().register(aliceOptions);
    await expect(mallory.caller.passkey.add({ name: "Stolen", response })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await hasPasskey(database.db, mallory.user.id)).toBe(false);
  });

  it("asks for a fresh proof when the last one is older than 10 minutes", async () => {
    const person = await signedIn();
    const options = await person.caller.passkey.registrationOptions();
    await ageProof(person.sessionId);
    const error = await person.caller.passkey.add({ name: "Late", response: new SoftwareAuthenticator().register(options) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "FORBIDDEN" });
    await expect(person.caller.passkey.registrationOptions()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await hasPasskey(database.db, person.user.id)).toBe(false);
  });

  it("refuses an empty or over-long name", async () => {
    const person = await signedIn();
    const options = await person.caller.passkey.registrationOptions();
    const response = new SoftwareAuthenticator().register(options);
    await expect(person.caller.passkey.add({ name: "  ", response })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(person.caller.passkey.add({ name: "x".repeat(61), response })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("answers UNAUTHORIZED to someone signed out", async () => {
    await expect(anonymousCaller(database.db).passkey.registrationOptions()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymousCaller(database.db).passkey.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("signing in with a passkey", () => {
  it("finds the person from the passkey alone (no email), once per challenge, and notes when it was used", async () => {
    const person = await signedIn();
    const authenticator = new SoftwareAuthenticator();
    const added = await addPasskey(person, authenticator);

    const options = await passkeySignInOptions(database.db, HERE);
    expect(options.allowCredentials ?? []).toEqual([]);
    expect(options.userVerification).toBe("required");
    expect(options.rpId).toBe("localhost");
    const assertion = authenticator.authenticate(options);
    await expect(verifyPasskeySignIn(database.db, assertion, HERE)).resolves.toEqual({ id: person.user.id, name: person.user.name, email: person.user.email });

    const [row] = await database.db.select().from(passkeys).where(eq(passkeys.id, added.id));
    expect(row?.counter).toBe(1);
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
    expect((await person.caller.passkey.list())[0]?.lastUsedAt).toBeInstanceOf(Date);

    // The same answer again: its challenge is spent.
    await expect(verifyPasskeySignIn(database.db, assertion, HERE)).resolves.toBeNull();
  });

  it("refuses a bad signature, another site, no user verification, a counter going back, and a removed passkey", async () => {
    const person = await signedIn();
    const authenticator = new SoftwareAuthenticator();
    const added = await addPasskey(person, authenticator);
    const signInWith = async (tweaks: Parameters<SoftwareAuthenticator["authenticate"]>[2]) =>
      verifyPasskeySignIn(database.db, authenticator.authenticate(await passkeySignInOptions(database.db, HERE), undefined, tweaks), HERE);

    await expect(signInWith({ tamperSignature: true })).resolves.toBeNull();
    await expect(signInWith({ origin: "https://secondlook.evil.example" })).resolves.toBeNull();
    await expect(signInWith({ userVerified: false })).resolves.toBeNull();

    await expect(signInWith({})).resolves.toMatchObject({ id: person.user.id });
    // A clone of the key replaying an older counter value.
    const credential = [...authenticator.credentials.values()][0]!;
    credential.counter = 0;
    await expect(signInWith({})).resolves.toBeNull();

    credential.counter = 100;
    await person.caller.passkey.remove({ id: added.id });
    await expect(signInWith({})).resolves.toBeNull();
  });

  it("refuses an answer that is not a WebAuthn answer at all", async () => {
    await expect(verifyPasskeySignIn(database.db, { id: "x" }, HERE)).resolves.toBeNull();
    await expect(verifyPasskeySignIn(database.db, "not even an object", HERE)).resolves.toBeNull();
  });

  it("refuses an answer to a challenge issued for something else (adding a passkey)", async () => {
    const person = await signedIn();
    const authenticator = new SoftwareAuthenticator();
    await addPasskey(person, authenticator);
    const registerOptions = await person.caller.passkey.registrationOptions();
    const assertion = authenticator.authenticate({ challenge: registerOptions.challenge, rpId: "localhost" });
    await expect(verifyPasskeySignIn(database.db, assertion, HERE)).resolves.toBeNull();
  });
});

describe("confirming it's you with a passkey", () => {
  it("marks the session as freshly proved, so a sensitive action goes through", async () => {
    const person = await signedIn();
    const authenticator = new SoftwareAuthenticator();
    await addPasskey(person, authenticator);
    await ageProof(person.sessionId);
    await expect(requireRecentProof(database.db, person.sessionId)).rejects.toMatchObject({ code: "FORBIDDEN" });

    const options = await person.caller.passkey.confirmOptions();
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([...authenticator.credentials.keys()]);
    await expect(person.caller.passkey.confirm({ response: authenticator.authenticate(options) })).resolves.toEqual({ confirmed: true });
    await expect(requireRecentProof(database.db, person.sessionId)).resolves.toBeUndefined();
  });

  it("renews the session when it can hand the browser a new cookie (ASVS 7.2.4): the old id authenticates nothing", async () => {
    const person = await signedIn();
    const authenticator = new SoftwareAuthenticator();
    await addPasskey(person, authenticator);
    const here = await renewableCallerFor(database.db, person.user, mailer());
    const options = await here.caller.passkey.confirmOptions();
    await expect(here.caller.passkey.confirm({ response: authenticator.authenticate(options) })).resolves.toEqual({ confirmed: true });
    expect(here.cookies).toHaveLength(1);
    expect(await findSessionUser(database.db, here.sessionId)).toBeNull();
    expect(await findSessionUser(database.db, here.cookies[0]!)).toMatchObject({ id: person.user.id });
    await expect(requireRecentProof(database.db, here.cookies[0]!)).resolves.toBeUndefined();
  });

  it("refuses someone else's passkey, and a person with no passkey gets a plain refusal", async () => {
    const alice = await signedIn();
    const mallory = await signedIn();
    const mallorysKey = new SoftwareAuthenticator();
    await addPasskey(mallory, mallorysKey);
    await addPasskey(alice, new SoftwareAuthenticator());
    await ageProof(alice.sessionId);

    const options = await alice.caller.passkey.confirmOptions();
    const [mallorysCredential] = mallorysKey.credentials.keys();
    const answer = mallorysKey.authenticate(options, mallorysCredential);
    await expect(alice.caller.passkey.confirm({ response: answer })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(requireRecentProof(database.db, alice.sessionId)).rejects.toMatchObject({ code: "FORBIDDEN" });

    const nobody = await signedIn();
    await expect(nobody.caller.passkey.confirmOptions()).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: messageRef("account.errors.noPasskey"),
    });
  });

  it("does not accept a sign-in challenge as a confirmation", async () => {
    const person = await signedIn();
    const authenticator = new SoftwareAuthenticator();
    await addPasskey(person, authenticator);
    await ageProof(person.sessionId);
    const signInOptions = await passkeySignInOptions(database.db, HERE);
    await expect(person.caller.passkey.confirm({ response: authenticator.authenticate(signInOptions) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(requireRecentProof(database.db, person.sessionId)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("renaming and removing a passkey", () => {
  it("renames one's own passkey without a fresh proof; someone else's is NOT_FOUND", async () => {
    const alice = await signedIn();
    const bob = await signedIn();
    const added = await addPasskey(alice, new SoftwareAuthenticator(), "Phone");
    await ageProof(alice.sessionId);
    await expect(alice.caller.passkey.rename({ id: added.id, name: "Work phone" })).resolves.toEqual({ id: added.id, name: "Work phone" });
    await expect(bob.caller.passkey.rename({ id: added.id, name: "Mine now" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: messageRef("account.errors.passkeyNotFound"),
    });
    expect((await alice.caller.passkey.list())[0]?.name).toBe("Work phone");
    expect(await bob.caller.passkey.list()).toEqual([]);
  });

  it("removes one's own passkey after a recent proof and emails the person; someone else's is NOT_FOUND", async () => {
    const alice = await signedIn();
    const bob = await signedIn();
    const keep = await addPasskey(alice, new SoftwareAuthenticator(), "Keep");
    const drop = await addPasskey(alice, new SoftwareAuthenticator(), "Old tablet");

    await expect(bob.caller.passkey.remove({ id: drop.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await ageProof(alice.sessionId);
    const refused = await alice.caller.passkey.remove({ id: drop.id }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "FORBIDDEN" });
    expect(await alice.caller.passkey.list()).toHaveLength(2);

    await database.db.update(authSessions).set({ provedAt: new Date() }).where(eq(authSessions.id, alice.sessionId));
    await expect(alice.caller.passkey.remove({ id: drop.id })).resolves.toEqual({ removed: true });
    expect((await alice.caller.passkey.list()).map((p) => p.id)).toEqual([keep.id]);
    const removedMail = () =>
      sink.received.find((m) => m.to.includes(alice.user.email) && m.subject === "A passkey was removed from your SecondLook account");
    await expect.poll(() => removedMail()?.text).toContain('"Old tablet" was just removed');
    await expect(alice.caller.passkey.remove({ id: drop.id })).rejects.toMatchObject({ code: "NOT_FOUND", message: messageRef("account.errors.passkeyGone") });
  });
});

describe("throttling passkey requests", () => {
  it("allows 60 sign-in challenges and 60 answers per address in 15 minutes unless configured otherwise", () => {
    expect(config().passkeySignInsPerIp).toBe(60);
  });

  it("refuses sign-in challenges from one address past the limit with TOO_MANY_REQUESTS; other addresses go on", async () => {
    const busy = "198.51.100.20";
    for (let i = 0; i < config().passkeySignInsPerIp; i++) await passkeySignInOptions(database.db, busy);
    const stored = await database.db.select({ challenge: webauthnChallenges.challenge }).from(webauthnChallenges);
    await expect(passkeySignInOptions(database.db, busy)).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", message: PASSKEY_THROTTLED_MESSAGE });
    // A refused request stores no challenge.
    expect(await database.db.select({ challenge: webauthnChallenges.challenge }).from(webauthnChallenges)).toHaveLength(stored.length);
    await expect(passkeySignInOptions(database.db, "198.51.100.21")).resolves.toMatchObject({ challenge: expect.any(String) });
  });

  it("refuses sign-in answers from one address past the limit, a valid one included", async () => {
    const person = await signedIn();
    const authenticator = new SoftwareAuthenticator();
    await addPasskey(person, authenticator);
    const busy = "198.51.100.30";
    for (let i = 0; i < config().passkeySignInsPerIp; i++) await expect(verifyPasskeySignIn(database.db, { id: "x" }, busy)).resolves.toBeNull();
    const assertion = authenticator.authenticate(await passkeySignInOptions(database.db, HERE));
    await expect(verifyPasskeySignIn(database.db, assertion, busy)).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    // From elsewhere the same answer still works: the refusal did not use up its challenge.
    await expect(verifyPasskeySignIn(database.db, assertion, HERE)).resolves.toMatchObject({ id: person.user.id });
  });

  it("refuses adding or confirming with a passkey past the per-account limit with TOO_MANY_REQUESTS", async () => {
    const person = await signedIn();
    await addPasskey(person, new SoftwareAuthenticator());
    // Adding one took one challenge; the rest of the allowance goes on confirmations.
    for (let i = 1; i < CHALLENGES_PER_ACCOUNT; i++) await person.caller.passkey.confirmOptions();
    await expect(person.caller.passkey.confirmOptions()).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    await expect(person.caller.passkey.registrationOptions()).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    // Someone else is not affected.
    const other = await signedIn();
    await expect(other.caller.passkey.registrationOptions()).resolves.toMatchObject({ challenge: expect.any(String) });
  });
});
