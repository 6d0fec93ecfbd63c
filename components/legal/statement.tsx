import type { ReactNode } from "react";

/** The frame of the privacy notice and the accessibility statement: plain sections of short paragraphs and lists. */
export function Statement({ title, intro, children }: { title: string; intro: ReactNode; children: ReactNode }) {
  return (
    <article className="max-w-3xl">
      <h1 className="text-3xl font-bold">{title}</h1>
      <p className="mt-3 text-lg text-muted">{intro}</p>
      <div className="mt-6 flex flex-col gap-8">{children}</div>
    </article>
  );
}

export function StatementSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <h2 id={id} className="text-2xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function StatementList({ items }: { items: ReactNode[] }) {
  return (
    <ul className="flex list-disc flex-col gap-2 pl-6">
      {items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}

/** Bold text inside a catalogue message (`<strong>…</strong>`). */
export const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
