/** Turns a browser's user-agent text into the words the sessions list shows ("Safari 17 · iOS 17 · phone"), in the reader's language. */
import "server-only";
import Bowser from "bowser";
import type { AnyLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/server/i18n/translator";

const PLATFORMS = ["mobile", "tablet", "desktop", "tv"] as const;

function named(name: string | undefined, version: string | undefined): string | null {
  if (!name) return null;
  // "17.0" and "140.0.0.0" read better as "17" and "140".
  const major = version?.split(".")[0];
  return major ? `${name} ${major}` : name;
}

export function deviceLabel(userAgent: string | null, locale: AnyLocale): { browser: string; system: string } {
  const t = translatorFor(locale);
  if (!userAgent) return { browser: t("account.devices.unknownBrowser"), system: t("account.devices.unknownSystem") };
  const parsed = Bowser.parse(userAgent);
  // Windows reports "NT 10.0"; its marketing name ("10") is what people know.
  const os = parsed.os.name === "Windows" && parsed.os.versionName ? `Windows ${parsed.os.versionName}` : named(parsed.os.name, parsed.os.version);
  const type = PLATFORMS.find((p) => p === parsed.platform.type);
  const platform = type ? t(`account.devices.platform.${type}`) : undefined;
  return {
    browser: named(parsed.browser.name, parsed.browser.version) ?? t("account.devices.unknownBrowser"),
    system: [os ?? t("account.devices.unknownSystem"), platform].filter(Boolean).join(" · "),
  };
}
