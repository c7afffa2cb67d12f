import type { DbTx } from "../../db/client.ts";
import { writeAudit } from "../../db/audit.ts";
import { loadProposal, type ProposalWithRelations } from "../../db/proposal-query.ts";
import { DomainError } from "../../domain/errors.ts";
import { objectionAwaitsReview } from "../../domain/objection-review.ts";
import { checkDecision, type DecisionContext } from "./decide-proposal.ts";

/**
 * An approver's "Sudah ditinjau": the team has looked at the head's objection recorded after the card
 * was posted, so approval is possible again. Under the proposal's row lock; a second press is told.
 */
export async function reviewObjection(
  db: DbTx,
  input: DecisionContext,
): Promise<{ proposal: ProposalWithRelations; quorum: number }> {
  const { proposal, approver, quorum } = await checkDecision(db, input);
  if (!objectionAwaitsReview(proposal)) throw new DomainError("objection_nothing_to_review");
  await db.proposal.update({
    where: { id: proposal.id },
    data: { objectionReviewedAt: input.now },
  });
  await writeAudit(db, {
    actorId: approver.id,
    actorName: approver.name,
    action: "proposal.objection_reviewed",
    entity: "proposal",
    entityId: proposal.id,
    details: {
      nip: proposal.employee.nip,
      objection: proposal.employee.objectionReason ?? "",
      objectionAt: proposal.employee.objectionAt?.toISOString() ?? null,
    },
  });
  const fresh = await loadProposal(db, proposal.id);
  if (!fresh) throw new DomainError("proposal_unknown");
  return { proposal: fresh, quorum };
}
