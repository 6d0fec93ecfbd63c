import type { ReactNode } from "react";
import { DraftScope } from "@/components/forms/draft-scope";
import { ClientMessages } from "@/components/i18n/client-messages";
import { TRPCProvider } from "@/components/trpc/trpc-provider";
import { getSession } from "@/server/auth";

/** The tRPC client only where client components call procedures (not in the root layout). */
export default async function Layout({ children }: { children: ReactNode }) {
  const session = await getSession();
  return (
    <ClientMessages namespaces={["cases", "selfCheck"]}>
      <TRPCProvider>
        {/* A new case's details are kept on this device too, until the case is created (components/forms/use-draft.ts). */}
        <DraftScope userId={session?.user.id ?? null}>{children}</DraftScope>
      </TRPCProvider>
    </ClientMessages>
  );
}
