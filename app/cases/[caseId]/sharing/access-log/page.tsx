import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { AccessLogFilters } from "@/components/access-log/access-log-filters";
import { AccessLogList } from "@/components/access-log/access-log-list";
import { buttonClasses } from "@/components/ui/button";
import { api } from "@/server/caller";
import { ACCESS_KINDS, VISIT_WINDOW_MINUTES, type AccessKind } from "@/lib/vocabulary/access-log";
import { CASE_SECTIONS, type CaseSection } from "@/lib/vocabulary/live";
import { loadCase } from "../../load-case";
import { visitSection } from "../../visit-section";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sharing.accessLog"))("title") };
}

type Props = {
  params: Promise<{ caseId: string }>;
  searchParams: Promise<{ [key: string]: string | string[] | undefined }>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

/** The owner's view of the case's access log (docs/decisions/0029): changes, visits, downloads, exports. */
export default async function AccessLogPage({ params, searchParams }: Props) {
  const { caseId } = await params;
  // Owner only, like the procedure: anyone else finds no such page, and no visit is recorded.
  if ((await loadCase(caseId)).myRole !== "owner") notFound();
  await visitSection(caseId, "sharing");
  const query = await searchParams;
  // A value that is not an id, a section or a kind is ignored: the filter shows everything.
  const person = UUID.test(one(query.person)) ? one(query.person) : undefined;
  const section = (CASE_SECTIONS as readonly string[]).includes(one(query.section)) ? (one(query.section) as CaseSection) : undefined;
  const kind = (ACCESS_KINDS as readonly string[]).includes(one(query.kind)) ? (one(query.kind) as AccessKind) : undefined;
  const cursor = UUID.test(one(query.after)) ? one(query.after) : undefined;

  const page = await (await api()).accessLog.list({ caseId, person, section, kind, cursor }).catch((error: unknown) => {
    // BAD_REQUEST: a hand-made address with an id zod refuses; like any other broken link.
    if (error instanceof TRPCError && ["FORBIDDEN", "NOT_FOUND", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  });
  const here = `/cases/${caseId}/sharing/access-log` as const;
  const filters = { ...(person && { person }), ...(section && { section }), ...(kind && { kind }) };
  const older = page.nextCursor ? `${here}?${new URLSearchParams({ ...filters, after: page.nextCursor })}` : null;
  const newest = `${here}?${new URLSearchParams(filters)}`;
  const t = await getTranslations("sharing.accessLog");

  return (
    <div className="flex flex-col gap-8">
      <div>
        <p className="text-sm">
          <Link href={`/cases/${caseId}/sharing`}>{t("back")}</Link>
        </p>
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mt-2 max-w-3xl text-muted">{t("intro", { minutes: VISIT_WINDOW_MINUTES })}</p>
      </div>

      <section aria-labelledby="log-filter-title" className="flex flex-col gap-3">
        <h2 id="log-filter-title" className="text-xl font-semibold">
          {t("show")}
        </h2>
        <AccessLogFilters
          action={`${here}#log-title`}
          people={page.people}
          selected={{ person: person ?? "", section: section ?? "", kind: kind ?? "" }}
        />
      </section>

      <section aria-labelledby="log-title" className="flex flex-col gap-3">
        <h2 id="log-title" className="text-xl font-semibold">
          {cursor ? t("earlierEntries") : t("newestFirst")}
        </h2>
        {page.entries.length === 0 ? (
          <p className="text-muted">{cursor ? t("nothingEarlier") : t("nothingMatches")}</p>
        ) : (
          <AccessLogList entries={page.entries} />
        )}
        <div className="flex flex-wrap gap-3">
          {older && (
            <Link href={older as `/cases/${string}`} className={buttonClasses("secondary")}>
              {t("showEarlier")}
            </Link>
          )}
          {cursor && (
            <Link href={newest as `/cases/${string}`} className={buttonClasses("secondary")}>
              {t("backToNewest")}
            </Link>
          )}
        </div>
      </section>
    </div>
  );
}
