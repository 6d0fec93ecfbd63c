/** The signed-in person's email settings: per kind, at once, in the digest or not at all; the digest's hour and their time zone. Not case data: nothing is logged. */
import "server-only";
import { z } from "zod";
import { ZNotificationSettings } from "@/lib/notification";
import { notificationSettings, setNotificationSettings } from "@/server/notifications/settings";
import { config } from "@/server/env";
import { protectedProcedure, router } from "@/server/trpc";

const ZSettingsView = ZNotificationSettings.extend({
  /** Without SMTP no email leaves the server, so the settings are shown as unavailable. */
  mailConfigured: z.boolean(),
});

export const notificationRouter = router({
  settings: protectedProcedure
    .output(ZSettingsView)
    .query(async ({ ctx }) => ({ ...(await notificationSettings(ctx.db, ctx.session.user.id)), mailConfigured: Boolean(config().smtpUrl) })),

  set: protectedProcedure
    .input(ZNotificationSettings)
    .output(ZSettingsView)
    .mutation(async ({ ctx, input }) => {
      await setNotificationSettings(ctx.db, ctx.session.user.id, input);
      return { ...(await notificationSettings(ctx.db, ctx.session.user.id)), mailConfigured: Boolean(config().smtpUrl) };
    }),
});
