import { useTranslations } from "next-intl";
import { Checkbox } from "@/components/ui/checkbox";
import { buttonClasses } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { Packet } from "@/lib/packet";
import type { AllergySeverity } from "@/lib/vocabulary/health-list";
import { ROLE_LABELS } from "@/lib/vocabulary/member";
import { COMING_ALONG_MAX, ITEM_SECTIONS, type ItemSection, PACKET_SECTIONS, PACKET_SECTION_LABELS, type PacketSection } from "@/lib/vocabulary/packet";
import { RECORD_STATUS_LABELS } from "@/lib/vocabulary/record";

type Item = { id: string; included: boolean; label: string; hint?: string };

/** Each item section's items as checkbox rows. */
function itemsOf(packet: Packet, section: ItemSection, severity: (s: AllergySeverity) => string): Item[] {
  switch (section) {
    case "questions":
      return packet.questions.map((q) => ({
        id: q.id,
        included: q.included,
        label: q.text,
        hint: [q.pinned ? "Priority" : null, q.forThisVisit ? "For this visit" : "General question"].filter(Boolean).join(" · "),
      }));
    case "medications":
      return packet.medications.map((m) => ({ id: m.id, included: m.included, label: m.name, hint: [m.dose, m.frequency].filter(Boolean).join(", ") }));
    case "allergies":
      return packet.allergies.map((a) => ({
        id: a.id,
        included: a.included,
        label: a.substance,
        hint: [a.reaction, severity(a.severity)].filter(Boolean).join(" · "),
      }));
    case "procedures":
      return packet.procedures.map((p) => ({ id: p.id, included: p.included, label: p.what, hint: p.whenText || undefined }));
    case "records":
      return packet.records.map((r) => ({
        id: r.id,
        included: r.included,
        label: r.title,
        hint: [RECORD_STATUS_LABELS[r.status], r.private ? "Private: only its author and the owner can see it. Left out unless you tick it." : null]
          .filter(Boolean)
          .join(" · "),
      }));
    case "people":
      return packet.people.map((p) => ({ id: p.id, included: p.included, label: p.isMe ? `${p.name} (you)` : p.name, hint: ROLE_LABELS[p.role].name }));
  }
}

const EMPTY: Record<ItemSection, string> = {
  questions: "No questions for this visit or general ones yet.",
  medications: "No medications listed.",
  allergies: "No allergies listed.",
  procedures: "No past procedures listed.",
  records: "No records received or shared yet. Records still needed or requested are not offered.",
  people: "",
};

export interface PacketChooserChanges {
  onSection: (section: PacketSection, on: boolean) => void;
  onItem: (id: string, on: boolean) => void;
  onComingAlong: (text: string) => void;
}

/**
 * What goes in the packet: one box per section and per item, as on screen right now (`packet` is the
 * loaded packet with the reader's edits applied, so the preview, print and PDF link read the same).
 * It is still a plain GET form, so without JavaScript "Show the packet" submits the choice; with it
 * every change shows at once and submitting is only the keyboard's Enter.
 */
export function PacketChooser({ packet, action, live, ...on }: { packet: Packet; action: string; live: boolean } & PacketChooserChanges) {
  const tHealth = useTranslations("healthLists");
  const severity = (s: AllergySeverity) => tHealth(`severity.${s}`);
  return (
    <form
      method="get"
      action={action}
      onSubmit={(event) => {
        if (live) event.preventDefault();
      }}
      aria-labelledby="packet-chooser-title"
      className="flex flex-col gap-6 rounded-xl border border-slate-200 bg-white p-5 print:hidden"
    >
      <input type="hidden" name="chosen" value="1" />
      <div>
        <h2 id="packet-chooser-title" className="text-2xl font-semibold">
          Choose what goes in
        </h2>
        <p className="mt-1 text-muted">
          Untick a section or an item to leave it out. The packet below, the printout and the PDF follow your choices as you
          make them. Nothing here changes the case itself.
        </p>
      </div>
      {PACKET_SECTIONS.map((section) => {
        const items = (ITEM_SECTIONS as readonly string[]).includes(section) ? itemsOf(packet, section as ItemSection, severity) : null;
        return (
          <fieldset key={section} className="flex flex-col gap-2 border-t border-slate-200 pt-4">
            <legend className="sr-only">{PACKET_SECTION_LABELS[section]}</legend>
            <Checkbox
              id={`section-${section}`}
              name="section"
              value={section}
              label={PACKET_SECTION_LABELS[section]}
              checked={packet.sections.includes(section)}
              onChange={(event) => on.onSection(section, event.currentTarget.checked)}
            />
            {items && (
              <div className="ml-9 flex flex-col gap-2">
                {items.length === 0 && section !== "people" && <p className="text-muted">{EMPTY[section as ItemSection]}</p>}
                {items.map((item) => (
                  <Checkbox
                    key={item.id}
                    id={`item-${item.id}`}
                    name="item"
                    value={item.id}
                    label={item.label}
                    hint={item.hint}
                    checked={item.included}
                    onChange={(event) => on.onItem(item.id, event.currentTarget.checked)}
                  />
                ))}
                {section === "people" && (
                  <TextField
                    id="coming-along"
                    name="coming"
                    label="Anyone else coming?"
                    hint="For example: my daughter Ana, who will take notes."
                    maxLength={COMING_ALONG_MAX}
                    value={packet.comingAlong}
                    onChange={(event) => on.onComingAlong(event.currentTarget.value)}
                  />
                )}
              </div>
            )}
          </fieldset>
        );
      })}
      {!live && (
        <div>
          <button type="submit" className={buttonClasses("primary")}>
            Show the packet with these choices
          </button>
        </div>
      )}
    </form>
  );
}
