import type { DbTx } from "../../db/client.ts";
import type { Actor } from "../../domain/actor.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Agency } from "../../generated/prisma/client.ts";
import { proposalWithRelations, type ProposalWithRelations } from "../../db/proposal-query.ts";

export interface PendingList {
  agency: Agency;
  proposals: ProposalWithRelations[];
}

/**
 * The agency's proposals still open to a decision (expired ones are not, even before the job marks
 * them), for its approvers and the admins. `agencyId` is the agency asked about (in the bot: the
 * group's; null when the chat is no agency's HR group).
 */
export async function listPendingProposals(
  db: DbTx,
  input: { agencyId: number | null; actor: Actor; now: Date },
): Promise<PendingList> {
  if (input.agencyId === null) throw new DomainError("group_not_linked");
  const agency = await db.agency.findUniqueOrThrow({ where: { id: input.agencyId } });
  const { actor } = input;
  if (!actor.admin) {
    const approver =
      actor.userId === null
        ? null
        : await db.user.findFirst({
            where: { id: actor.userId, role: "HR_APPROVER", active: true, agencyId: agency.id },
          });
    if (!approver) throw new DomainError("not_hr_approver");
  }
  const proposals = await db.proposal.findMany({
    where: { agencyId: agency.id, status: "PENDING", expiresAt: { gt: input.now } },
    include: proposalWithRelations,
    orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
  });
  return { agency, proposals };
}

/**
 * Link to a message: only supergroups (ids -100…) have public-style message links,
 * https://t.me/c/<id without -100>/<message id>; a basic group's messages cannot be linked.
 */
export function messageLink(chatId: bigint | null, messageId: number | null): string | null {
  if (chatId === null || messageId === null) return null;
  const text = chatId.toString();
  if (!text.startsWith("-100")) return null;
  return `https://t.me/c/${text.slice(4)}/${messageId}`;
}
