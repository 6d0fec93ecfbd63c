/**
 * Single-use secrets sent by link (password reset, invitations): 256 random bits, handed out once,
 * stored only as a SHA-256 digest so a database leak does not leak working links.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";

export function createToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
