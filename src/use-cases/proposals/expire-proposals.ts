import type { DbTx } from "../../db/client.ts";
import type { Locale } from "../../messages/locales/index.ts";
import { writeAudit } from "../../db/audit.ts";
import { changeProposal } from "./show-proposal.ts";
import { getSetting } from "../../db/settings.ts";

export const DEFAULT_PROPOSAL_EXPIRY_DAYS = 14;
export const PROPOSAL_EXPIRY_SETTING = "policy.proposalExpiryDays";

/** When a proposal created now lapses: 14 days unless the Setting policy.proposalExpiryDays says otherwise. */
export async function proposalExpiresAt(db: DbTx, now: Date): Promise<Date> {
  const days = await getSetting<unknown>(db, PROPOSAL_EXPIRY_SETTING);
  const valid =
    typeof days === "number" && Number.isFinite(days) && days > 0 ? days : DEFAULT_PROPOSAL_EXPIRY_DAYS;
  return new Date(now.getTime() + valid * 86_400_000);
}

/**
 * Pending proposals past their expiry lapse: the status changes (guarded by status and version, so
 * a decision landing at the same moment wins cleanly) and the card is edited through the outbox to
 * say so, without buttons. For the scheduler; running it twice changes nothing the second time.
 */
export async function expireProposals(
  db: DbTx,
  input: { now: Date; timeZone: string; locale: Locale },
): Promise<{ expired: number[] }> {
  const due = await db.proposal.findMany({
    where: { status: "PENDING", expiresAt: { lte: input.now } },
    orderBy: { id: "asc" },
  });
  const expired: number[] = [];
  for (const proposal of due) {
    if (await expireProposal(db, proposal, input, { expiresAt: proposal.expiresAt.toISOString() }))
      expired.push(proposal.id);
  }
  return { expired };
}

/**
 * One pending proposal lapses, guarded by status and version (a decision landing at the same moment
 * wins cleanly); its card is edited through the outbox and the lapse audited with `details`.
 * False when it was no longer pending at that version.
 */
export async function expireProposal(
  db: DbTx,
  proposal: { id: number; version: number },
  input: { now: Date; timeZone: string; locale: Locale },
  details: Record<string, string>,
): Promise<boolean> {
  const fresh = await changeProposal(
    db,
    { ...proposal, status: "PENDING" },
    { status: "EXPIRED", decidedAt: input.now },
    input,
  );
  if (!fresh) return false;
  await writeAudit(db, {
    actorName: "system",
    action: "proposal.expire",
    entity: "proposal",
    entityId: proposal.id,
    details,
  });
  return true;
}
