import { buttonClasses } from "@/components/ui/button";

/**
 * On a phone, the page's main action where the first screen can show it: a link down to the part of
 * the page that does it (the form further down). Wider screens see that part without it.
 */
export function JumpTo({ href, children }: { href: `#${string}`; children: string }) {
  return (
    <a href={href} className={buttonClasses("primary", "mt-4 sm:hidden")}>
      {children}
    </a>
  );
}
