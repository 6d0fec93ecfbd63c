import { handlers } from "@/server/auth";
import { withRequestId } from "@/server/http/route-scope";

// In the request's scope, so sign-in events and errors are logged with its id.
export const GET = withRequestId(handlers.GET);
export const POST = withRequestId(handlers.POST);
