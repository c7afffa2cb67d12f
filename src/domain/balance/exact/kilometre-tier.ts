// The last tier: least kilometres among the plans the earlier tiers left, or the moves found paired at
// least kilometres when that tier cannot be proved (solve-exact.ts runs the tiers before it).
import type { Highs } from "highs";
import type { Instance } from "../input/instance.ts";
import { minimiseKilometres } from "./kilometre-stage.ts";
import { restrictNetwork, type Network } from "./pool-network.ts";
import { kmOf, leastCostTransfers, pairAtLeastCost, pairOrCut, poolFlows, type Transfer } from "./pairing.ts";
import type { SolverSession, StageResult } from "./highs-session.ts";
import type { StageTrace } from "./lexicographic-stage.ts";

/** A stage's solution with its departures paired to arrivals. */
export type PairedResult = StageResult & { transfers: Transfer[] };

export interface KilometreTierLimits {
  deadline: number;
  /** Milliseconds kept back from the kilometre stage, to pair the moves found if it cannot finish. */
  reserve: number;
  /** Arcs kept per source and per arrival before pricing. */
  nearest: number;
  /** Most arcs added to prove kilometres optimal after branch and bound. */
  proofArcs: number;
  /** Most rounds of pricing arcs in (kilometre-stage.ts); none: until the deadline. */
  rounds?: number | undefined;
  trace?: StageTrace | undefined;
  /**
   * false: no kilometre stage; the moves found are paired at least kilometres, unproved. The plan in
   * flight's reference plan only answers for the tiers before it (in-flight.ts).
   */
  kilometres?: boolean | undefined;
}

/** Who leaves through each feed and who goes where: a plan in the solver's terms. */
export interface PlannedMoves {
  feedCounts: number[];
  transfers: Transfer[];
  /** Kilometres proved least (unmet demand and moves are proved by their own stages). */
  proven: boolean;
}

function moveCount(network: Network, values: Float64Array): number {
  let moves = 0;
  for (let feed = 0; feed < network.feeds.length; feed++) moves += Math.round(values[feed] ?? 0);
  return moves;
}

/**
 * The kilometre tier after the moves stage: none to prove when the plan moves nobody (a week that keeps
 * every pending proposal: on L the kilometre model took 1.4 s to say 0 km); null when it is not asked
 * for, or less than a second is left.
 */
export function kilometreTier(
  highs: Highs,
  session: SolverSession,
  instance: Instance,
  network: Network,
  reached: { unmet: number; severity: number },
  moves: PairedResult | null,
  limits: KilometreTierLimits,
): PlannedMoves | null {
  if (moves === null) return null;
  const count = moveCount(network, moves.values);
  if (count === 0)
    return { feedCounts: new Array<number>(network.feeds.length).fill(0), transfers: [], proven: true };
  const deadline = limits.deadline - limits.reserve;
  if (limits.kilometres === false || (deadline - performance.now()) / 1000 < 1) return null;
  const fixed = { ...reached, moves: count };
  return kilometres(highs, session, instance, network, fixed, moves, { ...limits, deadline });
}

/**
 * Kilometre stage on the moves the first two stages left open, mapped back to the full network.
 */
function kilometres(
  highs: Highs,
  session: SolverSession,
  instance: Instance,
  network: Network,
  /** The earlier tiers' optima: unmet demand, severity and the number of moves. */
  reached: { unmet: number; severity: number; moves: number },
  moves: PairedResult,
  limits: KilometreTierLimits,
): PlannedMoves | null {
  const arrivalColumn = (arrival: number) => network.feeds.length + arrival;
  const view = restrictNetwork(
    network,
    (feed) => session.boundsOf(feed)[1] > 0,
    (arrival) => session.boundsOf(arrivalColumn(arrival))[1] > 0,
  );
  const columns = [...view.feedOf, ...view.arrivalOf.map(arrivalColumn)];
  const bounds = new Map(columns.map((column, index) => [index, session.boundsOf(column)] as const));
  const counts = Float64Array.from(columns, (column) => Math.round(moves.values[column] ?? 0));
  const fixed = { ...reached, counts, transfers: moves.transfers, bounds };
  const km = minimiseKilometres(highs, instance, view.network, fixed, limits);
  if (km === null) return null;
  const values = km.result.values;
  const feedCounts = new Array<number>(network.feeds.length).fill(0);
  view.feedOf.forEach((feed, index) => (feedCounts[feed] = Math.round(values[index] ?? 0)));
  const transfers =
    pairAtLeastCost(poolFlows(instance, view.network, values), km.arcs, session.remainingSeconds()) ??
    pairOrCut(instance, view.network, values).transfers;
  return { feedCounts, transfers, proven: km.proven };
}

/**
 * The plan when the kilometre stage did not prove its answer: the moves of the best stage paired at
 * least kilometres (`paired`: they already are), or the kilometre stage's own plan if that is shorter.
 */
export function quickerPlan(
  session: SolverSession,
  instance: Instance,
  network: Network,
  best: PairedResult,
  paired: boolean,
  km: Omit<PlannedMoves, "proven"> | null,
): PlannedMoves {
  const remaining = session.remainingSeconds();
  const transfers = paired
    ? best.transfers
    : [...leastCostTransfers(instance, network, best.values, best.transfers, remaining)];
  const quick = {
    feedCounts: Array.from(best.values.subarray(0, network.feeds.length), Math.round),
    transfers,
    proven: false,
  };
  return km !== null && kmOf(instance, km.transfers) < kmOf(instance, transfers)
    ? { ...km, proven: false }
    : quick;
}
