/**
 * Cross-site request check for state-changing requests. Browsers send Origin (and Sec-Fetch-Site)
 * on every POST, so a request from another site is recognisable and refused before it runs.
 */
export function isCrossSiteRequest(request: Request): boolean {
  if (request.method === "GET" || request.method === "HEAD") return false;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  // The browser itself vouches for a same-origin request. A plain form POST (the language switch) then
  // carries `Origin: null`, because every page is sent with `Referrer-Policy: no-referrer`.
  if (fetchSite === "same-origin") return false;
  const origin = request.headers.get("origin");
  if (!origin) return false; // not a browser request: no ambient cookies to abuse
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
