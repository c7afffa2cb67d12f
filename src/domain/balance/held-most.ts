// Tier 3 of the plan in flight, exact (in-flight.ts): when the plan holding every pending move is worse
// than the reference, the model picks how many of each group's pending moves to each place a plan as
// good as the reference can keep (exact/most-kept.ts); the plan holding those is made as any other, or,
// with no time left for it, is the model's own.
import { mostPendingKept, type KeptPlan, type PendingPair } from "./exact/most-kept.ts";
import { unneeded, withMovesHeld, worse, type Attempt } from "./held-moves.ts";
import type { Search } from "./held-search.ts";
import { buildInstance, groupOfEmployee, type Instance } from "./input/instance.ts";
import { assemblePlan } from "./output/assemble-plan.ts";
import { materializeMoves } from "./output/materialize-moves.ts";
import { withoutSpareMoves } from "./output/spare-moves.ts";
import type { Plan, PlanInFlight, PlanInput, PlanOptions } from "./types.ts";

/** The pending moves by the group their person is in and the place they go to, oldest first in each. */
export function pendingPairs(
  instance: Instance,
  moves: readonly PlanInFlight[],
): { pairs: PendingPair[]; movesOf: PlanInFlight[][] } {
  const groupOf = groupOfEmployee(instance);
  const byName = new Map<string, number>();
  const pairs: PendingPair[] = [];
  const movesOf: PlanInFlight[][] = [];
  for (const move of moves) {
    const group = groupOf.get(move.employee);
    const unit = instance.unitIndex.get(move.to);
    const role = instance.roleIndex.get(move.role);
    if (group === undefined || unit === undefined || role === undefined) continue;
    const name = `${group}|${unit}|${role}`;
    let index = byName.get(name);
    if (index === undefined) {
      index = pairs.length;
      byName.set(name, index);
      pairs.push({ group, unit, role, count: 0 });
      movesOf.push([]);
    }
    const pair = pairs[index];
    if (pair !== undefined) pair.count++;
    movesOf[index]?.push(move);
  }
  return { pairs, movesOf };
}

/**
 * The plan holding the most pending moves of `left` that a plan as good as `reference` on unmet hours
 * and severity can keep: of each pair's moves, the oldest (the newest give way, as in the search).
 * `proven` when the model proved no plan keeps more. The plan around them is solved as any other when
 * time allows (it proves the last tiers); else, or when that comes back worse, it is the model's own
 * (on a province the plan holding 3,615 moves took 70 s to reach the reference's severity). Null when
 * the model found no answer in time, or no plan holding its choice as good (the search takes over).
 */
export async function holdTheMost(
  instance: Instance,
  reference: Plan,
  left: readonly PlanInFlight[],
  context: Search & { options: PlanOptions; seconds: number; known?: Attempt },
): Promise<{ attempt: Attempt; proven: boolean } | null> {
  const started = performance.now();
  const { pairs, movesOf } = pendingPairs(instance, left);
  const reached = {
    unmet: reference.metrics.unmetAfter,
    severity: reference.metrics.severityAfter,
    moves: reference.moves,
  };
  const deadline = started + context.seconds * 1000;
  const kept = await mostPendingKept(instance, pairs, reached, deadline, context.options.trace);
  if (kept === null) return null;
  const chosen = new Set(movesOf.flatMap((moves, index) => moves.slice(0, kept.counts[index] ?? 0)));
  const held = left.filter((move) => chosen.has(move));
  // A plan found before that keeps as many, as good and each still needed, is proven the most too.
  const { known } = context;
  if (known !== undefined && known.held.length >= held.length) return { attempt: known, proven: kept.proven };
  const own = modelPlan(context.current, instance, kept, held, context.options, started);
  // As good on tiers 1–2, and each kept move still needed: among equal plans, the plan solved around
  // them may fill a place another way and leave one superfluous (a second teacher there stays, where
  // the model's plan sends him next door); then the model's own plan answers.
  const hours = new Map(context.current.employees.map((row) => [row.id, row.hours]));
  const asGood = (plan: Plan | null): plan is Plan =>
    plan !== null && !worse(plan, reference) && unneeded(plan, held, hours).length === 0;
  // Late, no plan is solved again: on a province, one that started late came back with nothing proven.
  if (!context.late()) {
    const attempt = await context.solveHolding(held);
    if (asGood(attempt.plan)) return { attempt, proven: kept.proven };
  }
  return asGood(own) ? { attempt: { held, plan: own }, proven: kept.proven } : null;
}

/**
 * The model's plan around the kept moves `held`, as a plan of the district holding them: its new
 * departures are members of their groups other than the held people. Null when it has none (time ran
 * out before its moves were paired).
 */
function modelPlan(
  current: PlanInput,
  instance: Instance,
  kept: KeptPlan,
  held: readonly PlanInFlight[],
  options: PlanOptions,
  started: number,
): Plan | null {
  if (kept.feedCounts === null || kept.transfers === null) return null;
  const heldIds = new Set(held.map((move) => move.employee));
  const others = {
    ...instance,
    groups: instance.groups.map((group) => ({
      ...group,
      members: group.members.filter((member) => !heldIds.has(instance.input.employees[member]?.id ?? "")),
    })),
  };
  const holding = buildInstance(withMovesHeld(current, held));
  const found = materializeMoves(others, kept.network, kept.feedCounts, kept.transfers);
  return assemblePlan(
    holding,
    withoutSpareMoves(holding, found),
    { method: "exact", tiersProven: [1, 2], started },
    options.locale ?? "id",
  );
}

/** `holdTheMost`, or a stand-in for it (the search's tests take the model away). */
export type HoldTheMost = typeof holdTheMost;
