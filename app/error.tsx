"use client";
import { useRouter } from "next/navigation";
import { startTransition, useEffect } from "react";
import { Button } from "@/components/ui/button";

/**
 * Shown when a page fails to load (for example while the database is briefly unreachable).
 * Production hides the server's error text, so the message is general. Trying again fetches the page
 * from the server afresh (refresh) and clears the error (reset) in one transition.
 */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-3xl font-bold">This page could not be loaded just now</h1>
      <p>
        Nothing you saved earlier is lost. This is usually brief — please wait a few seconds and try again. If it keeps
        happening, come back a little later.
      </p>
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
          Try again
        </Button>
      </div>
    </div>
  );
}
