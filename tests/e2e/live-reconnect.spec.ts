/**
 * A real network drop: the owner reaches the app through a small TCP proxy that this test cuts
 * (every open connection destroyed, new ones refused) and later restores. Browser network emulation
 * would not do: Chromium keeps an open event stream alive when "offline".
 */
import net from "node:net";
import { expect, test } from "@playwright/test";
import { createCase, inviteAndJoin, signUpQuickly, uniqueEmail } from "./helpers";

async function startProxy(targetPort: number) {
  const sockets = new Set<net.Socket>();
  let up = true;
  const server = net.createServer((client) => {
    if (!up) return void client.destroy();
    const upstream = net.connect(targetPort, "127.0.0.1");
    for (const [a, b] of [[client, upstream], [upstream, client]] as const) {
      sockets.add(a);
      a.pipe(b);
      a.on("error", () => {});
      a.on("close", () => {
        sockets.delete(a);
        b.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  return {
    url: `http://localhost:${(server.address() as net.AddressInfo).port}`,
    cut() {
      up = false;
      sockets.forEach((s) => s.destroy());
    },
    restore() {
      up = true;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test("after the network drops, the page says so, reconnects and catches up", async ({ browser }) => {
  const proxy = await startProxy(Number(process.env.E2E_PORT ?? 3100));
  try {
    const owner = await (await browser.newContext()).newPage();
    await signUpQuickly(owner, "Olivia Owner", uniqueEmail("olivia"));
    await createCase(owner, { patientName: "Olivia Owner", title: "Back: offline for a while" });
    const casePath = new URL(owner.url()).pathname;
    const supporter = await inviteAndJoin(owner, browser, { name: "Sam Supporter", email: uniqueEmail("sam"), role: "Supporter" });

    // Cookies are per host, not port: the owner stays signed in through the proxy.
    await owner.goto(`${proxy.url}${casePath}/questions`);
    const status = owner.getByRole("status").filter({ hasText: /Live|Reconnecting|Connecting/ });
    await expect(status).toHaveText("Live");

    proxy.cut();
    await expect(status).toHaveText("Reconnecting…");
    await supporter.goto(`${casePath}/questions`);
    await supporter.getByRole("textbox", { name: "Your question" }).fill("Added while Olivia was offline");
    await supporter.getByRole("button", { name: "Add to the list" }).click();
    await expect(supporter.getByText("Your question was added to the end of the list.")).toBeVisible();

    proxy.restore();
    await expect(status).toHaveText("Live", { timeout: 20_000 });
    await expect(owner.getByRole("region", { name: "Your questions" }).getByText("Added while Olivia was offline")).toBeVisible();
  } finally {
    proxy.cut();
    await proxy.close();
  }
});
