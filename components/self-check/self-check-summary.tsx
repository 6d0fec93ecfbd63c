import { useTranslations } from "next-intl";
import { useId } from "react";
import { type SelfCheckSituation, type TimingCaution, selfCheckSummary } from "@/lib/vocabulary/self-check";

/** The informational summary of a set of answers: what was ticked, in plain words, never a verdict. */
export function SelfCheckSummary({
  situations,
  cautions,
  headingLevel = 2,
}: {
  situations: readonly SelfCheckSituation[];
  cautions: readonly TimingCaution[];
  headingLevel?: 2 | 3;
}) {
  const t = useTranslations("selfCheck.summary");
  const headingId = useId();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2 rounded-xl border-l-4 border-brand-600 bg-brand-50 p-5">
      <Heading id={headingId} className="text-xl font-semibold">
        {t("title")}
      </Heading>
      {selfCheckSummary(situations, cautions).map((line) => (
        <p key={line.key}>{line.key === "ticked" ? t(line.key, line.values) : t(line.key)}</p>
      ))}
    </section>
  );
}
