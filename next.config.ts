import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { LOCALES } from "./lib/i18n/locales";
import { staticSecurityHeaders } from "./server/http/security-headers";

const nextConfig: NextConfig = {
  // Native/WASM packages stay out of the bundle; PGlite breaks when bundled.
  // @react-pdf/renderer loads its fonts and WASM layout engine at run time.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "pg-boss", "@react-pdf/renderer"],
  // The PDF fonts are read from disk at run time: trace them into a standalone build.
  outputFileTracingIncludes: { "*": ["./server/pdf/fonts/*"] },
  poweredByHeader: false,
  // Only the phone benchmark's browser profile builds with maps, to name whose code ran (docs/PERFORMANCE.md).
  productionBrowserSourceMaps: process.env.BENCH_SOURCE_MAPS === "1",
  // Fewer, bigger chunks: a phone on a weak signal pays for each request (decision 0040).
  experimental: { turbopackChunking: { minChunkSize: 150_000 } },
  typedRoutes: true,
  // CI has just run the same type check (`npm run typecheck`) and says so, so its build does not run it
  // twice (about half a minute on 2 cores). Every other build, a newcomer's `npm test` included, checks.
  typescript: { ignoreBuildErrors: process.env.TYPECHECK_DONE === "1" },
  // Next's dev server would print every server action's arguments — passwords included.
  logging: { serverFunctions: false },
  async headers() {
    return [
      { source: "/((?!_next/static/).*)", headers: staticSecurityHeaders() },
      // The build's scripts, styles and fonts: only what applies to them. Framing, referrer, permissions
      // and opener policies act on documents, and over HTTP/1.1 they cost ~200 bytes on each of a page's
      // ~20 chunks (docs/PERFORMANCE.md, "Phone").
      { source: "/_next/static/:path*", headers: staticSecurityHeaders().filter(({ key }) => key === "X-Content-Type-Options") },
    ];
  },
};

// The request's language and messages (server/i18n/request.ts); no locale in the URL (decision 0031).
// The catalogues are compiled when the app is built, so no browser downloads the ICU message parser.
export default createNextIntlPlugin({
  requestConfig: "./server/i18n/request.ts",
  experimental: { messages: { path: "./lib/i18n/messages", format: "json", locales: LOCALES, precompile: true } },
})(nextConfig);
