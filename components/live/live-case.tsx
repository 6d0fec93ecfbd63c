"use client";
/**
 * Keeps an open case in step with the others working in it. Subscribes to the case's live stream
 * while mounted (the workspace layout), and on someone else's change first offers it to the lists on
 * screen that keep themselves up to date (change-listeners.ts: one small read of the changed item);
 * otherwise it refreshes the server-rendered page, only when the change shows on it (coalesced): pages
 * read case data on the server, so the refresh re-reads it. After a reconnect the whole page is
 * refreshed, since anything may have changed. The browser keeps no query cache: this header's presence is its own state, and
 * the nav's unread counts are re-read here (`refreshUnread`) when something changes.
 * Heartbeats the current section for presence, marks the section seen (on the overview, the case too:
 * "new since your last visit"), shows who else is here and a quiet "Live" / "Reconnecting…" status.
 * Forms keep their unsaved text through a refresh (client state survives `router.refresh()`);
 * versioned forms notice the new version themselves.
 */
import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useEffectEvent, useRef, useState } from "react";
import type { RouterOutputs } from "@/components/trpc/router-outputs";
import { sessionStillOpen } from "@/components/account/session-guard";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { offerChange } from "./change-listeners";
import { refreshUnread, showUnread } from "./unread-counts";
import { type CaseSection, ENTITY_SECTION, type LiveChange, type LiveMessage, eventAffects, sectionFromPath } from "@/lib/vocabulary/live";

/** Changes arriving close together cause one refresh. */
const REFRESH_DELAY_MS = 150;

type Status = "connecting" | "live" | "reconnecting" | "ended";

export function LiveCase({ caseId, userId, heartbeatMs }: { caseId: string; userId: string; heartbeatMs: number }) {
  const t = useTranslations("cases.live");
  const sectionName = useTranslations("cases.sections");
  const client = useTRPCClient();
  const router = useRouter();
  const pathname = usePathname();
  const section = sectionFromPath(pathname, caseId) ?? "overview";
  const sectionRef = useRef(section);
  useEffect(() => {
    sectionRef.current = section;
  }, [section]);
  const [status, setStatus] = useState<Status>("connecting");
  const everLive = useRef(false);

  const [others, setOthers] = useState<RouterOutputs["live"]["presence"]>([]);
  const readPresence = useCallback(() => {
    // Who is here is a hint: a failed read keeps the last answer until the next heartbeat.
    client.live.presence.query({ caseId }).then(setOthers, () => {});
  }, [client, caseId]);
  const rereadUnread = useCallback(() => refreshUnread(client, caseId), [client, caseId]);
  // A "seen" mark answers with the counts; it is best effort, and the counts are read again if it fails.
  const mark = useCallback(
    (section: CaseSection) => void showUnread(caseId, client.live.markSectionSeen.mutate({ caseId, section })).catch(rereadUnread),
    [client, caseId, rereadUnread],
  );

  // ── Refreshing what is on screen ──────────────────────────────────────────────────────────────
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refreshSoon = useCallback(() => {
    if (refreshTimer.current) return;
    refreshTimer.current = setTimeout(() => {
      refreshTimer.current = null;
      router.refresh();
    }, REFRESH_DELAY_MS);
  }, [router]);
  useEffect(() => () => clearTimeout(refreshTimer.current ?? undefined), []);

  const onChange = useCallback(
    (change: LiveChange) => {
      if (change.actor.id === userId) return; // this tab (or another of mine) already refreshed
      const here = sectionRef.current;
      // A list on screen that reads the changed item itself spares the page a re-render.
      if (eventAffects(change.entityType, here) && !offerChange(change)) refreshSoon();
      // Looking at the section it belongs to: it is seen as it arrives.
      if (ENTITY_SECTION[change.entityType] === here) mark(here);
      else rereadUnread();
    },
    [userId, refreshSoon, mark, rereadUnread],
  );

  const onMessage = useEffectEvent((message: LiveMessage) => {
    if (message.kind === "ready") {
      // A new connection: anything may have changed while there was none.
      if (everLive.current) {
        router.refresh();
        readPresence();
        rereadUnread();
      }
      everLive.current = true;
      setStatus("live");
    } else if (message.kind === "presence") {
      readPresence();
    } else {
      onChange(message);
    }
  });
  const onConnection = useEffectEvent((state: "idle" | "connecting" | "pending") => {
    if (state === "connecting" && everLive.current) setStatus("reconnecting");
    // The server ended or refused the stream: the session ended (the guard says so, with the reason),
    // or access ended or the case is gone (the refreshed page says which).
    if (state === "idle") {
      setStatus("ended");
      void sessionStillOpen().then((open) => open && router.refresh());
    }
  });
  useEffect(() => {
    let open = true;
    // httpSubscriptionLink reconnects by itself and resumes after the last tracked id.
    const subscription = client.live.events.subscribe(
      { caseId },
      {
        onData: ({ data }) => onMessage(data),
        onConnectionStateChange: ({ state }) => open && onConnection(state),
        // Refused (not retryable): access ended between the page load and now.
        onError: () => open && onConnection("idle"),
      },
    );
    return () => {
      open = false; // leaving the case is not the server ending the stream
      subscription.unsubscribe();
    };
  }, [client, caseId]);

  // ── Presence and "seen" ───────────────────────────────────────────────────────────────────────
  useEffect(() => {
    // The heartbeat answers with who else is here.
    const send = () => client.live.heartbeat.mutate({ caseId, section: sectionRef.current }).then(setOthers, () => {});
    send();
    const timer = setInterval(send, heartbeatMs);
    return () => clearInterval(timer);
    // The section is in the effect's deps so a move is announced at once.
  }, [client, caseId, heartbeatMs, section]);

  useEffect(() => {
    // Runs in the browser only, so a prefetch of a section never marks it seen. Opening the overview
    // is also the case's visit ("new since your last visit": the page has already read the visit
    // before this one for its feed), and that mark marks the overview seen too.
    if (section === "overview") void showUnread(caseId, client.case.markSeen.mutate({ caseId })).catch(rereadUnread);
    else mark(section);
  }, [mark, client, caseId, section, rereadUnread]);

  // One line of fixed height, so the page below never moves when people come and go.
  return (
    <div className="flex h-6 min-w-0 items-center gap-2 text-sm text-muted">
      <p role="status" aria-live="polite" className="flex shrink-0 items-center gap-1.5">
        <span
          aria-hidden="true"
          className={`inline-block size-2 rounded-full ${status === "live" ? "bg-emerald-600" : "bg-slate-400"}`}
        />
        {t(status)}
      </p>
      {others.length > 0 && (
        <>
          <span aria-hidden="true">·</span>
          <span id="here-now" className="shrink-0">
            {t("hereNow")}
          </span>
          <ul aria-labelledby="here-now" className="min-w-0 truncate">
            {others.map((person, i) => (
              <li key={person.userId} className="inline">
                {i > 0 && ", "}
                {t.rich("person", {
                  name: person.name,
                  section: sectionName(person.section),
                  strong: (words) => <span className="font-semibold text-ink">{words}</span>,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
