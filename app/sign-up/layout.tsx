import type { ReactNode } from "react";
import { SignUpPrivacyNote } from "@/components/legal/footer-links";
import { TRPCProvider } from "@/components/trpc/trpc-provider";

/** The tRPC client only where client components call procedures (not in the root layout). */
export default function Layout({ children }: { children: ReactNode }) {
  return (
    <TRPCProvider>
      {children}
      <SignUpPrivacyNote />
    </TRPCProvider>
  );
}
