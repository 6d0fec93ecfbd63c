/** Emailed links for a signed-in person: "confirm it's you" by email (server/auth/email-links.ts). */
import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { messageRef } from "@/lib/i18n/message-ref";
import { requestConfirmLink } from "@/server/auth/email-links";
import { protectedProcedure, router } from "@/server/trpc";

export const emailLinkRouter = router({
  /** Emails a link that, opened in this browser while signed in, counts as a fresh proof (markProof). */
  requestConfirmation: protectedProcedure.output(z.object({ sent: z.literal(true) })).mutation(async ({ ctx }) => {
    const result = await requestConfirmLink(ctx.db, ctx.mailer, {
      userId: ctx.session.user.id,
      sessionId: ctx.session.sessionId,
      ip: `account:${ctx.session.user.id}`,
    });
    if (!result.sent) {
      throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: messageRef("signIn.errors.tooManyLinks", { minutes: result.retryAfterMinutes }) });
    }
    return { sent: true as const };
  }),
});
