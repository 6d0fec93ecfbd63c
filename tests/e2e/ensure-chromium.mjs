// Before the e2e step: use Debian's Chromium when present, else make sure Playwright's own is installed.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

if (existsSync("/usr/bin/chromium")) process.exit(0);
let bundled = "";
try {
  bundled = chromium.executablePath();
} catch {
  bundled = "";
}
if (bundled && existsSync(bundled)) process.exit(0);
console.log("No Chromium found: installing Playwright's Chromium (one time)...");
execSync("npx playwright install chromium", { stdio: "inherit" });
