/** Turns a browser's user-agent text into the words the sessions list shows ("Safari 17 · iOS 17 · phone"). */
import "server-only";
import Bowser from "bowser";

const PLATFORM_WORDS: Record<string, string> = { mobile: "phone", tablet: "tablet", desktop: "computer", tv: "TV" };

function named(name: string | undefined, version: string | undefined): string | null {
  if (!name) return null;
  // "17.0" and "140.0.0.0" read better as "17" and "140".
  const major = version?.split(".")[0];
  return major ? `${name} ${major}` : name;
}

export function deviceLabel(userAgent: string | null): { browser: string; system: string } {
  if (!userAgent) return { browser: "An unknown browser", system: "An unknown system" };
  const parsed = Bowser.parse(userAgent);
  // Windows reports "NT 10.0"; its marketing name ("10") is what people know.
  const os = parsed.os.name === "Windows" && parsed.os.versionName ? `Windows ${parsed.os.versionName}` : named(parsed.os.name, parsed.os.version);
  const platform = parsed.platform.type ? PLATFORM_WORDS[parsed.platform.type] : undefined;
  return {
    browser: named(parsed.browser.name, parsed.browser.version) ?? "An unknown browser",
    system: [os ?? "An unknown system", platform].filter(Boolean).join(" · "),
  };
}
