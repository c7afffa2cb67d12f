import type { DbTx } from "../../db/client.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Agency } from "../../generated/prisma/client.ts";
import { proposalWithRelations, type ProposalWithRelations } from "../../db/proposal-query.ts";

export interface PendingList {
  agency: Agency;
  proposals: ProposalWithRelations[];
}

/** The proposals of the group's agency still open to a decision (expired ones are not, even before the job marks them). */
export async function listPendingProposals(
  db: DbTx,
  input: { chatId: number | bigint; now: Date; viewer: { userId: number | null; isAdmin: boolean } },
): Promise<PendingList> {
  const group = await db.hrGroup.findUnique({
    where: { chatId: BigInt(input.chatId) },
    include: { agency: true },
  });
  if (!group) throw new DomainError("group_not_linked");
  if (!input.viewer.isAdmin) {
    const approver =
      input.viewer.userId === null
        ? null
        : await db.user.findFirst({
            where: { id: input.viewer.userId, role: "HR_APPROVER", active: true, agencyId: group.agencyId },
          });
    if (!approver) throw new DomainError("not_hr_approver");
  }
  const proposals = await db.proposal.findMany({
    where: { agencyId: group.agencyId, status: "PENDING", expiresAt: { gt: input.now } },
    include: proposalWithRelations,
    orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
  });
  return { agency: group.agency, proposals };
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
