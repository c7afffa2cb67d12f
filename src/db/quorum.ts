import type { DbTx } from "./client.ts";
import { effectiveQuorum } from "../domain/objection-review.ts";

/**
 * The approvals an agency's proposals need now: the agency's stored quorum, raised to 2 while the
 * agency has three or more active approvers (HR_APPROVER users). Computed at decision time, so an
 * approver joining later raises it without touching the stored value.
 */
export async function quorumOf(db: DbTx, agencyId: number): Promise<number> {
  const [agency, approvers] = await Promise.all([
    db.agency.findUniqueOrThrow({ where: { id: agencyId }, select: { quorum: true } }),
    db.user.count({ where: { role: "HR_APPROVER", active: true, agencyId } }),
  ]);
  return effectiveQuorum(agency.quorum, approvers);
}
