"use client";
/**
 * Keeps the browser in step with the session's limits (server/auth/sessions.ts, docs/decisions/0026):
 * - a real interaction (typing, clicking, touching) sends a "still here" ping at most about once a
 *   minute, so someone writing a long note is never signed out; nothing else does. A page load counts
 *   too: the server notes it as it draws the page and hands over the clock (app/layout.tsx);
 * - shortly before the idle limit it asks the server (another tab may have been used) and, if nothing
 *   happened, shows a warning with "Stay signed in";
 * - once the session has ended it leaves the page for sign-in, which says why (the idle limit, the time
 *   limit, or ended from another window or device when neither had come by this page's clock). Unsaved
 *   text is kept on this device by the forms' drafts (components/forms/use-draft.ts) and put back after
 *   signing in.
 * Background traffic (live updates, presence) is not activity, and checking the clock is not either.
 */
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ModalDialog } from "@/components/ui/modal-dialog";
import type { SessionClock, SessionEndReason } from "@/lib/vocabulary/session";

/** A failed check is retried sooner than that when the idle limit is short (a quarter of it). */
const RETRY_MS = 30_000;
/** setTimeout overflows past ~24.8 days; a long wait is taken in steps. */
const MAX_WAIT_MS = 60 * 60_000;
const ACTIVITY_EVENTS = ["keydown", "pointerdown", "input", "touchstart"] as const;

/** The mounted guard's own check (there is one, in the root layout, while signed in). */
let checkNow: (() => Promise<boolean>) | null = null;

/**
 * Asks the server now, as the guard does on its clock: false when the session has ended, and the
 * guard is then taking the page to sign-in with the reason. For what notices an end first (the live
 * stream closes when its session does), so the person is told why instead of simply sent to sign-in.
 */
export function sessionStillOpen(): Promise<boolean> {
  return checkNow ? checkNow() : Promise.resolve(true);
}

async function sessionStatus(method: "GET" | "POST"): Promise<SessionClock | null> {
  try {
    const response = await fetch("/api/session", { method, cache: "no-store", credentials: "same-origin" });
    return response.ok ? ((await response.json()) as SessionClock) : null;
  } catch {
    return null; // offline: not knowing is not "ended"
  }
}

/** In the reader's language and this browser's time zone (the warning is only ever shown in the browser). */
function timeOfDay(ms: number, locale: string): string {
  return new Date(ms).toLocaleTimeString(locale, { hour: "numeric", minute: "2-digit" });
}

/** `clock`: the session's clock as the page was drawn, which counted as activity (app/layout.tsx), or null. */
export function SessionGuard({ clock }: { clock: SessionClock | null }) {
  const t = useTranslations("account.sessionGuard");
  const locale = useLocale();
  const [warningUntil, setWarningUntil] = useState<number | null>(null);
  // All in this browser's clock (the server's times are shifted by the difference between the two).
  const idleEnd = useRef<number | null>(null);
  const end = useRef(Number.POSITIVE_INFINITY);
  const idleMs = useRef(30 * 60_000);
  const lastPing = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const trailingPing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const leaving = useRef(false);
  const drawnWith = useRef(clock);

  const warnLeadMs = () => Math.min(60_000, idleMs.current / 3);
  const pingEveryMs = () => Math.min(60_000, idleMs.current / 4);
  const retryMs = () => Math.min(RETRY_MS, idleMs.current / 4);

  const leave = useCallback(() => {
    if (leaving.current) return;
    leaving.current = true;
    // By this page's clock: past the time limit, past the idle limit, or neither (ended elsewhere).
    const now = Date.now();
    const reason: SessionEndReason =
      now >= end.current - 1000 ? "expired" : idleEnd.current !== null && now >= idleEnd.current - 1000 ? "idle" : "elsewhere";
    const here = window.location.pathname + window.location.search;
    // A full page load, not a client navigation: nothing from the case stays in this page's memory.
    window.location.assign(new URL(`/sign-in?ended=${reason}&callbackUrl=${encodeURIComponent(here)}`, window.location.origin).href);
  }, []);

  const check = useRef<() => Promise<boolean>>(async () => true);
  const schedule = useCallback((delayMs: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void check.current(), Math.max(0, Math.min(delayMs, MAX_WAIT_MS)));
  }, []);

  /** Takes the server's answer: leave when ended, else plan the next check (and the warning). */
  const apply = useCallback(
    (status: SessionClock | null, { mayWarn }: { mayWarn: boolean }) => {
      if (!status) return schedule(retryMs());
      if (status.state === "ended") return leave();
      const shift = Date.now() - status.now;
      idleMs.current = status.idleSeconds * 1000;
      idleEnd.current = status.idleEndsAt === null ? null : status.idleEndsAt + shift;
      end.current = status.endsAt + shift;
      const now = Date.now();
      const idleLeft = idleEnd.current === null ? Number.POSITIVE_INFINITY : idleEnd.current - now;
      if (mayWarn && idleLeft <= warnLeadMs() + 1000) {
        setWarningUntil(idleEnd.current);
        // Just after the limit: ask again (a ping from elsewhere may have saved it).
        return schedule(idleLeft + 1000);
      }
      setWarningUntil(null);
      const warnAt = idleLeft - warnLeadMs();
      schedule(Math.min(warnAt, end.current - now + 1000));
    },
    [leave, schedule],
  );

  const ping = useCallback(async () => {
    lastPing.current = Date.now();
    apply(await sessionStatus("POST"), { mayWarn: false });
  }, [apply]);

  useEffect(() => {
    check.current = async () => {
      const status = await sessionStatus("GET");
      apply(status, { mayWarn: true });
      return status?.state !== "ended";
    };
    checkNow = () => check.current();
    return () => {
      checkNow = null;
    };
  }, [apply]);

  useEffect(() => {
    // Loading a page is activity: noted by the server as it drew the page, or a ping now.
    const drawn = drawnWith.current;
    if (drawn?.state === "active") {
      lastPing.current = Date.now();
      // Its `now` was this page's request, not this moment: taken as the page's time origin.
      apply({ ...drawn, now: drawn.now + (Date.now() - performance.timeOrigin) }, { mayWarn: false });
    } else void ping();
    const onActivity = () => {
      const wait = lastPing.current + pingEveryMs() - Date.now();
      if (wait <= 0) return void ping();
      // Typing in a burst: one ping at the end of the quiet period covers all of it.
      trailingPing.current ??= setTimeout(() => {
        trailingPing.current = undefined;
        void ping();
      }, wait);
    };
    const onVisible = () => document.visibilityState === "visible" && void check.current();
    for (const type of ACTIVITY_EVENTS) document.addEventListener(type, onActivity, { capture: true, passive: true });
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      for (const type of ACTIVITY_EVENTS) document.removeEventListener(type, onActivity, { capture: true });
      document.removeEventListener("visibilitychange", onVisible);
      clearTimeout(timer.current);
      clearTimeout(trailingPing.current);
    };
  }, [ping, apply]);

  return (
    <ModalDialog open={warningUntil !== null} role="alertdialog" titleId="idle-warning-title" descriptionId="idle-warning-text" onCancel={() => void ping()}>
      <div className="flex flex-col gap-4">
        <h2 id="idle-warning-title" className="text-2xl font-semibold">
          {t("title")}
        </h2>
        <p id="idle-warning-text">{t("warning", { time: warningUntil ? timeOfDay(warningUntil, locale) : "" })}</p>
        <div>
          <Button type="button" autoFocus onClick={() => void ping()}>
            {t("stay")}
          </Button>
        </div>
      </div>
    </ModalDialog>
  );
}
