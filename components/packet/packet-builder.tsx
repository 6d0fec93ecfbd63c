"use client";
import { useEffect, useMemo, useState } from "react";
import { applyPacketEdits, type PacketEdits, packetChoiceOf, packetChoiceQuery } from "@/lib/vocabulary/packet";
import type { Packet } from "@/lib/packet";
import { PacketActions, type PdfLanguage } from "./packet-actions";
import { PacketChooser } from "./packet-chooser";
import { PacketPreview } from "./packet-preview";
import { useInBrowser } from "@/components/ui/use-browser-value";

/**
 * The packet page's working part: the choice, print and download, and the packet as it prints. The
 * choice lives here, in one place, so the preview, the printout and the PDF link always follow the
 * boxes as they are on screen — not the last submitted form. The address keeps the choice too
 * (replaceState), so a reload or a live refresh reads the same packet.
 */
export function PacketBuilder({
  packet,
  pagePath,
  pdfPath,
  pdfLanguages,
}: {
  packet: Packet;
  pagePath: string;
  pdfPath: string;
  pdfLanguages: PdfLanguage[];
}) {
  const live = useInBrowser();
  const [edits, setEdits] = useState<PacketEdits>(() => ({ sections: packet.sections, ticked: {}, comingAlong: packet.comingAlong }));
  const shown = useMemo(() => applyPacketEdits(packet, edits), [packet, edits]);
  const query = packetChoiceQuery(packetChoiceOf(shown));

  useEffect(() => {
    // Only once the reader has changed something: the first visit's address stays clean.
    if (edits.sections === packet.sections && Object.keys(edits.ticked).length === 0 && edits.comingAlong === packet.comingAlong) return;
    window.history.replaceState(window.history.state, "", `${pagePath}${query ? `?${query}` : ""}`);
  }, [edits, packet, pagePath, query]);

  return (
    <>
      <PacketChooser
        packet={shown}
        action={pagePath}
        live={live}
        onSection={(section, on) =>
          setEdits((e) => ({ ...e, sections: on ? [...e.sections.filter((s) => s !== section), section] : e.sections.filter((s) => s !== section) }))
        }
        onItem={(id, on) => setEdits((e) => ({ ...e, ticked: { ...e.ticked, [id]: on } }))}
        onComingAlong={(comingAlong) => setEdits((e) => ({ ...e, comingAlong }))}
      />
      <PacketActions pdfHref={`${pdfPath}${query ? `?${query}` : ""}`} languages={pdfLanguages} />
      <PacketPreview packet={shown} />
    </>
  );
}
