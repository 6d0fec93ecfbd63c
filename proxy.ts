/**
 * Runs before every page and API request: the request's id (server/http/request-id.ts), set on the
 * request for the code behind and on the answer; a per-request CSP nonce for pages (Next applies it
 * to its own scripts when it finds the policy on the request), and HSTS when the app is served over
 * https (server/http/security-headers.ts). Static headers are in next.config.ts.
 */
import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_ID_HEADER, requestIdAtArrival } from "@/server/http/request-id";
import { contentSecurityPolicy, servedOverHttps, transportSecurityHeaders } from "@/server/http/security-headers";

export function proxy(request: NextRequest) {
  const https = servedOverHttps();
  const requestHeaders = new Headers(request.headers);
  // Always overwritten, so the code behind can believe it (a client's own is taken only behind proxies of ours).
  const requestId = requestIdAtArrival(request.headers, Boolean(process.env.TRUSTED_PROXIES?.trim()));
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  if (request.nextUrl.pathname.startsWith("/api/")) {
    const response = NextResponse.next({ request: { headers: requestHeaders } });
    response.headers.set(REQUEST_ID_HEADER, requestId);
    for (const [key, value] of Object.entries(transportSecurityHeaders(https))) response.headers.set(key, value);
    return response;
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  response.headers.set("Content-Security-Policy", policy);
  for (const [key, value] of Object.entries(transportSecurityHeaders(https))) response.headers.set(key, value);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // API answers get only the transport header (no CSP: they are not pages).
    "/api/:path*",
  ],
};
