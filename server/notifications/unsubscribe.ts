/**
 * One-click unsubscribe, per kind of email, without signing in: the link carries the user id, the
 * kind and an HMAC-SHA256 of both under AUTH_SECRET. Only a POST unsubscribes (RFC 8058's
 * List-Unsubscribe-Post, or the button on /unsubscribe): a mail scanner that opens links changes nothing.
 */
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Db } from "@/db/client";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notification";
import { config, resolveAuthSecret } from "@/server/env";
import { turnOff, turnOffDigest } from "./settings";

/** What a link stops: one kind of email, or the whole daily digest (every kind the person gets in it). */
export type UnsubscribeKind = NotificationKind | "digest";
const LINK_KINDS: readonly UnsubscribeKind[] = [...NOTIFICATION_KINDS, "digest"];

const sign = (purpose: string) => createHmac("sha256", resolveAuthSecret(config())).update(purpose).digest("base64url");

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function unsubscribeUrls(userId: string, kind: UnsubscribeKind) {
  const query = `u=${encodeURIComponent(userId)}&k=${kind}&t=${sign(`unsubscribe:${kind}:${userId}`)}`;
  return { page: `${config().appUrl}/unsubscribe?${query}`, oneClick: `${config().appUrl}/api/unsubscribe?${query}` };
}

export interface UnsubscribeLink {
  u?: string | null;
  k?: string | null;
  t?: string | null;
}

/**
 * The kind a link is for, or null when it is not genuine. A link without a kind is a digest link sent
 * before per-kind settings (signed `digest-unsubscribe:<id>`): it stands for the news of the cases.
 */
export function kindOfLink({ u, k, t }: UnsubscribeLink): UnsubscribeKind | null {
  if (!u || !t || !/^[0-9a-f-]{36}$/i.test(u)) return null;
  if (!k) return equal(t, sign(`digest-unsubscribe:${u}`)) ? "new" : null;
  const kind = LINK_KINDS.find((known) => known === k);
  return kind && equal(t, sign(`unsubscribe:${kind}:${u}`)) ? kind : null;
}

/** Turns the link's kind off for its person; the kind, or null when the link is not genuine. */
export async function unsubscribeByLink(db: Db, link: UnsubscribeLink): Promise<UnsubscribeKind | null> {
  const kind = kindOfLink(link);
  if (kind === "digest") await turnOffDigest(db, link.u!);
  else if (kind) await turnOff(db, link.u!, kind);
  return kind;
}
