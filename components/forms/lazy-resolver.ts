"use client";
/**
 * A form's zod resolver, loaded the first time the form validates: zod and the contracts stay out of
 * every page's first load (about 45 KiB compressed; docs/PERFORMANCE.md, "Phone"), while the checks
 * and their messages stay exactly the server's. The first focus anywhere on the page starts loading
 * zod, so by the time someone has typed and pressed Save it is there.
 */
import type { FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";

const loadZodResolver = () => import("@hookform/resolvers/zod");

if (typeof document !== "undefined") {
  document.addEventListener("focusin", () => void loadZodResolver(), { once: true });
}

export function lazyZodResolver<Input extends FieldValues, Output extends FieldValues>(
  load: () => Promise<z.ZodType<Output, Input>>,
): Resolver<Input, unknown, Output> {
  let loaded: Promise<Resolver<Input, unknown, Output>> | undefined;
  return (values, context, options) => {
    loaded ??= Promise.all([loadZodResolver(), load()]).then(([{ zodResolver }, schema]) => zodResolver(schema));
    return loaded.then((resolve) => resolve(values, context, options));
  };
}
