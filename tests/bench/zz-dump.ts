import { writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { BENCH_AUTH_SECRET, createBenchDatabase, seedLargeCase } from "./large-case";
import { startServer, stopServer } from "./server";
async function main() {
  const database = await createBenchDatabase();
  const { caseId, cookie } = await seedLargeCase(database.url);
  const base = "http://127.0.0.1:3391";
  const app = await startServer({ port: 3391, env: { DATABASE_URL: database.url, AUTH_SECRET: BENCH_AUTH_SECRET, APP_URL: base, DB_LOG_QUERIES: "0" } });
  try {
    for (const name of (process.env.PAGES ?? "questions").split(",")) {
      const html = await (await fetch(`${base}/cases/${caseId}/${name}`, { headers: { cookie } })).text();
      writeFileSync(`/work/scratch/${name}.html`, html);
      const flight = [...html.matchAll(/self\.__next_f\.push\((.*?)\)<\/script>/gs)].map((m) => m[1]).join("\n");
      const rest = html.replace(/<script>self\.__next_f\.push\(.*?\)<\/script>/gs, "");
      writeFileSync(`/work/scratch/${name}.flight`, flight);
      writeFileSync(`/work/scratch/${name}.rest.html`, rest);
      const kb = (s: string) => (gzipSync(s).length / 1024).toFixed(1);
      console.log(name, "all", kb(html), "flight", kb(flight), "html", kb(rest));
    }
  } finally {
    await stopServer(app);
    await database.drop();
  }
}
void main();
