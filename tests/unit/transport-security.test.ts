/** HSTS and upgrade-insecure-requests only for an app served over https (issue 15 §4.14). */
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, servedOverHttps, transportSecurityHeaders } from "@/server/http/security-headers";

describe("transport security follows the configured public origin", () => {
  it("reads https from APP_URL's scheme only", () => {
    expect(servedOverHttps("https://secondlook.example")).toBe(true);
    expect(servedOverHttps("HTTPS://secondlook.example/")).toBe(true);
    expect(servedOverHttps("http://localhost:3000")).toBe(false);
    expect(servedOverHttps(undefined)).toBe(false);
    expect(servedOverHttps("")).toBe(false);
  });

  it("sends HSTS and upgrade-insecure-requests over https, never over plain http", () => {
    expect(transportSecurityHeaders(true)["Strict-Transport-Security"]).toMatch(/^max-age=\d+; includeSubDomains$/);
    expect(transportSecurityHeaders(false)).toEqual({});
    expect(contentSecurityPolicy("n", { dev: false, https: true })).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("n", { dev: false, https: false })).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("n", { dev: true, https: true })).not.toContain("upgrade-insecure-requests");
  });
});
