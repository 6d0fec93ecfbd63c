/** `npm run db:migrate`: applies migrations to the configured database (DATABASE_URL, or the embedded one). */
import { closeDatabase, ensureDatabase } from "@/server/database/connection";

const database = await ensureDatabase();
console.log(`Migrations applied (${database.target.kind}).`);
await closeDatabase();
