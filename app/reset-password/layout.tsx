import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import { TRPCProvider } from "@/components/trpc/trpc-provider";

/** The tRPC client only where client components call procedures (not in the root layout); the form's words. */
export default function Layout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages namespaces={["signIn"]}>
      <TRPCProvider>{children}</TRPCProvider>
    </ClientMessages>
  );
}
