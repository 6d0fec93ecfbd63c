import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The sign-in forms' words: the base set has only the part of `signIn` the "confirm it's you" dialog uses. */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["signIn"]}>{children}</ClientMessages>;
}
