import type { DbTx } from "./client.ts";
import type { Actor } from "../domain/actor.ts";
import { DomainError } from "../domain/errors.ts";
import type { User } from "../generated/prisma/client.ts";

/**
 * Who may decide for an agency, re-read at the decision: an active approver of that agency, and not
 * the person the decision is about (conflict of interest, UU 30/2014 Pasal 42). Where the decision was
 * made (a group's button, the Mini App) is the entry point's concern. Throws the DomainError the
 * person is shown; `selfError` names their case.
 */
export async function approverFor(
  db: DbTx,
  input: {
    actor: Actor;
    agencyId: number;
    /** The employee the decision is about. */
    employeeId: number;
    selfError: "proposal_about_self" | "response_about_self";
    /**
     * The agency of the HR group whose button was pressed (null: no agency's group); omitted where
     * no group is involved. A decision pressed in another agency's group is refused.
     */
    inGroupOf?: number | null | undefined;
  },
): Promise<User> {
  const { userId } = input.actor;
  const approver =
    userId === null
      ? null
      : await db.user.findFirst({
          where: { id: userId, role: "HR_APPROVER", active: true, agencyId: input.agencyId },
        });
  if (!approver) throw new DomainError("not_hr_approver");
  if (approver.employeeId !== null && approver.employeeId === input.employeeId) {
    throw new DomainError(input.selfError);
  }
  if (input.inGroupOf !== undefined && input.inGroupOf !== input.agencyId)
    throw new DomainError("proposal_wrong_group");
  return approver;
}

/**
 * The agency whose HR group this chat is, or null. A decision counts only in an active group, and for
 * that agency's proposals only (a forwarded card, another agency's group); what the group may read
 * (/usulan, /status) it reads whether or not the bot is still posting there (`active: "any"`).
 */
export async function groupAgency(
  db: DbTx,
  chatId: number | bigint,
  options: { active: true | "any" } = { active: true },
): Promise<number | null> {
  const group = await db.hrGroup.findUnique({ where: { chatId: BigInt(chatId) } });
  if (!group || (options.active === true && !group.active)) return null;
  return group.agencyId;
}
