import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Statement, StatementList, StatementSection } from "@/components/legal/statement";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accessibility");
  return { title: t("title") };
}

// The facts behind each line: docs/decisions/0011-accessibility-checks.md, tests/e2e/accessibility.spec.ts,
// keyboard-journey.spec.ts, pseudo-locale.spec.ts and tests/unit/readability.test.ts.
const TESTED = ["axe", "keyboard", "phone", "labels", "longText", "plain"] as const;
const HELPS = ["skip", "language", "idle", "focus"] as const;
const LIMITS = ["screenReader", "order", "someActions", "pdfs"] as const;

export default async function AccessibilityPage() {
  const t = await getTranslations("accessibility");
  const link = (chunks: ReactNode) => <Link href="/privacy">{chunks}</Link>;
  return (
    <Statement title={t("title")} intro={t("intro")}>
      <StatementSection id="tested-title" title={t("tested.title")}>
        <StatementList items={TESTED.map((key) => t(`tested.${key}`))} />
      </StatementSection>
      <StatementSection id="helps-title" title={t("helps.title")}>
        <StatementList items={HELPS.map((key) => t(`helps.${key}`))} />
      </StatementSection>
      <StatementSection id="limits-title" title={t("limits.title")}>
        <StatementList items={LIMITS.map((key) => t(`limits.${key}`))} />
      </StatementSection>
      <StatementSection id="report-title" title={t("report.title")}>
        <p>{t("report.body")}</p>
        <p>{t("report.details")}</p>
        <p>{t.rich("report.privacy", { link })}</p>
      </StatementSection>
    </Statement>
  );
}
