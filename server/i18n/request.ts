/** next-intl's per-request configuration (wired in next.config.ts): the request's language and its messages. */
import { getRequestConfig } from "next-intl/server";
import { messagesFor } from "./translator";
import { requestLocale } from "./locale";

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: messagesFor(locale) };
});
