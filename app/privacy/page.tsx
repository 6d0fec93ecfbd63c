import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Statement, StatementList, StatementSection, strong } from "@/components/legal/statement";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("privacy");
  return { title: t("title") };
}

// The facts behind each line: docs/SECURITY.md, decisions 0018 (deleting an account) and 0029 (the access log).
const KEPT = ["account", "signIn", "cases", "files", "log", "devices", "safety", "cookies", "drafts"] as const;
const ROLES = ["owner", "supporter", "viewer"] as const;
const SEEN = ["privateNote", "privateRecord", "accessLog", "removed", "nobodyElse", "operator"] as const;
const EXPORTS = ["wholeCase", "pdfs", "files", "care"] as const;
const DELETES = ["leave", "case", "account", "others", "items", "backups"] as const;

export default async function PrivacyPage() {
  const t = await getTranslations("privacy");
  const link = (chunks: ReactNode) => <Link href="/accessibility">{chunks}</Link>;
  return (
    <Statement title={t("title")} intro={t("intro")}>
      <StatementSection id="keep-title" title={t("keep.title")}>
        <StatementList items={KEPT.map((key) => t.rich(`keep.${key}`, { strong }))} />
      </StatementSection>
      <StatementSection id="emails-title" title={t("emails.title")}>
        <p>{t("emails.body")}</p>
      </StatementSection>
      <StatementSection id="see-title" title={t("see.title")}>
        <p>{t("see.members")}</p>
        <StatementList items={ROLES.map((key) => t.rich(`see.${key}`, { strong }))} />
        {SEEN.map((key) => (
          <p key={key}>{t(`see.${key}`)}</p>
        ))}
      </StatementSection>
      <StatementSection id="export-title" title={t("export.title")}>
        {EXPORTS.map((key) => (
          <p key={key}>{t.rich(`export.${key}`, { strong })}</p>
        ))}
      </StatementSection>
      <StatementSection id="delete-title" title={t("delete.title")}>
        <StatementList items={DELETES.map((key) => t.rich(`delete.${key}`, { strong }))} />
      </StatementSection>
      <StatementSection id="questions-title" title={t("questions.title")}>
        <p>{t("questions.body")}</p>
        <p>{t.rich("questions.seeAlso", { link })}</p>
      </StatementSection>
    </Statement>
  );
}
