// The plan in flight's answer (in-flight.ts): the kept pending moves and the plan around them as one
// plan of the district as it is, with the tiers proven and the figures of the proposals in flight.
import { worse, type Attempt } from "./held-moves.ts";
import { buildInstance, type Instance } from "./input/instance.ts";
import { assemblePlan } from "./output/assemble-plan.ts";
import { measureShortage, type MoveIndex } from "./output/evaluate.ts";
import { computeUnitLoads } from "./output/unit-loads.ts";
import type { Plan, PlanDropped, PlanInFlight, PlanInput, PlanOptions } from "./types.ts";

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Index of each employee id in an instance's input: a lookup, not a scan per move. */
export function employeeIndex(instance: Instance): Map<string, number> {
  return new Map(instance.input.employees.map((row, index) => [row.id, index]));
}

export function moveIndex(
  instance: Instance,
  indexOf: ReadonlyMap<string, number>,
  move: { employee: string; to: string; role: string },
): MoveIndex {
  return {
    employee: indexOf.get(move.employee) ?? -1,
    to: instance.unitIndex.get(move.to) ?? 0,
    role: instance.roleIndex.get(move.role) ?? 0,
  };
}

/**
 * What the plans proved of tier 3 (`kept`: no plan as good on tiers 1–2 keeps more pending moves) and
 * whether they chose which pending moves to give up (`chosen`: some were dropped by the plans).
 */
export interface KeptProofs {
  kept: boolean;
  chosen: boolean;
}

/**
 * The tiers with `inFlight` proven, as a prefix of 1 unmet, 2 severity, 3 pending, 4 moves, 5 km. The
 * plan holding the kept moves proves tiers 4 and 5 over the plans that hold them. When the plans gave up
 * any pending move (no longer needed, the newest first, or for another), which ones was a choice, and
 * another of as many may need fewer moves or kilometres (drawn weeks: 1 km against 0, 10 against 0).
 * Tier 4 is then proven when the plan has as few moves as the reference, which no plan as good on
 * tiers 1–2 has fewer than; tier 5 only when none is kept (no other choice).
 */
function provenTiers(reference: Plan, attempt: Attempt, kept: KeptProofs): number[] {
  const proven = (plan: Plan, tier: number) => plan.metrics.tiersProven.includes(tier);
  const equal = !worse(attempt.plan, reference);
  const fewest =
    proven(reference, 3) && attempt.held.length + attempt.plan.moves.length === reference.moves.length;
  const proofs = [
    proven(reference, 1) && equal,
    proven(reference, 2) && equal,
    kept.kept,
    proven(attempt.plan, 3) && (!kept.chosen || fewest),
    proven(attempt.plan, 4) && (!kept.chosen || attempt.held.length === 0),
  ];
  const count = proofs.indexOf(false) === -1 ? proofs.length : proofs.indexOf(false);
  return Array.from({ length: count }, (_, index) => index + 1);
}

export function finish(
  input: PlanInput,
  instance: Instance,
  reference: Plan,
  attempt: Attempt,
  context: {
    committed: PlanInFlight[];
    dropped: PlanDropped[];
    proofs: KeptProofs;
    started: number;
    options: PlanOptions;
  },
): Plan {
  const indexOf = employeeIndex(instance);
  const moves = [...attempt.held, ...attempt.plan.moves].map((move) => moveIndex(instance, indexOf, move));
  const greedy = reference.metrics.method === "greedy" || attempt.plan.metrics.method === "greedy";
  const tiersProven = greedy ? [] : provenTiers(reference, attempt, context.proofs);
  const plan = assemblePlan(
    instance,
    moves,
    {
      method: greedy ? "greedy" : attempt.plan.metrics.method,
      tiersProven,
      ...(reference.metrics.unmetBound === undefined ? {} : { unmetBound: reference.metrics.unmetBound }),
      started: context.started,
    },
    context.options.locale ?? "id",
  );
  const asIs = buildInstance(input);
  const now = measureShortage(asIs, asIs.base);
  const afterCommitted = { unmet: plan.metrics.unmetBefore, severity: plan.metrics.severityBefore };
  const committedMoves = context.committed.map(({ employee, to, role }) => ({ employee, to, role }));
  return {
    ...plan,
    units: computeUnitLoads({ ...input, inFlight: [] }, [...committedMoves, ...plan.moves]),
    dropped: context.dropped,
    metrics: {
      ...plan.metrics,
      unmetBefore: round(now.unmet, 6),
      severityBefore: round(now.severity, 6),
      worstShareBefore: round(now.worstShare, 6),
      optimal: tiersProven.length === 5,
      inFlight: {
        committed: context.committed.length,
        pendingKept: attempt.held.length,
        pendingDropped: context.dropped.length,
        unmetAfterCommitted: afterCommitted.unmet,
        severityAfterCommitted: afterCommitted.severity,
      },
    },
  };
}
