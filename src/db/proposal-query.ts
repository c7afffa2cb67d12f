import type { DbTx } from "./client.ts";
import type { Prisma, ProposalStatus, User } from "../generated/prisma/client.ts";
import { renderProposalCard } from "../messages/proposal-card.ts";
import type { Locale } from "../messages/locales/index.ts";
import { enqueueEdit, PRIORITY } from "../delivery/outbox.ts";
import { DomainError } from "../domain/errors.ts";
import { digestShowing, queueDigestEdit } from "./digest-query.ts";

/** What a card, its details and a decision need of a proposal. */
export const proposalWithRelations = {
  employee: true,
  fromUnit: true,
  toUnit: true,
  role: true,
  decisions: { include: { user: true }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.ProposalInclude;

export type ProposalWithRelations = Prisma.ProposalGetPayload<{ include: typeof proposalWithRelations }>;

export async function loadProposal(db: DbTx, id: number): Promise<ProposalWithRelations | null> {
  return db.proposal.findUnique({ where: { id }, include: proposalWithRelations });
}

/**
 * Queues the card's edit to its final state (expired, superseded) when the card was posted; the
 * dedupe key makes a retried job or a second pass edit it once.
 */
export async function queueCardEdit(
  db: DbTx,
  proposal: ProposalWithRelations,
  options: { locale: Locale; timeZone: string; event?: string },
): Promise<boolean> {
  if (proposal.cardChatId === null || proposal.cardMessageId === null) return false;
  // What changed on the card: its final state by default, or an event such as a late objection.
  const event = options.event ?? proposal.status.toLowerCase();
  // A proposal shown in its check's digest: the digest is edited (issue 14), not overwritten by one card.
  const digestId = await digestShowing(db, proposal);
  if (digestId !== null) {
    return queueDigestEdit(db, digestId, {
      locale: options.locale,
      timeZone: options.timeZone,
      dedupeKey: `digest:${digestId}:proposal:${proposal.id}:${event}`,
    });
  }
  const card = renderProposalCard(proposal, options.locale, options.timeZone);
  return enqueueEdit(db, {
    dedupeKey: `proposal:${proposal.id}:card:${event}`,
    chatId: proposal.cardChatId,
    messageId: proposal.cardMessageId,
    view: card,
    priority: PRIORITY.notice,
  });
}

/**
 * A proposal's state change, guarded by the status and version it was read at (of two racing
 * changes exactly one lands): bumps the version, re-reads the proposal and queues its card's edit.
 * Null when it was no longer at that status and version, for the caller to say so.
 */
export async function changeProposal(
  db: DbTx,
  from: { id: number; status: ProposalStatus; version: number },
  data: Omit<Prisma.ProposalUpdateManyMutationInput, "version">,
  options: { locale: Locale; timeZone: string },
): Promise<ProposalWithRelations | null> {
  const { count } = await db.proposal.updateMany({
    where: { id: from.id, status: from.status, version: from.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) return null;
  const fresh = await db.proposal.findUniqueOrThrow({
    where: { id: from.id },
    include: proposalWithRelations,
  });
  await queueCardEdit(db, fresh, { locale: options.locale, timeZone: options.timeZone });
  return fresh;
}

/** A proposal as seen from a group: only the agency's HR group may look at its details. */
export async function loadProposalForGroup(
  db: DbTx,
  input: { proposalId: number; chatId: number | bigint },
): Promise<ProposalWithRelations> {
  const proposal = await loadProposal(db, input.proposalId);
  if (!proposal) throw new DomainError("proposal_unknown");
  const group = await db.hrGroup.findFirst({
    where: { agencyId: proposal.agencyId, chatId: BigInt(input.chatId) },
  });
  if (!group) throw new DomainError("proposal_wrong_group");
  return proposal;
}

/**
 * Who hears of a proposal's outcome: the active heads of both units and the person, if they joined
 * (one query, by id, so that each is told once and in a stable order).
 */
export async function proposalAudience(
  db: DbTx,
  proposal: { employeeId: number; fromUnitId: number; toUnitId: number },
): Promise<User[]> {
  return db.user.findMany({
    where: {
      active: true,
      OR: [
        { role: "UNIT_HEAD", unitId: { in: [proposal.fromUnitId, proposal.toUnitId] } },
        { role: "EMPLOYEE", employeeId: proposal.employeeId },
      ],
    },
    orderBy: { id: "asc" },
  });
}
