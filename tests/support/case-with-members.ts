/** A fresh case with an owner, a supporter and a viewer, and a signed-in tRPC caller for each. */
import type { Db } from "@/db/client";
import { addMember, createCase, createUser } from "@/server/database/factories";
import { callerFor } from "./callers";

export async function caseWithMembers(db: Db) {
  const owner = await createUser(db, { name: "Olga Owner" });
  const supporter = await createUser(db, { name: "Sid Supporter" });
  const viewer = await createUser(db, { name: "Vi Viewer" });
  const { id: caseId } = await createCase(db, owner.id);
  await addMember(db, caseId, supporter.id, "supporter");
  await addMember(db, caseId, viewer.id, "viewer");
  return {
    caseId,
    supporterId: supporter.id,
    owner: await callerFor(db, owner),
    supporter: await callerFor(db, supporter),
    viewer: await callerFor(db, viewer),
  };
}
