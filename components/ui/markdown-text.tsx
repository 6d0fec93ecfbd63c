/**
 * Server-rendered only: pages render note bodies here and hand the result to client components as
 * props, so react-markdown and its parser never reach the browser's bundle.
 */
import type { ReactNode } from "react";
import Markdown, { defaultUrlTransform, type Components } from "react-markdown";

/** The light formatting notes allow; anything else (raw HTML, images, tables) is dropped or shown as text. */
const ALLOWED = ["p", "br", "strong", "em", "del", "ul", "ol", "li", "a", "blockquote", "code", "pre", "h1", "h2", "h3", "h4", "hr"];

/** Only web and mail links survive; `javascript:`, `data:` and the like become plain text. */
function safeUrl(url: string): string {
  const cleaned = defaultUrlTransform(url);
  return /^(https?:|mailto:)/i.test(cleaned) ? cleaned : "";
}

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} rel="noopener noreferrer nofollow" target="_blank">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  // Headings inside a note are emphasis, not page structure.
  h1: ({ children }) => <p className="font-bold">{children}</p>,
  h2: ({ children }) => <p className="font-bold">{children}</p>,
  h3: ({ children }) => <p className="font-semibold">{children}</p>,
  h4: ({ children }) => <p className="font-semibold">{children}</p>,
};

/**
 * Renders a person's text with light markdown formatting, safely: raw HTML is never rendered
 * (react-markdown escapes it), and link targets are limited to http(s) and mailto.
 */
export function MarkdownText({ text }: { text: string }) {
  return (
    <div className="markdown-text space-y-2 break-words">
      <Markdown skipHtml allowedElements={ALLOWED} unwrapDisallowed urlTransform={safeUrl} components={components}>
        {text}
      </Markdown>
    </div>
  );
}

/** Each note's body rendered by `MarkdownText`, by note id, for a client list to show. */
export function renderNoteBodies(notes: readonly { id: string; body: string }[]): Record<string, ReactNode> {
  return Object.fromEntries(notes.map((note) => [note.id, <MarkdownText key={note.id} text={note.body} />]));
}
