/** The one-click address of digests sent before per-kind settings (links without `k`): answered by /api/unsubscribe. */
export { GET, POST } from "@/app/api/unsubscribe/route";
