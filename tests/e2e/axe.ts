import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Every rule axe runs by default, best practices included, plus two it leaves off: `target-size`
 * (WCAG 2.2 AA 2.5.8, targets of at least 24 px) and `duplicate-id` (deprecated in axe because HTML
 * parsers tolerate it, but a duplicate id still breaks label and aria-describedby links).
 */
const EXTRA_RULES = { "target-size": { enabled: true }, "duplicate-id": { enabled: true } };

/**
 * axe finds nothing on the page as it is. `within` narrows the check to one part (a dialog that only
 * stays open for a few seconds, when the page around it is checked elsewhere): a whole page takes
 * seconds to check on a loaded machine.
 */
export async function expectNoAxeViolations(page: Page, label: string, { within }: { within?: string } = {}) {
  // Legacy mode runs axe in the page itself. The default gathers each frame's results in a new blank
  // page, which on this machine cost more than the checks (3.1 → 1.3 s a page, the same passes found);
  // that is only needed for cross-origin iframes, and the app has no iframes. Only violations are
  // gathered in full (passes and the rest one node each): 2.5 → 2.0 s a run here, the same violations.
  const builder = new AxeBuilder({ page }).setLegacyMode(true).options({ rules: EXTRA_RULES, resultTypes: ["violations"] });
  if (within) builder.include(within);
  const { violations } = await builder.analyze();
  const summary = violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}\n      ${n.failureSummary?.replace(/\n/g, "\n      ")}`).join("\n")}`)
    .join("\n");
  expect(violations.length, `${label}: axe violations\n${summary}`).toBe(0);
}
