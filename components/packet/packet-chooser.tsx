import { useTranslations } from "next-intl";
import { Checkbox } from "@/components/ui/checkbox";
import { buttonClasses } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { Packet } from "@/lib/packet";
import { COMING_ALONG_MAX, ITEM_SECTIONS, type ItemSection, PACKET_SECTIONS, type PacketSection } from "@/lib/vocabulary/packet";

type Item = { id: string; included: boolean; label: string; hint?: string };

type PacketT = ReturnType<typeof useTranslations<"packet">>;
type RootT = ReturnType<typeof useTranslations<never>>;

/** Each item section's items as checkbox rows. */
function itemsOf(packet: Packet, section: ItemSection, t: PacketT, tAll: RootT): Item[] {
  switch (section) {
    case "questions":
      return packet.questions.map((q) => ({
        id: q.id,
        included: q.included,
        label: q.text,
        hint: [q.pinned ? t("chooser.priority") : null, q.forThisVisit ? t("chooser.forThisVisit") : t("chooser.general")].filter(Boolean).join(" · "),
      }));
    case "medications":
      return packet.medications.map((m) => ({ id: m.id, included: m.included, label: m.name, hint: [m.dose, m.frequency].filter(Boolean).join(", ") }));
    case "allergies":
      return packet.allergies.map((a) => ({
        id: a.id,
        included: a.included,
        label: a.substance,
        hint: [a.reaction, tAll(`healthLists.severity.${a.severity}`)].filter(Boolean).join(" · "),
      }));
    case "procedures":
      return packet.procedures.map((p) => ({ id: p.id, included: p.included, label: p.what, hint: p.whenText || undefined }));
    case "records":
      return packet.records.map((r) => ({
        id: r.id,
        included: r.included,
        label: r.title,
        hint: [tAll(`records.status.${r.status}`), r.private ? t("chooser.privateRecord") : null].filter(Boolean).join(" · "),
      }));
    case "people":
      return packet.people.map((p) => ({
        id: p.id,
        included: p.included,
        label: p.isMe ? t("chooser.you", { name: p.name }) : p.name,
        hint: tAll(`sharing.roles.${p.role}.name`),
      }));
  }
}

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
  const t = useTranslations("packet");
  const tAll = useTranslations();
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
          {t("chooser.title")}
        </h2>
        <p className="mt-1 text-muted">{t("chooser.intro")}</p>
      </div>
      {PACKET_SECTIONS.map((section) => {
        const items = (ITEM_SECTIONS as readonly string[]).includes(section) ? itemsOf(packet, section as ItemSection, t, tAll) : null;
        return (
          <fieldset key={section} className="flex flex-col gap-2 border-t border-slate-200 pt-4">
            <legend className="sr-only">{t(`section.${section}`)}</legend>
            <Checkbox
              id={`section-${section}`}
              name="section"
              value={section}
              label={t(`section.${section}`)}
              checked={packet.sections.includes(section)}
              onChange={(event) => on.onSection(section, event.currentTarget.checked)}
            />
            {items && (
              <div className="ml-9 flex flex-col gap-2">
                {items.length === 0 && section !== "people" && <p className="text-muted">{t(`chooser.empty.${section as Exclude<ItemSection, "people">}`)}</p>}
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
                    label={t("chooser.comingAlong")}
                    hint={t("chooser.comingAlongHint")}
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
            {t("chooser.show")}
          </button>
        </div>
      )}
    </form>
  );
}
