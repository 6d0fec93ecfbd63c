import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { CaseCard } from "@/components/case/case-card";
import { buttonClasses } from "@/components/ui/button";
import type { CaseSummary } from "@/lib/case";
import { getSession } from "@/server/auth";
import { api } from "@/server/caller";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cases.list"))("title") };
}

function CaseGroup({ id, title, items }: { id: string; title: string; items: CaseSummary[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <h2 id={id} className="text-2xl font-semibold">
        {title}
      </h2>
      <ul className="flex flex-col gap-3">
        {items.map((item) => (
          <CaseCard key={item.id} item={item} />
        ))}
      </ul>
    </section>
  );
}

export default async function CasesPage() {
  const session = await getSession();
  if (!session) redirect("/sign-in?callbackUrl=/cases");
  const cases = await (await api()).case.list();
  const t = await getTranslations("cases.list");
  const current = cases.filter((c) => !c.archivedAt);
  const archived = cases.filter((c) => c.archivedAt);

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <Link href="/cases/new" className={buttonClasses("primary")}>
          {t("start")}
        </Link>
      </div>
      {cases.length === 0 ? (
        <section aria-labelledby="empty-title" className="rounded-xl border border-dashed border-slate-300 bg-white p-6">
          <h2 id="empty-title" className="text-xl font-semibold">
            {t("welcome", { name: session.user.name })}
          </h2>
          <p className="mt-2 text-muted">{t("empty")}</p>
        </section>
      ) : (
        <>
          <CaseGroup id="current-title" title={t("current")} items={current} />
          <CaseGroup id="archived-title" title={t("archived")} items={archived} />
        </>
      )}
    </div>
  );
}
