"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** The workspace's sections; the current one is marked for screen readers and by its look. */
export function CaseNav({ caseId }: { caseId: string }) {
  const pathname = usePathname();
  const base = `/cases/${caseId}`;
  const sections = [
    { href: base, label: "Overview" },
    { href: `${base}/checklist`, label: "Checklist" },
    { href: `${base}/questions`, label: "Questions" },
    { href: `${base}/records`, label: "Records" },
    { href: `${base}/health`, label: "Medications & history" },
    { href: `${base}/notes`, label: "Notes" },
    { href: `${base}/opinions`, label: "Opinions" },
    { href: `${base}/compare`, label: "Compare" },
    { href: `${base}/decide`, label: "Decide" },
    { href: `${base}/talking`, label: "Talking to your doctor" },
    { href: `${base}/sharing`, label: "Sharing & settings" },
  ];
  return (
    <nav aria-label="Case sections" className="border-b border-slate-300">
      <ul className="-mb-px flex flex-wrap gap-1">
        {sections.map(({ href, label }) => {
          // A section's sub-pages (e.g. records/letter) keep the section marked.
          const current = href === base ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link
                href={href}
                // Opening the overview marks the case as seen; a prefetch must not do that.
                prefetch={false}
                aria-current={current ? "page" : undefined}
                className={`flex min-h-11 items-center border-b-4 px-3 py-2 font-semibold no-underline ${
                  current ? "border-brand-600 text-ink" : "border-transparent text-brand-700 hover:border-slate-300"
                }`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
