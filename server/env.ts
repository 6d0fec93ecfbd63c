/**
 * The app's configuration, read from the environment once and checked with zod.
 * Every variable is listed in README.md ("Configuration"); add it there when you add one here.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { isAddressOrRange } from "@/server/http/address-syntax";

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
      .optional(),
  ),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default(".data")),
  // Below the 8-s request deadline (server/database/outage.ts), so the work stops before the answer says it did not happen.
  DATABASE_STATEMENT_TIMEOUT_SECONDS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(0).max(3600, "DATABASE_STATEMENT_TIMEOUT_SECONDS is at most 3600 (0 turns it off)").default(7),
  ),
  AUTH_SECRET: z.preprocess(
    emptyToUndefined,
    z.string().min(32, "AUTH_SECRET must be at least 32 characters (try: openssl rand -base64 32)").optional(),
  ),
  APP_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).default("http://localhost:3000")),
  SMTP_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://")
      .optional(),
  ),
  MAIL_FROM: z.preprocess(emptyToUndefined, z.string().default("SecondLook <no-reply@secondlook.local>")),
  PRESENCE_TTL_SECONDS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(3, "PRESENCE_TTL_SECONDS must be at least 3").max(600).default(30),
  ),
  DIGEST_HOUR: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(23, "DIGEST_HOUR is an hour, 0–23 (UTC)").default(7)),
  RUN_WORKER: z.preprocess(emptyToUndefined, z.enum(["true", "false"], "RUN_WORKER is true or false").default("true")),
  SESSION_IDLE_MINUTES: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(2, "SESSION_IDLE_MINUTES must be at least 2").max(24 * 60).default(30),
  ),
  SESSION_MAX_HOURS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1, "SESSION_MAX_HOURS must be at least 1").max(24 * 30).default(12)),
  SESSION_REMEMBER_DAYS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(0).max(30, "SESSION_REMEMBER_DAYS is at most 30 (0 turns the choice off)").default(30),
  ),
  // Only for end-to-end tests that wait out the idle limit: shorter can only be safer, so it is not refused anywhere.
  SESSION_IDLE_SECONDS_FOR_TESTS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(5).max(3600).optional()),
  SIGN_UPS_PER_IP_PER_HOUR: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1, "SIGN_UPS_PER_IP_PER_HOUR must be at least 1").max(1_000_000).default(20),
  ),
  PASSKEY_SIGN_INS_PER_IP: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1, "PASSKEY_SIGN_INS_PER_IP must be at least 1").max(1_000_000).default(60),
  ),
  TRUSTED_PROXIES: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default("")
      .transform((v) => v.split(",").map((e) => e.trim()).filter(Boolean))
      .refine((entries) => entries.every(isAddressOrRange), "TRUSTED_PROXIES is a comma-separated list of IP addresses or CIDR ranges"),
  ),
  // Read by server/log.ts itself (the logger exists before the configuration is parsed); checked here so a typo stops the start.
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], "LOG_LEVEL is one of fatal, error, warn, info, debug, trace, silent").optional()),
  ENABLE_PSEUDO_LOCALE: z.preprocess(emptyToUndefined, z.enum(["0", "1"], "ENABLE_PSEUDO_LOCALE is 0 or 1").optional()),
});

export interface AppConfig {
  nodeEnv: "development" | "production" | "test";
  /** `statementTimeoutSeconds`: PostgreSQL server only (PGlite has no timer to cancel a statement with). */
  database: { kind: "postgres"; url: string; statementTimeoutSeconds?: number } | { kind: "pglite"; dataDir: string };
  dataDir: string;
  /** Unset only outside production; see resolveAuthSecret. */
  authSecret: string | undefined;
  appUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** A person in a case who sends no heartbeat for this long is no longer shown as present. */
  presenceTtlSeconds: number;
  /** The digest hour of someone who has not chosen one (in their time zone; UTC when they have none). */
  digestHour: number;
  /** Whether this app instance runs the job queue's workers (false: a separate `npm run worker` does). */
  runWorker: boolean;
  /** Session limits (server/auth/sessions.ts), all in seconds. `rememberSeconds` 0: no "keep me signed in" choice. */
  session: { idleSeconds: number; maxSeconds: number; rememberSeconds: number };
  /** New accounts that may be started from one IP address in an hour (server/auth/sign-up.ts). */
  signUpsPerIpPerHour: number;
  /** Passkey sign-in challenges, and answers, from one IP address in 15 minutes (server/auth/webauthn-challenges.ts). */
  passkeySignInsPerIp: number;
  /** Addresses and CIDR ranges of our own proxies, whose X-Forwarded-For entries are believed (server/http/client-address.ts). */
  trustedProxies: readonly string[];
  /** Session cookies get `Secure` (and the __Secure- prefix) whenever the app is served over https. */
  secureCookies: boolean;
  /** The made-up layout-testing language can be chosen (lib/i18n/locales.ts); on by default in development only. */
  pseudoLocale: boolean;
}

/** Parses raw environment variables; throws one readable error listing every problem. */
export function parseConfig(raw: Record<string, string | undefined>): AppConfig {
  const result = envSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`SecondLook configuration is invalid:\n${lines.join("\n")}`);
  }
  const env = result.data;
  if (env.NODE_ENV === "production" && !env.AUTH_SECRET) {
    throw new Error(
      "SecondLook configuration is invalid:\n  AUTH_SECRET: required in production (try: openssl rand -base64 32)",
    );
  }
  const dataDir = path.resolve(env.DATA_DIR);
  const appUrl = env.APP_URL.replace(/\/+$/, "");
  return {
    nodeEnv: env.NODE_ENV,
    database: env.DATABASE_URL
      ? { kind: "postgres", url: env.DATABASE_URL, statementTimeoutSeconds: env.DATABASE_STATEMENT_TIMEOUT_SECONDS }
      : { kind: "pglite", dataDir: path.join(dataDir, "pglite") },
    dataDir,
    authSecret: env.AUTH_SECRET,
    appUrl,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    presenceTtlSeconds: env.PRESENCE_TTL_SECONDS,
    digestHour: env.DIGEST_HOUR,
    runWorker: env.RUN_WORKER === "true",
    session: {
      idleSeconds: env.SESSION_IDLE_SECONDS_FOR_TESTS ?? env.SESSION_IDLE_MINUTES * 60,
      maxSeconds: env.SESSION_MAX_HOURS * 3600,
      rememberSeconds: env.SESSION_REMEMBER_DAYS * 86_400,
    },
    signUpsPerIpPerHour: env.SIGN_UPS_PER_IP_PER_HOUR,
    passkeySignInsPerIp: env.PASSKEY_SIGN_INS_PER_IP,
    trustedProxies: env.TRUSTED_PROXIES,
    secureCookies: appUrl.startsWith("https://"),
    pseudoLocale: env.ENABLE_PSEUDO_LOCALE ? env.ENABLE_PSEUDO_LOCALE === "1" : env.NODE_ENV === "development",
  };
}

/**
 * Outside production a missing AUTH_SECRET is generated once into the data folder, so
 * `npm run dev` works on a fresh machine and sessions survive restarts.
 */
export function resolveAuthSecret(config: AppConfig): string {
  if (config.authSecret) return config.authSecret;
  const file = path.join(config.dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    // Another process wrote it first: use theirs, so both sign the same cookies.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(file, "utf8").trim();
    throw error;
  }
}

let cached: AppConfig | undefined;

/** The configuration of this process, parsed on first use (never at build time). */
export function config(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
