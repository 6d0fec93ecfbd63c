/**
 * Small factories for realistic rows with unique emails, shared by db/seed.ts and the tests,
 * so tests can share a database without colliding.
 */
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/server/auth/passwords";
import type { Db } from "./client";
import { publicUserColumns, users } from "./schema";

export const FACTORY_PASSWORD = "correct horse battery staple";

export async function createUser(
  db: Db,
  overrides: { name?: string; email?: string; password?: string } = {},
): Promise<{ id: string; name: string; email: string; password: string }> {
  const password = overrides.password ?? FACTORY_PASSWORD;
  const email = (overrides.email ?? `person-${randomUUID().slice(0, 8)}@example.test`).toLowerCase();
  const [user] = await db
    .insert(users)
    .values({ name: overrides.name ?? "Test Person", email, passwordHash: await hashPassword(password) })
    .returning(publicUserColumns);
  if (!user) throw new Error("user was not created");
  return { ...user, password };
}
