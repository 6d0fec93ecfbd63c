/**
 * Every email is written in its RECIPIENT's language (issue 16): their account's language, whoever caused
 * the email and whatever language that request was in; an address without an account gets the language
 * of the person who sent it (the inviter, or the browser that asked to sign up). Read from a real SMTP sink.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { addMember, createCase, createUser } from "@/server/database/factories";
import { createSmtpMailer } from "@/server/mail";
import { createCaller } from "@/server/routers/_app";
import { createContextInner } from "@/server/trpc";
import { callerFor } from "../support/callers";
import { openTestQueue, runDigests } from "../support/queue";
import { startSmtpSink } from "../support/smtp-sink";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

process.env.AUTH_SECRET ??= "email-language-test-secret-0123456789abcdef";
process.env.SMTP_URL ??= "smtp://127.0.0.1:25";

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

const mailer = () => createSmtpMailer(sink.url, "SecondLook <no-reply@example.test>");
/** A caller without a session whose request is in `locale` (as a browser's Accept-Language would make it). */
const anonymousIn = (locale: Locale) => createCaller(createContextInner({ db: database.db, session: null, mailer: mailer(), locale }));

async function personSpeaking(locale: Locale, name: string) {
  const user = await createUser(database.db, { name });
  await database.db.update(users).set({ locale }).where(eq(users.id, user.id));
  return user;
}

describe("emails in the recipient's language", () => {
  it("a password reset asked from an English page reaches a Spanish-speaking person in Spanish, and an English-speaking one in English", async () => {
    const ana = await personSpeaking("es", "Ana Paciente");
    const eve = await personSpeaking("en", "Eve Patient");
    await anonymousIn("en").account.requestPasswordReset({ email: ana.email });
    await anonymousIn("es").account.requestPasswordReset({ email: eve.email });

    const spanish = await sink.nextMailTo(ana.email);
    expect(spanish.subject).toBe("Cambie su contraseña de SecondLook");
    expect(spanish.text).toMatch(/^Hola, Ana Paciente:\n/);
    expect(spanish.text).toContain("Para elegir una contraseña nueva, abra este enlace en la próxima hora:");
    expect(spanish.text).toMatch(/\/reset-password\?token=\S+/);
    expect(spanish.text).not.toContain("Someone (we hope you)");

    const english = await sink.nextMailTo(eve.email);
    expect(english.subject).toBe("Reset your SecondLook password");
    expect(english.text).toMatch(/^Hello Eve Patient,\n/);
    expect(english.text).toContain("To choose a new password, open this link within the next hour:");
  });

  it("an invitation is in the invitee's language if they have an account, else in the inviter's", async () => {
    const englishOwner = await personSpeaking("en", "Olive Owner");
    const spanishOwner = await personSpeaking("es", "Olga Dueña");
    const spanishInvitee = await personSpeaking("es", "Sara Apoyo");
    const { id: caseA } = await createCase(database.db, englishOwner.id, { title: "Shoulder surgery" });
    const { id: caseB } = await createCase(database.db, spanishOwner.id, { title: "Cirugía de rodilla" });
    const english = await callerFor(database.db, englishOwner, mailer());
    const spanish = await callerFor(database.db, spanishOwner, mailer());

    await english.invitation.create({ caseId: caseA, email: spanishInvitee.email, role: "supporter", message: "Would you help me?" });
    const toSara = await sink.nextMailTo(spanishInvitee.email);
    expect(toSara.subject).toBe("Olive Owner lo invitó a un caso en SecondLook");
    expect(toSara.text).toContain('Olive Owner quiere que usted se una a "Shoulder surgery" en SecondLook con el rol Acompañante.');
    // What the inviter wrote stays as written.
    expect(toSara.text).toContain("Olive Owner escribió:\nWould you help me?");

    const newcomer = "newcomer-es@example.test";
    await spanish.invitation.create({ caseId: caseB, email: newcomer, role: "viewer", message: "" });
    const toNewcomer = await sink.nextMailTo(newcomer);
    expect(toNewcomer.subject).toBe("Olga Dueña lo invitó a un caso en SecondLook");
    expect(toNewcomer.text).toContain("con el rol Solo lectura.");

    const otherNewcomer = "newcomer-en@example.test";
    await english.invitation.create({ caseId: caseA, email: otherNewcomer, role: "viewer", message: "" });
    const toOther = await sink.nextMailTo(otherNewcomer);
    expect(toOther.subject).toBe("Olive Owner invited you to a case on SecondLook");
    expect(toOther.text).toContain('Olive Owner would like you to join "Shoulder surgery" on SecondLook as a viewer.');
  });

  it("a sign-up link for a new address is in the language of the browser that asked", async () => {
    await anonymousIn("es").account.signUp({ name: "Luis Nuevo", email: "luis.nuevo@example.test", password: "quiet river morning lamp" });
    const mail = await sink.nextMailTo("luis.nuevo@example.test");
    expect(mail.subject).toBe("Termine de crear su cuenta de SecondLook");
    expect(mail.text).toContain("abra este enlace en los próximos 30 minutos:");
  });

  it("the digest goes to each reader in their own language, sections named in it too", async () => {
    const owner = await personSpeaking("en", "Olive Owner");
    const spanishSupporter = await personSpeaking("es", "Sara Apoyo");
    const englishSupporter = await personSpeaking("en", "Sam Supporter");
    const { id: caseId } = await createCase(database.db, owner.id, { title: "Hip pain" });
    await addMember(database.db, caseId, spanishSupporter.id, "supporter");
    await addMember(database.db, caseId, englishSupporter.id, "supporter");
    for (const person of [spanishSupporter, englishSupporter]) await (await callerFor(database.db, person)).notification.set({ channels: { assigned: "now", due: "now", visit: "now", new: "digest" }, digestHour: 7, timeZone: "UTC" });
    const ownerCaller = await callerFor(database.db, owner);
    await ownerCaller.question.create({ caseId, text: "What are the risks of waiting?" });
    await ownerCaller.question.create({ caseId, text: "Is there another option?" });

    const queue = await openTestQueue(database);
    try {
      expect(await runDigests(database, queue, mailer(), new Date(Date.now() + 24 * 60 * 60 * 1000))).toMatchObject({ queued: 2, done: 2 });
    } finally {
      await queue.stop();
    }

    const spanish = await sink.nextMailTo(spanishSupporter.email);
    expect(spanish.subject).toBe("SecondLook: 2 cambios en sus casos");
    expect(spanish.text).toMatch(/^Hola, Sara Apoyo:\n/);
    expect(spanish.text).toContain("- 2 cambios en Preguntas");
    expect(spanish.text).toContain("Para dejar de recibirlo, abra este enlace");
    // The case's title as its owner wrote it; nothing else of the case.
    expect(spanish.text).toContain("Hip pain (");
    expect(spanish.text).not.toContain("risks of waiting");

    const english = await sink.nextMailTo(englishSupporter.email);
    expect(english.subject).toBe("SecondLook: 2 changes in your cases");
    expect(english.text).toContain("- 2 changes in Questions");
  });
});
