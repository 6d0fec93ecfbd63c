"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/inline-error";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { onDemand } from "@/components/ui/on-demand";
import type { ActivityFeedPage } from "@/lib/activity";

// How entries look comes with the first earlier page: the overview's own entries are server-rendered.
const ActivityGroups = onDemand(() => import("./activity-groups").then((m) => m.ActivityGroups));

/**
 * "Show earlier activity": reads the next page from the cursor the server's page ended at and adds it
 * below. Keyed by that cursor, so a refreshed first page starts over rather than leaving a gap.
 */
export function EarlierActivity({ caseId, cursor, newSince }: { caseId: string; cursor: string; newSince: Date | null }) {
  const t = useTranslations("activity.feed");
  const feed = useTRPCClient().activity.feed;
  const [pages, setPages] = useState<ActivityFeedPage[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const next = pages.length > 0 ? pages.at(-1)!.nextCursor : cursor;

  async function load() {
    if (loading || !next) return;
    setLoading(true);
    setError(null);
    try {
      const page = await feed.query({ caseId, cursor: next });
      setPages((loaded) => [...loaded, page]);
    } catch {
      setError(t("earlierFailed"));
    } finally {
      setLoading(false);
    }
  }

  const shown = pages.reduce((sum, p) => sum + p.groups.length, 0);
  return (
    <>
      {pages.map((page, i) => (page.groups.length > 0 ? <ActivityGroups key={i} caseId={caseId} groups={page.groups} newSince={newSince} /> : null))}
      <p role="status" className="sr-only">
        {shown > 0 && t("earlierShown", { count: shown })}
        {pages.length > 0 && !next && ` ${t("beginning")}`}
      </p>
      {next && (
        <div>
          {/* aria-disabled, not disabled, while loading: a disabled button would lose the keyboard focus. */}
          <Button variant="secondary" onClick={load} aria-disabled={loading}>
            {loading ? t("loadingEarlier") : t("showEarlier")}
          </Button>
        </div>
      )}
      <InlineError message={error} />
    </>
  );
}
