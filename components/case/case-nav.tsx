"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { CASE_SECTIONS, SECTION_LABELS } from "@/lib/live";

/**
 * The workspace's sections; the current one is marked for screen readers and by its look. Other
 * sections show how many changes by others are new since the member last looked at them.
 */
export function CaseNav({ caseId }: { caseId: string }) {
  const pathname = usePathname();
  const trpc = useTRPC();
  const unread = useQuery(trpc.live.unread.queryOptions({ caseId })).data;
  const base = `/cases/${caseId}` as const;
  const sections = CASE_SECTIONS.filter((section) => section !== "self-check").map((section) => ({
    href: section === "overview" ? base : (`${base}/${section}` as const),
    label: SECTION_LABELS[section],
    fresh: unread?.[section] ?? 0,
  }));
  return (
    <nav aria-label="Case sections" className="border-b border-slate-300">
      <ul className="-mb-px flex flex-wrap gap-1">
        {sections.map(({ href, label, fresh }) => {
          // A section's sub-pages (e.g. records/letter) keep the section marked.
          const current = href === base ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link
                href={href}
                // Not prefetched: the overview reads "new since your last visit" when it is opened, not before.
                prefetch={false}
                aria-current={current ? "page" : undefined}
                className={`flex min-h-11 items-center border-b-4 px-3 py-2 font-semibold no-underline ${
                  current ? "border-brand-600 text-ink" : "border-transparent text-brand-700 hover:border-slate-300"
                }`}
              >
                {label}
                {/* Named by its text ("Questions 2 new"), so the visible words are part of the name. */}
                {fresh > 0 && !current && (
                  <>
                    {" "}
                    <span className="ml-1 rounded-full bg-brand-600 px-1.5 text-xs font-bold text-white">
                      {fresh}
                      <span className="sr-only"> new</span>
                    </span>
                  </>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
