/**
 * The signed-out pages speak the reader's language: the account contracts' messages, the server's
 * sign-in answers (message references) and the pages' own words come out in English or Spanish,
 * with plurals from the catalogue.
 */
import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SessionEndedNotice } from "@/components/account/session-ended-notice";
import { ZSignInInput, ZSignUpInput, passwordProblem } from "@/lib/account";
import type { Locale } from "@/lib/i18n/locales";
import { messageRef } from "@/lib/i18n/message-ref";
import { catalogues } from "@/server/i18n/catalogue";
import { translateRef } from "@/server/i18n/translator";

const GENERIC = { en: catalogues.en.validation.invalid, es: catalogues.es.validation.invalid };

describe("sign-in messages from the server and the contracts", () => {
  it("say how long to wait, with the right plural in each language", () => {
    expect(translateRef(messageRef("signIn.errors.throttled", { minutes: 1 }), "en")).toBe(
      "Too many sign-in attempts. For your safety, please try again in 1 minute.",
    );
    expect(translateRef(messageRef("signIn.errors.throttled", { minutes: 15 }), "en")).toBe(
      "Too many sign-in attempts. For your safety, please try again in 15 minutes.",
    );
    expect(translateRef(messageRef("signIn.errors.throttled", { minutes: 1 }), "es")).toMatch(/en 1 minuto\.$/);
    expect(translateRef(messageRef("signIn.errors.throttled", { minutes: 15 }), "es")).toMatch(/en 15 minutos\.$/);
  });

  it("name the email address a link was sent to, as it was typed", () => {
    const ref = messageRef("signIn.emailLink.sent", { email: "ana.lopez@example.com" });
    expect(translateRef(ref, "en")).toBe(
      "If ana.lopez@example.com has a SecondLook account, we have emailed it a sign-in link. Open it on this device within 15 minutes.",
    );
    expect(translateRef(ref, "es")).toMatch(/^Si ana\.lopez@example\.com tiene una cuenta de SecondLook/);
  });

  it.each<Locale>(["en", "es"])("put every problem of the sign-up and sign-in forms in words (%s)", (locale) => {
    const signUp = ZSignUpInput.safeParse({ name: " ", email: "not an address", password: "password1234" });
    const signIn = ZSignInInput.safeParse({ email: "", password: "" });
    const messages = [...(signUp.error?.issues ?? []), ...(signIn.error?.issues ?? [])].map((issue) => translateRef(issue.message, locale));
    expect(messages).toHaveLength(5);
    for (const message of messages) expect(message).not.toBe(GENERIC[locale]);
    if (locale === "es") expect(messages).toContain("Escriba su correo electrónico.");
    else expect(messages).toContain("Enter your email address.");
  });

  it("name the password rules' limit in the reader's language", () => {
    const problem = passwordProblem("short");
    expect(problem).toBe(messageRef("signIn.validation.passwordTooShort", { min: 12 }));
    expect(translateRef(problem!, "en")).toMatch(/^Use at least 12 characters\./);
    expect(translateRef(problem!, "es")).toMatch(/^Use al menos 12 caracteres\./);
  });
});

describe("the notice after a session ran out", () => {
  const render = (locale: Locale, idleSeconds: number) =>
    renderToStaticMarkup(
      <NextIntlClientProvider locale={locale} messages={catalogues[locale]} timeZone="UTC">
        <SessionEndedNotice reason="idle" idleSeconds={idleSeconds} />
      </NextIntlClientProvider>,
    );

  it("says how long the person was away, in their language", () => {
    expect(render("en", 1800)).toContain("you were signed out after 30 minutes without activity.");
    expect(render("en", 60)).toContain("you were signed out after 60 seconds without activity.");
    expect(render("es", 1800)).toContain("cerramos su sesión después de 30 minutos sin actividad.");
    expect(render("es", 60)).toContain("después de 60 segundos sin actividad.");
  });
});
