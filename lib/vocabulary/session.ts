/**
 * Why a session ended, as the browser's session guard tells the sign-in page (`?ended=`): its idle
 * limit, its time limit, or ended from elsewhere (signed out in another window, from the devices list,
 * on all devices, or by a password change on another device).
 */
export const SESSION_END_REASONS = ["idle", "expired", "elsewhere"] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

export function sessionEndReasonFrom(value: string | undefined): SessionEndReason | null {
  return SESSION_END_REASONS.find((reason) => reason === value) ?? null;
}

/**
 * A session's clock as the browser's session guard takes it (times in the server's milliseconds, `now`
 * its clock when it answered): from GET/POST /api/session, and with a page the root layout drew.
 */
export type SessionClock =
  | { state: "active"; now: number; idleEndsAt: number | null; endsAt: number; idleSeconds: number }
  | { state: "ended" };
