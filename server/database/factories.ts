/**
 * Small factories for realistic rows with unique emails, shared by server/seed.ts and the tests,
 * so tests can share a database without colliding.
 */
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/server/auth/passwords";
import type { Db } from "@/db/client";
import type { CaseRole } from "@/lib/member";
import { caseMembers, cases, publicUserColumns, users } from "@/db/schema";

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

export async function createCase(
  db: Db,
  ownerId: string,
  overrides: Partial<Pick<typeof cases.$inferInsert, "patientName" | "title" | "understanding" | "decision" | "urgent">> = {},
): Promise<{ id: string; title: string; ownerMemberId: string }> {
  const title = overrides.title ?? `Knee surgery decision ${randomUUID().slice(0, 4)}`;
  const [created] = await db
    .insert(cases)
    .values({ patientName: "Pat Example", understanding: "", decision: "", ...overrides, title })
    .returning({ id: cases.id });
  if (!created) throw new Error("case was not created");
  const ownerMemberId = await addMember(db, created.id, ownerId, "owner");
  return { id: created.id, title, ownerMemberId };
}

export async function addMember(
  db: Db,
  caseId: string,
  userId: string,
  role: CaseRole,
  options: { accessEndsAt?: Date | null } = {},
): Promise<string> {
  const [member] = await db
    .insert(caseMembers)
    .values({ caseId, userId, role, accessEndsAt: options.accessEndsAt ?? null })
    .returning({ id: caseMembers.id });
  if (!member) throw new Error("member was not added");
  return member.id;
}
