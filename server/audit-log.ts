/**
 * Structured lines in the server log for events whose record in the database goes away with them
 * (a deleted case takes its activity log along; a deleted account its sessions). Identifiers and
 * counts only: never names, titles or health content.
 */
export function logServerEvent(event: "case.deleted" | "account.deleted" | "sessions.ended", fields: Record<string, string | number>): void {
  console.info(JSON.stringify({ at: new Date().toISOString(), level: "info", event, ...fields }));
}
