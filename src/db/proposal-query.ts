import type { DbTx } from "./client.ts";
import type { Prisma, User } from "../generated/prisma/client.ts";
import { DomainError } from "../domain/errors.ts";

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

/** A proposal as seen from an HR group (`inGroupOf`: its agency, null for no group): only its own agency's. */
export async function loadProposalForGroup(
  db: DbTx,
  input: { proposalId: number; inGroupOf: number | null },
): Promise<ProposalWithRelations> {
  const proposal = await loadProposal(db, input.proposalId);
  if (!proposal) throw new DomainError("proposal_unknown");
  if (input.inGroupOf !== proposal.agencyId) throw new DomainError("proposal_wrong_group");
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
