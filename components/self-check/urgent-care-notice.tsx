import { useTranslations } from "next-intl";
import { useId } from "react";

/**
 * The safety message (PRODUCT.md principle 2), shown wherever a case is marked urgent. A strongly
 * styled, labelled region rather than role="alert": it is present on page load, and an alert there
 * would interrupt a screen reader before the person has their bearings.
 */
export function UrgentCareNotice({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const t = useTranslations("selfCheck.safety");
  const headingId = useId();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={headingId} className="rounded-xl border-4 border-danger bg-danger-bg p-5">
      <Heading id={headingId} className="text-xl font-bold text-danger">
        {t("title")}
      </Heading>
      <ul className="mt-3 list-disc space-y-2 pl-5">
        <li>{t.rich("callNow", { strong: (chunks) => <strong>{chunks}</strong> })}</li>
        <li>{t("later")}</li>
        <li>{t("notAdvice")}</li>
      </ul>
    </section>
  );
}
