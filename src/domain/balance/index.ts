// The balancing engine: who should move where so that the least demand goes unmet.
//
//   input/   the plan format v1 and v2 (types.ts at the root; contract in docs/plan-format.md):
//            schema.ts validates a PlanInput and names every bad row; instance.ts indexes it (groups
//            of interchangeable people), distances.ts measures distances and reach.
//   exact/   the optimum, a MILP solved with HiGHS (WebAssembly) in lexicographic stages: unmet
//            hours, then (v2) severity, moves, kilometres (solve-exact.ts drives it; highs-session.ts
//            keeps one HiGHS model warm between stages; pool-network.ts, milp-model.ts,
//            policy-rows.ts, severity-columns.ts, strengthening-rows.ts and lazy-cuts.ts build the
//            model; pairing.ts and kilometre-stage.ts turn pool flows into person-to-unit transfers;
//            most-kept.ts and pending-columns.ts: the plan in flight's tier 3, the most pending moves
//            a plan as good on tiers 1–2 keeps).
//   flow/    the flow core, tried first: the same tiers as a min-cost flow solved by a network simplex
//            (network-simplex.ts, spanning-tree.ts), exact when every key's movers bring the same hours
//            and no cap binds (flow-network.ts builds it, pair-survey.ts and pair-arcs.ts the unit
//            pairs, solve-flow.ts the tiers); docs/flow-core.md.
//   severity.ts the v2 shortfall severity, shared by the model and the metrics.
//   greedy.ts the baseline and the fallback: largest shortage from the nearest surplus.
//   output/  a Plan: materialize-moves.ts names the people, choose-people.ts re-chooses them for
//            volunteers and stated destinations (v2 tiers 5 and 6), evaluate.ts checks and measures the
//            moves, spare-moves.ts undoes the moves a plan can do without, unit-loads.ts the loads
//            before/after, reasons.ts the plain-words reason of each move, shortfalls.ts why each need
//            still short got no more, assemble-plan.ts puts them together (the one way every method
//            makes a Plan).
//   time-limits.ts the time limit and its reserve, as the options give them.
//   in-flight.ts the plan with proposals in flight: held-most.ts keeps the most pending moves the
//            model allows, held-search.ts searches for them when it has no answer in time.
//
// Callers outside this folder import from this file only.
import { solveExact } from "./exact/solve-exact.ts";
import { greedyMoves } from "./greedy.ts";
import { buildInstance, type Instance } from "./input/instance.ts";
import { materializeMoves } from "./output/materialize-moves.ts";
import { choosePeople } from "./output/choose-people.ts";
import { assemblePlan } from "./output/assemble-plan.ts";
import { parsePlanInput } from "./input/schema.ts";
import { planWithInFlight } from "./in-flight.ts";
import { reserveShare, timeLimitSeconds } from "./time-limits.ts";
import type { Plan, PlanInput, PlanOptions } from "./types.ts";

export { computeUnitLoads } from "./output/unit-loads.ts";
export { severityOf, SEVERITY_WEIGHTS } from "./severity.ts";
export { reasonWriter, type ReasonFacts } from "./output/reasons.ts";
export { parsePlanInput, PlanInputError } from "./input/schema.ts";
/** The solver's own entry points, for the property tests that check it against brute force. */
export { buildInstance, distanceKm } from "./input/instance.ts";
export { solveExact } from "./exact/solve-exact.ts";
/** Compiles the solver ahead of the first plan (the engine's worker does, while its input is read). */
export { loadHighs as loadSolver } from "./exact/highs-runtime.ts";
export type {
  DroppedWhy,
  IneligibleWhy,
  Plan,
  PlanCompatibility,
  PlanDropped,
  PlanInFlight,
  PlanRecentMove,
  PlanDemand,
  PlanEmployee,
  PlanInput,
  PlanLocale,
  PlanMetrics,
  PlanMove,
  PlanOptions,
  PlanPolicy,
  PlanRole,
  PlanUnit,
  PlanRoleLoad,
  Shortfall,
  ShortfallReason,
  UnitLoad,
} from "./types.ts";

/** Kilometre stage: arcs per source and per arrival before pricing, and arcs allowed for its proof. */
const NEAREST_ARCS = 4;
const PROOF_ARCS = 100_000;

function greedyPlan(instance: Instance, options: PlanOptions, started: number): Plan {
  return assemblePlan(
    instance,
    choosePeople(instance, greedyMoves(instance)),
    { method: "greedy", tiersProven: [], started },
    options.locale ?? "id",
  );
}

/**
 * Baseline plan: fill the largest shortage from the nearest surplus, one person at a time.
 * Validates the input like `planTransfers` and throws `PlanInputError` on bad input.
 */
export function planTransfersGreedy(input: PlanInput, options: PlanOptions = {}): Plan {
  const started = performance.now();
  return greedyPlan(buildInstance(parsePlanInput(input)), options, started);
}

/**
 * Proposes transfers that leave the least unmet demand, then (v2) the least shortfall severity, then
 * use the fewest moves, then the fewest kilometres, within the policy bounds. With `inFlight` (v2), the
 * committed moves are held and the most pending ones kept before moves count (in-flight.ts). Exact (HiGHS) by default; when the solver runs out of time it
 * returns its best plan with `optimal: false`, and when it finds none, the greedy plan.
 * Throws `PlanInputError` on bad input, before computing anything.
 */
export async function planTransfers(input: PlanInput, options: PlanOptions = {}): Promise<Plan> {
  const started = performance.now();
  const parsed = parsePlanInput(input);
  if (parsed.version === 2 && parsed.inFlight !== undefined)
    return planWithInFlight(parsed, options, started, planOnce);
  return planOnce(buildInstance(parsed), options, started);
}

/** One plan of an indexed input, without the in-flight tier (`planWithInFlight` plans with it). */
export async function planOnce(instance: Instance, options: PlanOptions, started: number): Promise<Plan> {
  if (options.method === "greedy") return greedyPlan(instance, options, started);
  const timeLimit = timeLimitSeconds(options);
  const result = await solveExact(instance, {
    deadline: started + timeLimit * 1000,
    reserve: timeLimit * 1000 * reserveShare(options),
    nearest: NEAREST_ARCS,
    proofArcs: PROOF_ARCS,
    trace: options.trace,
    flow: options.flow,
    kilometres: options.kilometres,
    preferredPairs: options.preferredPairs,
  });
  if (result === null) return greedyPlan(instance, options, started);
  const moves = materializeMoves(instance, result.network, result.feedCounts, result.transfers);
  return assemblePlan(
    instance,
    moves,
    { method: result.method, tiersProven: result.tiersProven, unmetBound: result.unmetBound, started },
    options.locale ?? "id",
  );
}
