"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { startTransition, useEffect } from "react";
import { Button } from "@/components/ui/button";

/**
 * Shown when a page fails to load (for example while the database is briefly unreachable).
 * Production hides the server's error text, so the message is general; its digest is shown as a
 * reference to quote, which the server log pairs with the request's id (instrumentation.ts). Trying again fetches the page
 * from the server afresh (refresh) and clears the error (reset) in one transition.
 */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const t = useTranslations("layout");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-3xl font-bold">{t("pageErrorTitle")}</h1>
      <p>{t("pageErrorBody")}</p>
      {error.digest ? <p className="text-muted">{t("pageErrorReference", { reference: error.digest })}</p> : null}
      <div>
        <Button
          type="button"
          onClick={() =>
            startTransition(() => {
              router.refresh();
              reset();
            })
          }
        >
          {t("tryAgain")}
        </Button>
      </div>
    </div>
  );
}
