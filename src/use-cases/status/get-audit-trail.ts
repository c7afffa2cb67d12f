import type { DbTx } from "../../db/client.ts";

/** One decision as an auditor reads it: who, when, what, why, and where the proposal ended. */
export interface AuditTrailEntry {
  proposalId: number;
  employee: { nip: string; name: string };
  from: string;
  to: string;
  role: string;
  verdict: "APPROVE" | "REJECT";
  by: { name: string; telegramId: string };
  at: string;
  reason: string | null;
  /** The proposal's state now; for an approval, the transfer's effective date when carried out. */
  outcome: string;
  effectiveDate: string | null;
}

/** Every decision, newest first, for `status --json` and exports. */
export async function getAuditTrail(db: DbTx, options: { limit?: number } = {}): Promise<AuditTrailEntry[]> {
  const decisions = await db.decision.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit ?? 100,
    include: {
      user: true,
      proposal: { include: { employee: true, fromUnit: true, toUnit: true, role: true, transfer: true } },
    },
  });
  return decisions.map((d) => ({
    proposalId: d.proposalId,
    employee: { nip: d.proposal.employee.nip, name: d.proposal.employee.name },
    from: d.proposal.fromUnit.code,
    to: d.proposal.toUnit.code,
    role: d.proposal.role.code,
    verdict: d.verdict,
    by: { name: d.user.name, telegramId: d.user.telegramId.toString() },
    at: d.createdAt.toISOString(),
    reason: d.reason,
    outcome: d.proposal.status,
    // The TMT once the SK is recorded (the move happens then), or the carried-out transfer's date.
    effectiveDate: (d.proposal.tmt ?? d.proposal.transfer?.effectiveDate)?.toISOString().slice(0, 10) ?? null,
  }));
}
