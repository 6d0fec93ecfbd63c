"use client";
import { ChevronDown } from "lucide-react";
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { useUnread } from "@/components/live/unread-counts";
import { useDisclosure } from "@/components/ui/use-disclosure";
import { CASE_SECTIONS } from "@/lib/vocabulary/live";

/**
 * The workspace's sections; the current one is marked for screen readers and by its look. Other
 * sections show how many changes by others are new since the member last looked at them.
 * Wide screens show every section as a tab; a phone shows one line — the current section and how
 * much is new elsewhere — that opens the same list, so the page's own heading stays near the top.
 */
export function CaseNav({ caseId }: { caseId: string }) {
  const t = useTranslations("cases.nav");
  const sectionName = useTranslations("cases.sections");
  const pathname = usePathname();
  const unread = useUnread(caseId);
  const { open, close, root, buttonProps, panelProps } = useDisclosure<HTMLElement>();
  // Choosing a section closes the phone's list.
  const [listedFor, setListedFor] = useState(pathname);
  if (listedFor !== pathname) {
    setListedFor(pathname);
    close();
  }
  const base = `/cases/${caseId}` as const;
  const sections = CASE_SECTIONS.filter((section) => section !== "self-check").map((section) => {
    const href = section === "overview" ? base : (`${base}/${section}` as const);
    // A section's sub-pages (e.g. records/letter) keep the section marked.
    const current = href === base ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
    return { href, current, label: sectionName(section), fresh: current ? 0 : (unread?.[section] ?? 0) };
  });
  const here = sections.find((section) => section.current);
  const freshElsewhere = sections.reduce((sum, section) => sum + section.fresh, 0);

  return (
    <nav ref={root} aria-label={t("label")} className="border-slate-300 sm:border-b">
      <button
        type="button"
        {...buttonProps}
        className="flex min-h-11 w-full items-center justify-between gap-2 rounded-lg border border-slate-300 bg-white px-3 py-2 font-semibold sm:hidden"
      >
        <span className="truncate">
          <span className="font-normal text-muted">{t("section")} </span>
          {here?.label ?? t("choose")}
        </span>
        <span className="flex shrink-0 items-center gap-1">
          {freshElsewhere > 0 && <FreshCount count={freshElsewhere} />}
          <ChevronDown aria-hidden className={`size-5 transition-transform ${open ? "rotate-180" : ""}`} />
        </span>
      </button>
      <ul
        id={panelProps.id}
        className={`${open ? "grid" : "hidden"} grid-cols-2 gap-1 py-2 sm:-mb-px sm:flex sm:flex-wrap sm:py-0`}
      >
        {sections.map(({ href, label, fresh, current }) => (
          <li key={href}>
            <Link
              href={href}
              // Not prefetched: the overview reads "new since your last visit" when it is opened, not before.
              prefetch={false}
              aria-current={current ? "page" : undefined}
              className={`flex min-h-11 items-center gap-1 rounded-lg px-3 py-2 font-semibold no-underline sm:rounded-none sm:border-b-4 ${
                current ? "bg-brand-50 text-ink sm:border-brand-600 sm:bg-transparent" : "text-brand-700 hover:bg-slate-100 sm:border-transparent sm:hover:border-slate-300 sm:hover:bg-transparent"
              }`}
            >
              {label}
              {/* Named by its text ("Questions 2 new"), so the visible words are part of the name. */}
              {fresh > 0 && (
                <>
                  {" "}
                  <FreshCount count={fresh} />
                </>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function FreshCount({ count }: { count: number }) {
  const t = useTranslations("cases.nav");
  return (
    <span className="rounded-full bg-brand-600 px-1.5 text-xs font-bold text-white">
      {t.rich("fresh", { count, hidden: (words) => <span className="sr-only">{words}</span> })}
    </span>
  );
}
