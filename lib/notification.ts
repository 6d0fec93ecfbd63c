/** The notification settings contract: per-kind channels, the digest hour and the person's time zone. */
import { z } from "zod";
import { messageRef } from "./i18n/message-ref";
import { NOTIFICATION_CHANNELS } from "./vocabulary/notification";
export * from "./vocabulary/notification";

const zChannel = z.enum(NOTIFICATION_CHANNELS);

/** An IANA time zone name the runtime knows ("Europe/Madrid"); anything else is refused. */
export const zTimeZone = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, messageRef("account.notifications.badTimeZone"));

export const ZNotificationSettings = z.object({
  channels: z.object({ assigned: zChannel, due: zChannel, visit: zChannel, new: zChannel }),
  /** The hour of the day (0–23), in `timeZone`, when the daily digest is sent. */
  digestHour: z.number().int().min(0, messageRef("account.notifications.badHour")).max(23, messageRef("account.notifications.badHour")),
  timeZone: zTimeZone,
});
export type TNotificationSettings = z.infer<typeof ZNotificationSettings>;
