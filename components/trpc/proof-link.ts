/**
 * A tRPC link that turns a refusal with `data.proofRequired` (server/auth/recent-proof.ts) into the
 * "Confirm it's you" dialog and, once the person has confirmed, sends the same call again — once.
 * Every mutation gets this without its form knowing; a cancelled dialog lets the refusal through.
 * A call sent with `{ context: { proof: "ask-only" } }` is not sent again: its refusal comes through
 * after the dialog, and `confirmedAfter(error)` says whether the person confirmed (adding a passkey:
 * browsers create one only right after a press, so the person presses "Add a passkey" again).
 */
import { TRPCClientError, type TRPCLink } from "@trpc/client";
import { observable, type Unsubscribable } from "@trpc/server/observable";
import type { AppRouter } from "@/server/routers/_app";

/** Opens the dialog; resolves true when the person confirmed, false when they cancelled. */
export type AskForProof = () => Promise<boolean>;

export function isProofRequired(error: unknown): boolean {
  return error instanceof TRPCClientError && (error.data as { proofRequired?: boolean } | undefined)?.proofRequired === true;
}

/** Refusals of "ask-only" calls after which the person did confirm. */
const confirmedRefusals = new WeakSet<object>();

/** Whether the person confirmed it's them after this refusal of an "ask-only" call. */
export function confirmedAfter(error: unknown): boolean {
  return typeof error === "object" && error !== null && confirmedRefusals.has(error);
}

export function proofLink(ask: AskForProof): TRPCLink<AppRouter> {
  return () =>
    ({ next, op }) =>
      observable((observer) => {
        let subscription: Unsubscribable | undefined;
        let retried = false;
        const run = () => {
          subscription = next(op).subscribe({
            next: (value) => observer.next(value),
            complete: () => observer.complete(),
            error: (error) => {
              if (retried || op.type === "subscription" || !isProofRequired(error)) return observer.error(error);
              retried = true;
              const askOnly = (op.context as { proof?: string }).proof === "ask-only";
              void ask().then(
                (confirmed) => {
                  if (confirmed && !askOnly) return run();
                  if (confirmed) confirmedRefusals.add(error);
                  observer.error(error);
                },
                () => observer.error(error),
              );
            },
          });
        };
        run();
        return () => subscription?.unsubscribe();
      });
}

/** The one open question "did the person confirm?": `ask` opens the dialog, `answer` closes it. */
export class ProofRequests {
  private pending: ((confirmed: boolean) => void) | null = null;

  constructor(private readonly setOpen: (open: boolean) => void) {}

  ask: AskForProof = () =>
    new Promise<boolean>((resolve) => {
      this.pending?.(false); // a newer request replaces an unanswered one
      this.pending = resolve;
      this.setOpen(true);
    });

  answer(confirmed: boolean): void {
    this.setOpen(false);
    const pending = this.pending;
    this.pending = null;
    pending?.(confirmed);
  }
}
