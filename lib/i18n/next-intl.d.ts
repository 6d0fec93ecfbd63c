/** Types next-intl's keys and locales after our catalogue: a wrong key is a compile error. */
import type { AnyLocale } from "./locales";
import type { Messages } from "./messages";

declare module "next-intl" {
  interface AppConfig {
    Locale: AnyLocale;
    Messages: Messages;
  }
}
