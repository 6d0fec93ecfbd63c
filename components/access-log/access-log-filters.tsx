import Form from "next/form";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { ACCESS_KINDS, ACCESS_KIND_LABELS } from "@/lib/vocabulary/access-log";
import { CASE_SECTIONS, SECTION_LABELS } from "@/lib/vocabulary/live";

export type AccessLogFilterValues = { person: string; section: string; kind: string };

/**
 * Narrow the log to one person, section and/or kind of event. A plain GET form (works without
 * JavaScript); the list changes only on "Show", never while the owner moves through the options.
 */
export function AccessLogFilters({
  action,
  people,
  selected,
}: {
  action: `/cases/${string}/sharing/access-log`;
  people: { userId: string; name: string }[];
  selected: AccessLogFilterValues;
}) {
  const key = `${selected.person}|${selected.section}|${selected.kind}`;
  return (
    <Form action={action} scroll={false} className="flex flex-wrap items-end gap-3">
      <SelectField
        id="log-person"
        name="person"
        label="Person"
        options={[{ value: "", label: "Everyone" }, ...people.map((p) => ({ value: p.userId, label: p.name }))]}
        key={`person-${key}`}
        defaultValue={selected.person}
        className="w-full sm:w-56"
      />
      <SelectField
        id="log-section"
        name="section"
        label="Section"
        options={[{ value: "", label: "All sections" }, ...CASE_SECTIONS.map((s) => ({ value: s, label: SECTION_LABELS[s] }))]}
        key={`section-${key}`}
        defaultValue={selected.section}
        className="w-full sm:w-56"
      />
      <SelectField
        id="log-kind"
        name="kind"
        label="What happened"
        options={[{ value: "", label: "Everything" }, ...ACCESS_KINDS.map((k) => ({ value: k, label: ACCESS_KIND_LABELS[k] }))]}
        key={`kind-${key}`}
        defaultValue={selected.kind}
        className="w-full sm:w-56"
      />
      <Button type="submit" variant="secondary">
        Show
      </Button>
    </Form>
  );
}
