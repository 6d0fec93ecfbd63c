import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";

/**
 * Show the notes of one person and/or one visit. A plain GET form, without script (next/form would add
 * ~1.6 KiB to the page's first load on a phone); the list changes only when the person presses "Show",
 * never while they move through the options, and `action` ends with the list's heading as its fragment,
 * so the new page opens there.
 */
export function NoteFilters({
  action,
  authors,
  selected,
  visits,
  selectedVisit,
}: {
  action: `/cases/${string}/notes#${string}`;
  authors: { userId: string; name: string }[];
  selected: string;
  visits: { id: string; label: string }[];
  selectedVisit: string;
}) {
  const t = useTranslations("notes.filters");
  return (
    <form action={action} method="get" className="flex flex-wrap items-end gap-3">
      <SelectField
        id="notes-author"
        name="author"
        label={t("author")}
        options={[{ value: "", label: t("everyone") }, ...authors.map((a) => ({ value: a.userId, label: a.name }))]}
        key={selected}
        defaultValue={selected}
        className="min-w-56"
      />
      {visits.length > 0 && (
        <SelectField
          id="notes-visit"
          name="visit"
          label={t("visit")}
          options={[{ value: "", label: t("allVisits") }, ...visits.map((v) => ({ value: v.id, label: v.label }))]}
          key={`visit-${selectedVisit}`}
          defaultValue={selectedVisit}
          className="min-w-56"
        />
      )}
      <Button type="submit" variant="secondary">
        {t("show")}
      </Button>
    </form>
  );
}
