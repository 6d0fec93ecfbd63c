import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { ACCESS_KINDS } from "@/lib/vocabulary/access-log";
import { CASE_SECTIONS } from "@/lib/vocabulary/live";

export type AccessLogFilterValues = { person: string; section: string; kind: string };

/**
 * Narrow the log to one person, section and/or kind of event. A plain GET form, without script, as the
 * notes' filters (components/note/note-filters.tsx); the list changes only on "Show", never while the
 * owner moves through the options, and the new page opens at the list (`action`'s fragment).
 */
export function AccessLogFilters({
  action,
  people,
  selected,
}: {
  action: `/cases/${string}/sharing/access-log#${string}`;
  people: { userId: string; name: string }[];
  selected: AccessLogFilterValues;
}) {
  const t = useTranslations("sharing.accessLog");
  const sections = useTranslations("cases.sections");
  const key = `${selected.person}|${selected.section}|${selected.kind}`;
  return (
    <form action={action} method="get" className="flex flex-wrap items-end gap-3">
      <SelectField
        id="log-person"
        name="person"
        label={t("person")}
        options={[{ value: "", label: t("everyone") }, ...people.map((p) => ({ value: p.userId, label: p.name }))]}
        key={`person-${key}`}
        defaultValue={selected.person}
        className="w-full sm:w-56"
      />
      <SelectField
        id="log-section"
        name="section"
        label={t("section")}
        options={[{ value: "", label: t("allSections") }, ...CASE_SECTIONS.map((s) => ({ value: s, label: sections(s) }))]}
        key={`section-${key}`}
        defaultValue={selected.section}
        className="w-full sm:w-56"
      />
      <SelectField
        id="log-kind"
        name="kind"
        label={t("kind")}
        options={[{ value: "", label: t("everything") }, ...ACCESS_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))]}
        key={`kind-${key}`}
        defaultValue={selected.kind}
        className="w-full sm:w-56"
      />
      <Button type="submit" variant="secondary">
        {t("show")}
      </Button>
    </form>
  );
}
