/**
 * The account page and "confirm it's you" speak the reader's language: the contracts' messages, the
 * server's answers (message references) and the counted phrases come out in English or Spanish, with
 * the plural each language needs.
 */
import { describe, expect, it } from "vitest";
import { ZConfirmIdentityInput, ZEndSessionInput } from "@/lib/session";
import { ZRenamePasskeyInput } from "@/lib/passkey";
import type { Locale } from "@/lib/i18n/locales";
import { messageRef } from "@/lib/i18n/message-ref";
import { catalogues } from "@/server/i18n/catalogue";
import { translateRef, translatorFor } from "@/server/i18n/translator";

const GENERIC = { en: catalogues.en.validation.invalid, es: catalogues.es.validation.invalid };

describe("the account contracts' messages", () => {
  it.each<Locale>(["en", "es"])("are put in words, never the generic 'check this field' (%s)", (locale) => {
    const issues = [
      ...(ZConfirmIdentityInput.safeParse({ password: "" }).error?.issues ?? []),
      ...(ZConfirmIdentityInput.safeParse({ password: "x".repeat(201) }).error?.issues ?? []),
      ...(ZEndSessionInput.safeParse({ sessionId: "not-an-id" }).error?.issues ?? []),
      ...(ZRenamePasskeyInput.safeParse({ id: "nope", name: " " }).error?.issues ?? []),
      ...(ZRenamePasskeyInput.safeParse({ id: crypto.randomUUID(), name: "x".repeat(61) }).error?.issues ?? []),
    ];
    const messages = issues.map((issue) => translateRef(issue.message, locale));
    expect(messages).toHaveLength(6);
    for (const message of messages) expect(message).not.toBe(GENERIC[locale]);
    expect(messages).toContain(locale === "es" ? "Use 60 caracteres como máximo." : "Use at most 60 characters.");
  });
});

describe("the server's account answers", () => {
  it("ask for a fresh proof in the reader's language", () => {
    const ref = messageRef("account.errors.proofRequired");
    expect(translateRef(ref, "en")).toBe("For your safety, please confirm it's you before doing this.");
    expect(translateRef(ref, "es")).toBe("Por su seguridad, confirme que es usted antes de hacer esto.");
  });

  it("name the case whose owner requires two-step sign-in, as it was written", () => {
    const ref = messageRef("account.errors.ownerRequiresTwoStep", { title: "Mamá's knee" });
    expect(translateRef(ref, "en")).toBe("You require two-step sign-in in “Mamá's knee”. Turn that off under the case's Sharing & settings first.");
    expect(translateRef(ref, "es")).toContain("en “Mamá's knee”.");
  });
});

describe("counted phrases on the account page", () => {
  const en = translatorFor("en");
  const es = translatorFor("es");

  it("name the delete button by how many cases go with the account", () => {
    expect([0, 1, 3].map((count) => en("account.deletion.submit", { count }))).toEqual([
      "Delete my account",
      "Delete my account and the case I own",
      "Delete my account and the 3 cases I own",
    ]);
    expect([0, 1, 3].map((count) => es("account.deletion.submit", { count }))).toEqual([
      "Eliminar mi cuenta",
      "Eliminar mi cuenta y el caso del que soy titular",
      "Eliminar mi cuenta y los 3 casos de los que soy titular",
    ]);
  });

  it("count recovery codes and other members with the right plural", () => {
    expect(en.markup("account.twoStep.on", { count: 1, strong: (chunks) => chunks })).toContain("You have 1 recovery code left.");
    expect(en.markup("account.twoStep.on", { count: 4, strong: (chunks) => chunks })).toContain("You have 4 recovery codes left.");
    expect(es.markup("account.twoStep.on", { count: 1, strong: (chunks) => chunks })).toContain("Le queda 1 código de recuperación.");
    expect(es.markup("account.twoStep.on", { count: 4, strong: (chunks) => chunks })).toContain("Le quedan 4 códigos de recuperación.");
    expect(en("account.deletion.othersLose", { count: 1 })).toBe("1 other person is in it and will lose it too.");
    expect(es("account.deletion.othersLose", { count: 2 })).toBe("2 personas más están en él y también lo perderán.");
  });

  it("say how long a fresh proof lasts", () => {
    expect(en("account.confirmPage.confirmed", { minutes: 10 })).toContain("For the next 10 minutes you can change your security settings.");
    expect(es("account.confirmPage.confirmed", { minutes: 10 })).toContain("Durante los próximos 10 minutos puede cambiar");
  });
});
