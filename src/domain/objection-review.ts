/**
 * Whether a head's objection (keberatan) waits for the team's review before the proposal may be
 * approved: it was recorded after the proposal was made (the card was posted without it in view)
 * and no approver has marked it reviewed since.
 */
export function objectionAwaitsReview(proposal: {
  status: string;
  createdAt: Date;
  objectionReviewedAt: Date | null;
  employee: { objection: boolean; objectionAt: Date | null };
}): boolean {
  const at = proposal.employee.objectionAt;
  if (proposal.status !== "PENDING" || !proposal.employee.objection || !at) return false;
  if (at < proposal.createdAt) return false;
  return !proposal.objectionReviewedAt || proposal.objectionReviewedAt < at;
}

/** Whether the card shows the objection at all (reviewed or not): one recorded after the proposal. */
export function objectionAfterProposal(proposal: {
  createdAt: Date;
  employee: { objection: boolean; objectionAt: Date | null };
}): boolean {
  const at = proposal.employee.objectionAt;
  return proposal.employee.objection && at !== null && at >= proposal.createdAt;
}

/**
 * Approvals a decision needs: the group's stored quorum, and at least two where the agency has three
 * or more approvers, so no one person carries a transfer alone in a team that can share it.
 */
export function effectiveQuorum(stored: number, approvers: number): number {
  return Math.max(1, stored, approvers >= 3 ? 2 : 1);
}
