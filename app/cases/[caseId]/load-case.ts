/** The case for this request, loaded once and shared by the workspace layout and its pages. */
import type { Route } from "next";
import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { TwoStepRequired } from "@/server/access";
import { getSession } from "@/server/auth";
import { api } from "@/server/caller";

export const loadCase = cache(async (caseId: string) => {
  const signIn = `/sign-in?callbackUrl=${encodeURIComponent(`/cases/${caseId}`)}` as Route;
  if (!(await getSession())) redirect(signIn);
  try {
    return await (await api()).case.get({ caseId });
  } catch (error) {
    if (error instanceof TRPCError) {
      // Not a member (or no longer), no such case, or a malformed id: all look the same.
      if (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST") notFound();
      if (error.code === "UNAUTHORIZED") redirect(signIn);
      // The owner requires two-step sign-in and this member has not set it up: the lock screen.
      if (error.cause instanceof TwoStepRequired) redirect("/cases/locked");
    }
    throw error;
  }
});

export type LoadedCase = Awaited<ReturnType<typeof loadCase>>;
