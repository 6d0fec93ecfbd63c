"use client";
/**
 * A button's or a small form's action outside case data (account settings, "Confirm it's you"):
 * busy while it runs, its failure in words. Case data goes through useCaseMutation instead.
 */
import { useCallback, useState } from "react";
import { actionErrorMessage } from "./form-errors";

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** Runs `action`; a failure becomes `error` (`describe` puts it in words). Resolves to whether it succeeded. */
  const run = useCallback(async (action: () => Promise<unknown>, describe: (failure: unknown) => string = actionErrorMessage) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (failure) {
      setError(describe(failure));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  return { busy, error, setError, run };
}
