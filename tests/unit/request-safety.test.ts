import { describe, expect, it } from "vitest";
import { isCrossSiteRequest } from "@/server/http/csrf";
import { contentSecurityPolicy } from "@/server/http/security-headers";
import { safeCallbackPath } from "@/lib/account";

const post = (headers: Record<string, string>) =>
  new Request("http://app.example/api/trpc/x", { method: "POST", headers: { host: "app.example", ...headers } });

describe("cross-site request check", () => {
  it("lets same-origin browser requests and non-browser clients through", () => {
    expect(isCrossSiteRequest(post({ origin: "http://app.example", "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isCrossSiteRequest(post({}))).toBe(false);
    // A form POST from our own page under Referrer-Policy: no-referrer: Chromium sends Origin "null".
    expect(isCrossSiteRequest(post({ origin: "null", "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isCrossSiteRequest(new Request("http://app.example/api/trpc/x", { headers: { origin: "http://evil.example" } }))).toBe(false);
  });

  it("refuses a POST from another site", () => {
    expect(isCrossSiteRequest(post({ origin: "http://evil.example" }))).toBe(true);
    expect(isCrossSiteRequest(post({ origin: "http://app.example", "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossSiteRequest(post({ origin: "null" }))).toBe(true);
  });
});

describe("after sign-in redirect", () => {
  it("only ever goes to a path on this site", () => {
    expect(safeCallbackPath("/cases/123")).toBe("/cases/123");
    expect(safeCallbackPath("https://evil.example")).toBe("/cases");
    expect(safeCallbackPath("//evil.example")).toBe("/cases");
    expect(safeCallbackPath("/\\evil.example")).toBe("/cases");
    expect(safeCallbackPath(undefined)).toBe("/cases");
  });

  it("refuses what a browser would read as another site: tabs, newlines, backslashes, dot segments", () => {
    const hostile = [
      "/\t/evil.example", // issue 15 §4.3: /%09/evil.example became //evil.example
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/\u0000/evil.example",
      "\t//evil.example",
      "/\\evil.example",
      "/\\/evil.example",
      "\\\\evil.example",
      "/./\t/evil.example",
      "/.//evil.example",
      "/..//evil.example",
      "///evil.example",
      "/\u0085/evil.example",
      "https:evil.example",
      "javascript:alert(1)",
      "%2F%2Fevil.example",
      "%2F%09%2Fevil.example",
      "evil.example",
      "",
    ];
    for (const value of hostile) expect(safeCallbackPath(value), JSON.stringify(value)).toBe("/cases");
  });

  it("keeps encoded characters encoded: they stay a path on this site", () => {
    expect(safeCallbackPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(safeCallbackPath("/%09/evil.example")).toBe("/%09/evil.example");
    expect(safeCallbackPath("/%5C%5Cevil.example")).toBe("/%5C%5Cevil.example");
    expect(safeCallbackPath("/invitations/abc?x=1#top")).toBe("/invitations/abc?x=1#top");
    expect(safeCallbackPath("/cases/../account")).toBe("/account");
    expect(safeCallbackPath("/nope", "/sign-in")).toBe("/nope");
    expect(safeCallbackPath("//evil.example", "/sign-in")).toBe("/sign-in");
  });
});

describe("content security policy", () => {
  it("allows scripts only with the request's nonce and forbids framing", () => {
    const policy = contentSecurityPolicy("abc123", { dev: false, https: true });
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
  });
});
