import type { DbTx } from "../../db/client.ts";
import { quorumOf } from "../../db/quorum.ts";
import { viewScope, type Actor } from "../../domain/actor.ts";
import { parseProposalMetrics } from "../../domain/proposal-metrics.ts";
import { flightState, inFlightInScope, stillInFlight, type FlightState } from "./in-flight.ts";
import type { Locale } from "../../messages/locales/index.ts";

/** One proposal in flight as the Mini App's Usulan page shows it (GET /api/v1/proposals, docs/web.md). */
export interface ViewProposal {
  id: number;
  state: FlightState;
  employee: { name: string; nip: string };
  role: string;
  from: { code: string; name: string };
  to: { code: string; name: string };
  /** The digest's words, in the person's language. */
  reason: string;
  km: number;
  expiresAt: string;
  approvals: Array<{ by: string; at: string }>;
  quorum: number;
  /** The person may press Setujui / Tolak on it (an approver of its agency, still open). */
  canDecide: boolean;
}

/** The proposals in flight the person may see, pending first, nearest to expiry first. */
export async function listProposalsInView(
  db: DbTx,
  input: { actor: Actor; now: Date; locale: Locale },
): Promise<ViewProposal[]> {
  const scope = viewScope(input.actor);
  const rows = await db.proposal.findMany({
    where: inFlightInScope(scope),
    // Only what a card shows (as the map's lines, get-district-map.ts): whole rows of the employee, the
    // units and the role made a province's read four times as long.
    select: {
      id: true,
      status: true,
      agencyId: true,
      reason: true,
      reasonEn: true,
      metrics: true,
      expiresAt: true,
      employee: { select: { name: true, nip: true } },
      role: { select: { name: true } },
      fromUnit: { select: { code: true, name: true } },
      toUnit: { select: { code: true, name: true } },
      decisions: {
        select: { verdict: true, createdAt: true, user: { select: { name: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
    orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
  });
  const quorums = new Map<number, number>();
  for (const agencyId of new Set(rows.map((r) => r.agencyId)))
    quorums.set(agencyId, await quorumOf(db, agencyId));
  const proposals = rows
    .filter((p) => stillInFlight(p, input.now))
    .map((p): ViewProposal => {
      const open = p.status === "PENDING";
      return {
        id: p.id,
        state: flightState(p.status),
        employee: { name: p.employee.name, nip: p.employee.nip },
        role: p.role.name,
        from: { code: p.fromUnit.code, name: p.fromUnit.name },
        to: { code: p.toUnit.code, name: p.toUnit.name },
        reason: (input.locale === "en" ? p.reasonEn : null) ?? p.reason,
        km: parseProposalMetrics(p.metrics).distanceKm,
        expiresAt: p.expiresAt.toISOString(),
        approvals: p.decisions
          .filter((d) => d.verdict === "APPROVE")
          .map((d) => ({ by: d.user.name, at: d.createdAt.toISOString() })),
        quorum: quorums.get(p.agencyId) ?? 1,
        canDecide: open && input.actor.approverOf === p.agencyId,
      };
    });
  // Pending ones (awaiting the team) first: they are what the page is for.
  return [
    ...proposals.filter((p) => p.state === "pending"),
    ...proposals.filter((p) => p.state !== "pending"),
  ];
}
