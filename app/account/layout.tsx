import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import { TRPCProvider } from "@/components/trpc/trpc-provider";

/** The tRPC client only where client components call procedures (not in the root layout); the settings' words (the base set has only the header's and the dialog's parts of `account`). */
export default function Layout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages namespaces={["account", "signIn"]}>
      <TRPCProvider>{children}</TRPCProvider>
    </ClientMessages>
  );
}
