/** The shapes the opinion pages pass from server to client components, as the procedures declare them. */
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app";

type Outputs = inferRouterOutputs<AppRouter>;

export type OpinionView = Outputs["opinion"]["list"][number];
export type CallView = Outputs["opinion"]["listCalls"][number];
export type VisitQuestion = Outputs["question"]["list"][number];
export type VisitNote = Outputs["note"]["list"][number];
