/** The visit packet for one opinion: what may go in, and what the person chose (the PDF is app/api/…/packet). */
import "server-only";
import { z } from "zod";
import { loadPacket } from "@/server/packet/packet-data";
import { ZPacketChoice } from "@/lib/packet";
import { caseProcedure, router } from "@/server/trpc";
import { ZPacket } from "@/lib/packet";

export const packetRouter = router({
  get: caseProcedure("viewer")
    .input(z.object({ opinionId: z.uuid(), choice: ZPacketChoice }))
    .output(ZPacket)
    .query(({ ctx, input }) => loadPacket(ctx.db, ctx, input.opinionId, input.choice)),
});
