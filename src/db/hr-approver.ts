import type { DbTx } from "./client.ts";
import { DomainError } from "../domain/errors.ts";
import type { HrGroup, User } from "../generated/prisma/client.ts";

/**
 * Who may decide in an HR group, re-read at the press: an active approver of the agency, pressing in
 * that agency's active HR group, and not the person the decision is about (conflict of interest,
 * UU 30/2014 Pasal 42). Throws the DomainError the person is shown; `selfError` names their case.
 */
export async function approverInGroup(
  db: DbTx,
  input: {
    userId: number | null;
    agencyId: number;
    chatId: number | bigint;
    /** The employee the decision is about. */
    employeeId: number;
    selfError: "proposal_about_self" | "response_about_self";
  },
): Promise<{ approver: User; group: HrGroup }> {
  const approver =
    input.userId === null
      ? null
      : await db.user.findFirst({
          where: { id: input.userId, role: "HR_APPROVER", active: true, agencyId: input.agencyId },
        });
  if (!approver) throw new DomainError("not_hr_approver");
  if (approver.employeeId !== null && approver.employeeId === input.employeeId) {
    throw new DomainError(input.selfError);
  }
  const group = await db.hrGroup.findFirst({
    where: { agencyId: input.agencyId, chatId: BigInt(input.chatId), active: true },
  });
  if (!group) throw new DomainError("proposal_wrong_group");
  return { approver, group };
}
