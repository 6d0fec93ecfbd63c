/** The signed-in person's email digest setting (off by default). Not case data: nothing is logged. */
import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { setDigestOptIn } from "@/server/digest/digest";
import { config } from "@/server/env";
import { protectedProcedure, router } from "@/server/trpc";

const ZDigestSetting = z.object({
  optIn: z.boolean(),
  /** Without SMTP no digest leaves the server, so the setting is shown as unavailable. */
  mailConfigured: z.boolean(),
});

async function settingOf(db: Parameters<typeof setDigestOptIn>[0], userId: string) {
  const [row] = await db.select({ optIn: users.digestOptIn }).from(users).where(eq(users.id, userId));
  return { optIn: row?.optIn ?? false, mailConfigured: Boolean(config().smtpUrl) };
}

export const digestRouter = router({
  setting: protectedProcedure.output(ZDigestSetting).query(({ ctx }) => settingOf(ctx.db, ctx.session.user.id)),

  set: protectedProcedure
    .input(z.object({ optIn: z.boolean() }))
    .output(ZDigestSetting)
    .mutation(async ({ ctx, input }) => {
      await setDigestOptIn(ctx.db, ctx.session.user.id, input.optIn);
      return settingOf(ctx.db, ctx.session.user.id);
    }),
});
