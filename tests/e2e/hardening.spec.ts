/**
 * Hardening through the running app: security headers on every kind of route, cross-site mutations
 * refused, sign-out everywhere, and 50 people saving the same note at the same moment.
 */
import { expect, test } from "@playwright/test";
import { createCase, signInOverHttp, signUpQuickly, uniqueEmail } from "./helpers";
import { caseIdOf, trpcHttp } from "./trpc-http";

const NIL_UUID = "00000000-0000-4000-8000-000000000000";

test("every kind of route carries the security headers; pages get a fresh CSP nonce each time", async ({ request }) => {
  const routes = [
    "/",
    "/sign-in",
    "/sign-up",
    "/forgot-password",
    "/reset-password?token=nope",
    "/invitations/nope",
    "/cases",
    `/cases/${NIL_UUID}`,
    "/no-such-page",
    "/robots.txt",
    "/api/auth/session",
    `/api/trpc/account.me`,
    `/api/cases/${NIL_UUID}/files/${NIL_UUID}`,
    `/api/cases/${NIL_UUID}/opinions/${NIL_UUID}/packet`,
    `/api/cases/${NIL_UUID}/export/json`,
    "/account",
  ];
  for (const route of routes) {
    const response = await request.get(route, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["x-content-type-options"], route).toBe("nosniff");
    expect(headers["referrer-policy"], route).toBe("no-referrer");
    // Served over plain http here (APP_URL is http://localhost:…): no HSTS, no upgrade (§4.14).
    expect(headers["strict-transport-security"], route).toBeUndefined();
    expect(headers["x-frame-options"], route).toBe("DENY");
    if (headers["content-type"]?.startsWith("text/html")) {
      expect(headers["content-security-policy"], route).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(headers["content-security-policy"], route).toContain("frame-ancestors 'none'");
      expect(headers["content-security-policy"], route).not.toContain("upgrade-insecure-requests");
    }
    // Answers of the API and the case routes carry health data: no cache keeps them (§4.10).
    if (route.startsWith("/api/trpc") || route.startsWith("/api/cases")) expect(headers["cache-control"], route).toBe("private, no-store");
  }
  // The build's scripts keep `nosniff` (a script is run only when served as one) and drop what acts on documents.
  const script = /\/_next\/static\/[^"]+\.js/.exec(await (await request.get("/sign-in")).text())?.[0];
  expect(script).toBeTruthy();
  const scriptHeaders = (await request.get(script!)).headers();
  expect(scriptHeaders["x-content-type-options"]).toBe("nosniff");
  expect(scriptHeaders["x-frame-options"]).toBeUndefined();
  const nonceOf = async () => /'nonce-([^']+)'/.exec((await request.get("/sign-in")).headers()["content-security-policy"] ?? "")?.[1];
  const [first, second] = [await nonceOf(), await nonceOf()];
  expect(first).toBeTruthy();
  expect(first).not.toBe(second);
});

test("a tRPC batch of more than 20 calls is refused over HTTP before any call runs (§4.13)", async ({ request }) => {
  const batch = (size: number) => {
    const paths = Array.from({ length: size }, () => "invitation.preview").join(",");
    const input = Object.fromEntries(Array.from({ length: size }, (_, i) => [i, { token: "nope" }]));
    return request.get(`/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`);
  };
  const tooMany = await batch(21);
  expect(tooMany.status()).toBe(400);
  expect(tooMany.headers()["cache-control"]).toBe("private, no-store");
  expect(await tooMany.text()).toContain("BAD_REQUEST");
  // Twenty are answered, each on its own (here: a link that is not valid).
  const twenty = await batch(20);
  expect(twenty.status()).not.toBe(400);
  expect((await twenty.json()) as unknown[]).toHaveLength(20);
});

test("a mutation sent from another site is refused and changes nothing", async ({ page }) => {
  await signUpQuickly(page, "Cross Site", uniqueEmail("csrf"));
  await createCase(page, { patientName: "Cross Site", title: "Forgery target" });
  const caseId = caseIdOf(page.url());
  const input = { caseId, body: "Written by a forged request", private: false };
  const forgeries: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }];
  for (const headers of forgeries) {
    const forged = await trpcHttp(page.request, "note.create", input, { headers });
    expect(forged.status).toBe(403);
  }
  const notes = await trpcHttp<unknown[]>(page.request, "note.list", { caseId }, { kind: "query" });
  expect(notes.data).toEqual([]);
  expect((await trpcHttp(page.request, "note.create", input)).status).toBe(200);
});

test("signing out on all devices ends the other browser's session too", async ({ browser }) => {
  const email = uniqueEmail("everywhere");
  const laptop = await browser.newPage();
  await signUpQuickly(laptop, "Two Devices", email);
  const phone = await (await browser.newContext()).newPage();
  await signInOverHttp(phone.request, email);
  await phone.goto("/cases");
  await expect(phone.getByRole("heading", { name: "My cases" })).toBeVisible();

  await laptop.getByRole("button", { name: "Two Devices, account menu" }).click();
  await laptop.getByRole("button", { name: "Sign out on all devices" }).click();
  await expect(laptop.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" })).toBeVisible();

  await phone.goto("/cases");
  await expect(phone).toHaveURL(/\/sign-in/);
  expect((await trpcHttp(phone.request, "account.me", undefined, { kind: "query" })).code).toBe("UNAUTHORIZED");
});

test("50 saves of the same note version at once: exactly one wins, the rest are told of the conflict", async ({ page }) => {
  await signUpQuickly(page, "Many Tabs", uniqueEmail("race"));
  await createCase(page, { patientName: "Many Tabs", title: "Race for a note" });
  const caseId = caseIdOf(page.url());
  const created = await trpcHttp<{ id: string; version: number }>(page.request, "note.create", { caseId, body: "Start", private: false });
  const note = created.data!;

  const texts = Array.from({ length: 50 }, (_, i) => `Version written by tab ${i + 1}`);
  const results = await Promise.all(
    texts.map((body) => trpcHttp(page.request, "note.update", { caseId, id: note.id, version: note.version, body, private: false })),
  );
  const statuses = results.map((r) => r.status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(results.filter((r) => r.code === "CONFLICT")).toHaveLength(49);
  expect(statuses.filter((s) => s >= 500)).toEqual([]);

  const list = await trpcHttp<{ id: string; body: string; version: number }[]>(page.request, "note.list", { caseId }, { kind: "query" });
  const saved = list.data!.find((n) => n.id === note.id)!;
  expect(texts).toContain(saved.body);
  expect(saved.version).toBe(note.version + 1);
});
