import { describe, expect, it } from "vitest";
import { createToken, hashToken } from "@/server/auth/tokens";

describe("link tokens", () => {
  it("are 256 random bits, URL-safe, and different every time", () => {
    const a = createToken();
    const b = createToken();
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.token, "base64url")).toHaveLength(32);
    expect(a.token).not.toBe(b.token);
  });

  it("are stored as a SHA-256 digest that matches only the same token", () => {
    const { token, tokenHash } = createToken();
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).toBe(tokenHash);
    expect(hashToken(token + "x")).not.toBe(tokenHash);
    expect(tokenHash).not.toContain(token);
  });
});
