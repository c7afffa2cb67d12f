import type { DbTx } from "./client.ts";
import { DomainError } from "../domain/errors.ts";

/** The head and their unit, or the one refusal everyone else gets (no hint whether the unit exists). */
export async function loadUnitHead(db: DbTx, userId: number) {
  const head = await db.user.findFirst({
    where: { id: userId, role: "UNIT_HEAD", unitId: { not: null } },
    include: { unit: true },
  });
  if (!head?.unit) throw new DomainError("unit_head_only");
  return { ...head, unit: head.unit };
}
