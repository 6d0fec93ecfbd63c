/**
 * What a member can be emailed about, and how: the four kinds of notification (issue 17 §3) and the
 * three ways each can reach them. Shared by the account page, the settings router, the reminders and
 * the digest. Touch it when a kind of notification is added.
 */

/** assigned: a task given to me · due: something waiting on me (a record request with no answer, a task due) · visit: a visit coming up · new: what others changed in my cases. */
export const NOTIFICATION_KINDS = ["assigned", "due", "visit", "new"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** now: its own email when it happens · digest: a line in the daily digest · off: never. */
export const NOTIFICATION_CHANNELS = ["now", "digest", "off"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/**
 * What a new account gets: reminders arrive by themselves, the news of a case only when asked for
 * (the digest was opt-in before per-kind settings existed, decision 0015).
 */
export const DEFAULT_CHANNELS: Record<NotificationKind, NotificationChannel> = { assigned: "now", due: "now", visit: "now", new: "off" };

/** A record request with no answer is chased after this many days. */
export const RECORD_CHASE_DAYS = 10;
