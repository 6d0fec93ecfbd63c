import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { getLocale, getTranslations } from "next-intl/server";
import { PacketBuilder } from "@/components/packet/packet-builder";
import { api } from "@/server/caller";
import { parsePacketChoice } from "@/lib/packet";
import { isLocale, LOCALES } from "@/lib/i18n/locales";
import { translatorFor } from "@/server/i18n/translator";
import { visitSection } from "../../../visit-section";

type Props = {
  params: Promise<{ caseId: string; opinionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("packet");
  return { title: t("page.title") };
}

/**
 * The visit packet for one opinion: choose what goes in, print it or download the PDF, see it as it
 * prints. The address's choice (a submitted form without JavaScript, or a reload) is where it starts.
 */
export default async function PacketPage({ params, searchParams }: Props) {
  const { caseId, opinionId } = await params;
  await visitSection(caseId, "opinions");
  const choice = parsePacketChoice(await searchParams);
  const packet = await (await api()).packet.get({ caseId, opinionId, choice }).catch((error: unknown) => {
    // An opinion of another case, or one removed meanwhile, looks like no opinion at all.
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const base = `/cases/${caseId}/opinions/${opinionId}` as const;
  const t = await getTranslations("packet");
  // The PDF in either language, the reader's own first; each link is named in its own language.
  const locale = await getLocale();
  const own = isLocale(locale) ? locale : LOCALES[0];
  const pdfLanguages = [own, ...LOCALES.filter((l) => l !== own)].map((l) => ({ locale: l, label: translatorFor(l)("packet.actions.downloadHere") }));

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-3 print:hidden">
        <p>
          <Link href={base}>{t("page.back", { label: packet.opinion.label })}</Link>
        </p>
        <h1 className="text-3xl font-bold">{t("page.title")}</h1>
        <p className="max-w-3xl text-lg">
          {packet.opinion.clinician
            ? t("page.introWith", { label: packet.opinion.label, clinician: packet.opinion.clinician })
            : t("page.intro", { label: packet.opinion.label })}
        </p>
        <p className="max-w-3xl text-muted">{t("page.privateNote")}</p>
      </div>
      <PacketBuilder packet={packet} pagePath={`${base}/packet`} pdfPath={`/api/cases/${caseId}/opinions/${opinionId}/packet`}
        pdfLanguages={pdfLanguages}
      />
    </div>
  );
}
