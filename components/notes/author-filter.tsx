import Form from "next/form";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";

/**
 * Show the notes of one person. A plain GET form (works without JavaScript); the list changes
 * only when the person presses "Show", never while they move through the options.
 */
export function AuthorFilter({
  action,
  authors,
  selected,
}: {
  action: string;
  authors: { userId: string; name: string }[];
  selected: string;
}) {
  return (
    <Form action={action} scroll={false} className="flex flex-wrap items-end gap-3">
      <SelectField
        id="notes-author"
        name="author"
        label="Written by"
        options={[{ value: "", label: "Everyone" }, ...authors.map((a) => ({ value: a.userId, label: a.name }))]}
        key={selected}
        defaultValue={selected}
        className="min-w-56"
      />
      <Button type="submit" variant="secondary">
        Show
      </Button>
    </Form>
  );
}
