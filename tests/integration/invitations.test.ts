import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messageRef } from "@/lib/i18n/message-ref";
import { addMember, createCase, createUser } from "@/server/database/factories";
import { caseMembers, invitations } from "@/db/schema";
import { createSmtpMailer } from "@/server/mail";
import { anonymousCaller, callerFor } from "../support/callers";
import { startSmtpSink } from "../support/smtp-sink";
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

const tokenOf = (link: string) => link.split("/invitations/")[1]!;

async function ownerWithCase() {
  const owner = await createUser(database.db, { name: "Olive Owner" });
  const created = await createCase(database.db, owner.id, { title: "Shoulder surgery" });
  const caller = await callerFor(database.db, owner, createSmtpMailer(sink.url, "SecondLook <no-reply@example.test>"));
  return { owner, caseId: created.id, caller };
}

describe("invitations", () => {
  it("are emailed with a working link, and accepting as the invited address joins with the invited role", async () => {
    const { caseId, caller } = await ownerWithCase();
    const invitee = await createUser(database.db, { name: "Sam Supporter" });
    const issued = await caller.invitation.create({ caseId, email: invitee.email.toUpperCase(), role: "supporter", message: "Would you help me?" });
    expect(issued.emailed).toBe(true);

    const mail = await sink.nextMailTo(invitee.email);
    expect(mail.subject).toContain("Olive Owner invited you");
    expect(mail.text).toContain("Would you help me?");
    expect(mail.text).toContain(issued.link);

    const preview = await anonymousCaller(database.db).invitation.preview({ token: tokenOf(issued.link) });
    expect(preview).toMatchObject({ status: "pending", role: "supporter", caseTitle: "Shoulder surgery", inviterFirstName: "Olive" });

    const inviteeCaller = await callerFor(database.db, invitee);
    await expect(inviteeCaller.invitation.accept({ token: tokenOf(issued.link) })).resolves.toEqual({ caseId });
    const viewed = await inviteeCaller.case.get({ caseId });
    expect(viewed.myRole).toBe("supporter");
    expect((await caller.invitation.list({ caseId }))[0]?.status).toBe("accepted");

    // Single use: the same link cannot be used again, even by the same person.
    await expect(inviteeCaller.invitation.accept({ token: tokenOf(issued.link) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await anonymousCaller(database.db).invitation.preview({ token: tokenOf(issued.link) })).status).toBe("accepted");
  });

  it("refuses someone signed in with another address, and leaves the link usable for the right person", async () => {
    const { caseId, caller } = await ownerWithCase();
    const invitee = await createUser(database.db);
    const stranger = await createUser(database.db);
    const { link } = await caller.invitation.create({ caseId, email: invitee.email, role: "viewer", message: "" });

    const wrong = (await callerFor(database.db, stranger)).invitation.accept({ token: tokenOf(link) });
    await expect(wrong).rejects.toMatchObject({ code: "FORBIDDEN", message: messageRef("sharing.errors.otherAddress") });
    await expect(wrong).rejects.not.toThrow(invitee.email);
    await expect(wrong).rejects.not.toThrow(invitee.email.split("@")[0]!);
    await expect((await callerFor(database.db, stranger)).case.get({ caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await expect((await callerFor(database.db, invitee)).invitation.accept({ token: tokenOf(link) })).resolves.toEqual({ caseId });
  });

  it("shows a link's holder only what joining needs: never the invited address, the message only to the invitee (issue 15 §4.15)", async () => {
    const { caseId, caller } = await ownerWithCase();
    const invitee = await createUser(database.db, { name: "Sam Supporter" });
    const stranger = await createUser(database.db);
    const { link } = await caller.invitation.create({ caseId, email: invitee.email, role: "viewer", message: "About my scan results" });
    const token = tokenOf(link);

    const anonymous = await anonymousCaller(database.db).invitation.preview({ token });
    expect(anonymous).toEqual({
      status: "pending",
      role: "viewer",
      caseTitle: "Shoulder surgery",
      inviterFirstName: "Olive",
      forYou: null,
      message: null,
      expiresAt: expect.any(Date),
    });
    const someoneElse = await (await callerFor(database.db, stranger)).invitation.preview({ token });
    expect(someoneElse).toMatchObject({ forYou: false, message: null });
    for (const seen of [anonymous, someoneElse]) {
      const text = JSON.stringify(seen);
      expect(text).not.toContain(invitee.email);
      expect(text).not.toContain(invitee.email.split("@")[0]!);
      expect(text).not.toContain("Owner"); // the inviter's full name
    }
    const theInvitee = await (await callerFor(database.db, invitee)).invitation.preview({ token });
    expect(theInvitee).toMatchObject({ forYou: true, message: "About my scan results" });
  });

  it("refuses an expired link", async () => {
    const { caseId, caller } = await ownerWithCase();
    const invitee = await createUser(database.db);
    const { link, invitationId } = await caller.invitation.create({ caseId, email: invitee.email, role: "viewer", message: "" });
    await database.db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, invitationId));
    expect((await anonymousCaller(database.db).invitation.preview({ token: tokenOf(link) })).status).toBe("expired");
    await expect((await callerFor(database.db, invitee)).invitation.accept({ token: tokenOf(link) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: messageRef("sharing.errors.linkClosed", { status: "expired" }),
    });
  });

  it("refuses a revoked link", async () => {
    const { caseId, caller } = await ownerWithCase();
    const invitee = await createUser(database.db);
    const { link, invitationId } = await caller.invitation.create({ caseId, email: invitee.email, role: "viewer", message: "" });
    await caller.invitation.revoke({ caseId, invitationId });
    expect((await anonymousCaller(database.db).invitation.preview({ token: tokenOf(link) })).status).toBe("revoked");
    await expect((await callerFor(database.db, invitee)).invitation.accept({ token: tokenOf(link) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(caller.invitation.resend({ caseId, invitationId })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("resending makes a new link and the old one dies", async () => {
    const { caseId, caller } = await ownerWithCase();
    const invitee = await createUser(database.db);
    const first = await caller.invitation.create({ caseId, email: invitee.email, role: "supporter", message: "" });
    const second = await caller.invitation.resend({ caseId, invitationId: first.invitationId });
    expect(second.link).not.toBe(first.link);
    expect((await anonymousCaller(database.db).invitation.preview({ token: tokenOf(first.link) })).status).toBe("invalid");

    const inviteeCaller = await callerFor(database.db, invitee);
    // No invitation has the old link any more.
    await expect(inviteeCaller.invitation.accept({ token: tokenOf(first.link) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(inviteeCaller.invitation.accept({ token: tokenOf(second.link) })).resolves.toEqual({ caseId });
  });

  it("refuses to invite someone already in the case, or already invited", async () => {
    const { caseId, caller } = await ownerWithCase();
    const member = await createUser(database.db);
    await addMember(database.db, caseId, member.id, "viewer");
    await expect(caller.invitation.create({ caseId, email: member.email, role: "supporter", message: "" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { field: "email" },
    });

    await caller.invitation.create({ caseId, email: "pending@example.test", role: "viewer", message: "" });
    await expect(
      caller.invitation.create({ caseId, email: "Pending@Example.test", role: "viewer", message: "" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "email" } });
  });

  it("cannot revoke or resend an invitation of another case through one's own case", async () => {
    const a = await ownerWithCase();
    const b = await ownerWithCase();
    const { invitationId } = await b.caller.invitation.create({ caseId: b.caseId, email: "target@example.test", role: "viewer", message: "" });
    await expect(a.caller.invitation.revoke({ caseId: a.caseId, invitationId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(a.caller.invitation.resend({ caseId: a.caseId, invitationId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await b.caller.invitation.list({ caseId: b.caseId }))[0]?.status).toBe("pending");
  });

  it("keeps the invitation when the mail server is down, and still hands out the link", async () => {
    const owner = await createUser(database.db);
    const { id: caseId } = await createCase(database.db, owner.id);
    const caller = await callerFor(database.db, owner, createSmtpMailer("smtp://127.0.0.1:1", "x@example.test"));
    const issued = await caller.invitation.create({ caseId, email: "offline@example.test", role: "viewer", message: "" });
    expect(issued.emailed).toBe(false);
    expect(issued.link).toMatch(/\/invitations\/[\w-]{43}$/);
    expect(await database.db.select().from(invitations).where(and(eq(invitations.caseId, caseId)))).toHaveLength(1);
    expect(await database.db.select().from(caseMembers).where(eq(caseMembers.caseId, caseId))).toHaveLength(1);
  });

  it("shows a made-up link as invalid without an error", async () => {
    await expect(anonymousCaller(database.db).invitation.preview({ token: "nothing-like-a-real-token" })).resolves.toEqual({
      status: "invalid",
    });
  });
});
