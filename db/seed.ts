/**
 * `npm run db:seed`: a demo account to explore the app with. Safe to run twice.
 * Demo case data joins here once cases exist (see the cases issue).
 */
import { eq } from "drizzle-orm";
import { closeDatabase, getDb } from "@/server/db";
import { createUser } from "./factories";
import { users } from "./schema";

export const DEMO_EMAIL = "demo@secondlook.local";
export const DEMO_PASSWORD = "demo account open sesame";

const db = await getDb();
const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_EMAIL));
if (existing) {
  console.log(`Demo account already exists: ${DEMO_EMAIL}`);
} else {
  await createUser(db, { name: "Demo Patient", email: DEMO_EMAIL, password: DEMO_PASSWORD });
  console.log(`Demo account created: ${DEMO_EMAIL} / ${DEMO_PASSWORD}`);
}
await closeDatabase();
