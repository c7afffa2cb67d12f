import type { Instance } from "../input/instance.ts";
import type { Network } from "../exact/pool-network.ts";
import type { Transfer } from "../exact/pairing.ts";
import { buildFlowNetwork, type Tier } from "./flow-network.ts";
import { FlowSolve, UnitMoves } from "./flow-solve.ts";
import type { StageTrace } from "../exact/stage-trace.ts";

export interface FlowResult {
  feedCounts: number[];
  transfers: Transfer[];
  tiersProven: number[];
  /** Least unmet demand of any plan, in hours (the first tier's optimum). */
  unmetBound: number;
}

/** Why the flow core gave the problem back to the MILP. */
export type FlowRefusal = "mixed-hours" | "caps" | "time";

/**
 * Solves the tiers in order on the flow network: each tier's optimum fixes, by reduced cost, every
 * arc no equally good plan can move, and the next tier goes on from the same tree. Exact when the
 * network could be built (one hours value per key) and the result keeps every cap; otherwise returns
 * why not, and the MILP decides.
 */
export function solveFlow(
  instance: Instance,
  network: Network,
  deadlines: FlowDeadlines,
  trace?: StageTrace,
  /** false: stop after the moves tier (the kilometre tier is not asked for; solve-exact.ts). */
  kilometres = true,
): FlowResult | FlowRefusal {
  const tiers = flowTierList(instance, kilometres);
  const result = flowTiers(instance, network, deadlines, tiers);
  const step =
    typeof result === "string" ? result : result.tiersProven.length === tiers.length ? "proven" : "time";
  trace?.({
    stage: "flow",
    step,
    objective: null,
    bound: null,
    optimal: step === "proven",
    at: performance.now(),
  });
  return result;
}

/**
 * From this many people, a district where a cap may bind is left to the MILP without trying: there the
 * flow's first tier costs more than noise (0.2 s on M, 4.4 s on L), and on the districts measured its
 * optimum never kept the caps (docs/flow-core.md). Below, the attempt costs milliseconds.
 */
const TRY_BELOW_PEOPLE = 2_000;

/** Whether the network could move more people through some unit (or in all) than a cap allows. */
export function capsMayBind(instance: Instance, network: Network): boolean {
  const moves = new UnitMoves(instance.unitCount);
  const counted = new Set<number>();
  for (const feed of network.feeds) {
    const group = instance.groups[feed.group];
    if (group === undefined || counted.has(feed.group)) continue;
    counted.add(feed.group);
    moves.add(group.unit, true, network.groupLimits[feed.group] ?? 0);
  }
  for (const arrival of network.arrivals) moves.add(arrival.unit, false, arrival.upper);
  return moves.breaksCaps(instance);
}

/** The flow must prove its first tier by `handover` or leave the district to the MILP; then it may go on to `end`. */
export interface FlowDeadlines {
  handover: number;
  end: number;
}

function flowTierList(instance: Instance, kilometres: boolean): Tier[] {
  const tiers: Tier[] = instance.version === 2 ? ["unmet", "severity", "moves"] : ["unmet", "moves"];
  return kilometres ? [...tiers, "km"] : tiers;
}

function flowTiers(
  instance: Instance,
  network: Network,
  deadlines: FlowDeadlines,
  tiers: readonly Tier[],
): FlowResult | FlowRefusal {
  if (performance.now() >= deadlines.handover) return "time";
  if (instance.input.employees.length >= TRY_BELOW_PEOPLE && capsMayBind(instance, network)) return "caps";
  const flow = buildFlowNetwork(instance, network);
  if (flow === null) return "mixed-hours";
  const solve = new FlowSolve(instance, network, flow);
  solve.addPairs(solve.pairs.initial(), "unmet");
  const artificialCost = (flow.nodeCount + 1) * flow.maxCost + 1;
  const earlier: Float64Array[] = [];
  let unmetBound = 0;
  let plan: Float64Array | undefined;
  const result = (flows: Float64Array): FlowResult => ({
    feedCounts: solve.feedCounts(flows),
    transfers: solve.transfers(flows),
    tiersProven: earlier.map((_, index) => index + 1),
    unmetBound,
  });
  // Out of time within a tier after the first: the flow the simplex has reached, when it is feasible
  // and keeps the caps. The earlier tiers' arcs are frozen, so it is still optimal on every tier
  // proved, and the primal simplex only lowers the tier it was solving from the last tier's plan.
  const stopped = (): FlowResult | FlowRefusal => {
    if (plan === undefined) return "time";
    if (solve.simplex.infeasible() || !solve.keepsCaps()) return result(plan);
    return result(solve.flows());
  };
  for (const tier of tiers) {
    solve.setTier(tier);
    const stop = plan === undefined ? deadlines.handover : deadlines.end;
    for (;;) {
      if (solve.simplex.solve(artificialCost, stop) !== "optimal") return stopped();
      const { arcs: added, complete } = solve.pairs.price(
        (node) => solve.simplex.potentialOf(node),
        tier === "km",
        earlier,
        stop,
      );
      if (complete) break;
      if (performance.now() > stop) return stopped();
      solve.addPairs(added, tier);
    }
    if (tier === "unmet") unmetBound = solve.unmetHours();
    // The flow leaves the caps out. If its optimum breaks one, the capped optimum may be worse and
    // the flow cannot say by how much: the MILP decides, at the first tier that shows it.
    if (!solve.keepsCaps()) return "caps";
    solve.simplex.freezeOptimalFace();
    earlier.push(solve.snapshot());
    plan = solve.flows();
  }
  return result(plan ?? solve.flows());
}
