import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig, resolveAuthSecret } from "@/server/env";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("configuration", () => {
  it("uses the embedded database under DATA_DIR when DATABASE_URL is unset", () => {
    const config = parseConfig({ NODE_ENV: "development", DATA_DIR: "/tmp/sl-data" });
    expect(config.database).toEqual({ kind: "pglite", dataDir: "/tmp/sl-data/pglite" });
    expect(config.appUrl).toBe("http://localhost:3000");
    expect(config.secureCookies).toBe(false);
  });

  it("uses the PostgreSQL server when DATABASE_URL is set, and treats an empty value as unset", () => {
    expect(parseConfig({ DATABASE_URL: "postgres://u@db:5432/app" }).database).toEqual({
      kind: "postgres",
      url: "postgres://u@db:5432/app",
      statementTimeoutSeconds: 7,
    });
    expect(parseConfig({ DATABASE_URL: "" }).database.kind).toBe("pglite");
  });

  it("reads the statement timeout (0 turns it off), refusing values out of range", () => {
    const url = "postgres://u@db:5432/app";
    expect(parseConfig({ DATABASE_URL: url, DATABASE_STATEMENT_TIMEOUT_SECONDS: "0" }).database).toMatchObject({ statementTimeoutSeconds: 0 });
    expect(parseConfig({ DATABASE_URL: url, DATABASE_STATEMENT_TIMEOUT_SECONDS: "30" }).database).toMatchObject({ statementTimeoutSeconds: 30 });
    expect(() => parseConfig({ DATABASE_URL: url, DATABASE_STATEMENT_TIMEOUT_SECONDS: "-1" })).toThrow(/DATABASE_STATEMENT_TIMEOUT_SECONDS/);
    expect(() => parseConfig({ DATABASE_URL: url, DATABASE_STATEMENT_TIMEOUT_SECONDS: "3601" })).toThrow(/DATABASE_STATEMENT_TIMEOUT_SECONDS/);
  });

  it("refuses a DATABASE_URL that is not PostgreSQL, naming the variable", () => {
    expect(() => parseConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
  });

  it("requires AUTH_SECRET in production, and a long one", () => {
    expect(() => parseConfig({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET: required in production/);
    expect(() => parseConfig({ NODE_ENV: "production", AUTH_SECRET: "short" })).toThrow(/at least 32/);
    expect(parseConfig({ NODE_ENV: "production", AUTH_SECRET: "s".repeat(40) }).authSecret).toBe("s".repeat(40));
  });

  it("reads the presence TTL and the digest hour, with defaults, refusing values out of range", () => {
    expect(parseConfig({})).toMatchObject({ presenceTtlSeconds: 30, digestHour: 7 });
    expect(parseConfig({ PRESENCE_TTL_SECONDS: "6", DIGEST_HOUR: "0" })).toMatchObject({ presenceTtlSeconds: 6, digestHour: 0 });
    expect(() => parseConfig({ PRESENCE_TTL_SECONDS: "1" })).toThrow(/PRESENCE_TTL_SECONDS/);
    expect(() => parseConfig({ DIGEST_HOUR: "24" })).toThrow(/DIGEST_HOUR/);
  });

  it("turns on Secure cookies when the app is served over https, and drops a trailing slash", () => {
    const config = parseConfig({ APP_URL: "https://secondlook.example.org/" });
    expect(config.appUrl).toBe("https://secondlook.example.org");
    expect(config.secureCookies).toBe(true);
  });

  it("refuses an SMTP_URL that is not smtp:// or smtps://", () => {
    expect(() => parseConfig({ SMTP_URL: "http://mail" })).toThrow(/SMTP_URL/);
    expect(parseConfig({ SMTP_URL: "smtps://u:p@mail.example:465" }).smtpUrl).toBe("smtps://u:p@mail.example:465");
  });

  it("generates a development AUTH_SECRET once and keeps it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sl-config-"));
    dirs.push(dir);
    const config = parseConfig({ DATA_DIR: dir });
    const first = resolveAuthSecret(config);
    expect(first.length).toBeGreaterThanOrEqual(43);
    expect(resolveAuthSecret(config)).toBe(first);
    expect(readFileSync(path.join(dir, "auth-secret"), "utf8")).toBe(first);
  });
});

describe("SIGN_UPS_PER_IP_PER_HOUR", () => {
  it("defaults to 20 and refuses values below 1", () => {
    expect(parseConfig({}).signUpsPerIpPerHour).toBe(20);
    expect(parseConfig({ SIGN_UPS_PER_IP_PER_HOUR: "500" }).signUpsPerIpPerHour).toBe(500);
    expect(() => parseConfig({ SIGN_UPS_PER_IP_PER_HOUR: "0" })).toThrow(/SIGN_UPS_PER_IP_PER_HOUR/);
  });
});
