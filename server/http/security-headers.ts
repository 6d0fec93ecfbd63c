/**
 * Security headers for every response. The Content-Security-Policy needs a fresh nonce per
 * request and HSTS depends on how the app is served, so both are set in proxy.ts; the rest are
 * static and set from next.config.ts.
 */

/**
 * Whether the app is served over https, from its configured public origin (APP_URL, as in
 * server/env.ts; read here from the environment because the proxy runs before the app's config is
 * loaded). HSTS and upgrade-insecure-requests only mean something over https: sent over plain http
 * they would make a browser refuse the app. Not from X-Forwarded-Proto, which anyone can send
 * unless a trusted proxy set it.
 */
export function servedOverHttps(appUrl: string | undefined = process.env.APP_URL): boolean {
  return (appUrl ?? "").trim().toLowerCase().startsWith("https://");
}

export function contentSecurityPolicy(nonce: string, { dev, https }: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's nonce'd bootstrap load its chunks; nothing inline runs without the nonce.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React and Next set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https && !dev ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Strict-Transport-Security, only for an app served over https (`servedOverHttps`). */
export function transportSecurityHeaders(https: boolean): Record<string, string> {
  return https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {};
}

export function staticSecurityHeaders(): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "no-referrer" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
}
