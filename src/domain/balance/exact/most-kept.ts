// Tier 3 of a plan in flight (in-flight.ts): among the plans as good as the reference on unmet hours and
// severity, the one that keeps the most pending moves, on the Hall model with a kept-move column per
// (group, destination) of the pending moves (pending-columns.ts). docs/flow-core.md, "The seventh round".
import { groupOfEmployee, type Instance } from "../input/instance.ts";
import { loadHighs } from "./highs-runtime.ts";
import { buildModel, untouchedUnmet, type BalanceModel } from "./milp-model.ts";
import { buildNetwork, type Network } from "./pool-network.ts";
import { LazyRows } from "./lazy-cuts.ts";
import { SolverSession } from "./highs-session.ts";
import { fillShortages } from "./shortage-values.ts";
import { untouchedSeverity } from "./severity-columns.ts";
import { keepAtMost, stageCosts } from "./solve-exact.ts";
import { solveStage } from "./lexicographic-stage.ts";
import { leastCostTransfers, pairOrCut, type Transfer } from "./pairing.ts";
import type { PendingPair } from "./pending-columns.ts";
import type { StageTrace } from "./stage-trace.ts";

export type { PendingPair } from "./pending-columns.ts";

/** How many of each pair's pending moves the plan keeps, whether that is proved the most, and the plan. */
export interface KeptPlan {
  counts: number[];
  proven: boolean;
  network: Network;
  /**
   * The model's plan's new moves (departures per feed, paired at least kilometres): null when time ran
   * out before they could be paired. Not the fewest: the model does not weigh them.
   */
  feedCounts: number[] | null;
  transfers: readonly Transfer[] | null;
}

/**
 * The most pending moves a plan can keep with at most the reference plan's unmet hours and severity
 * (which every plan keeping them must equal). Null when HiGHS found no plan in time.
 */
export async function mostPendingKept(
  instance: Instance,
  pairs: readonly PendingPair[],
  reference: { unmet: number; severity: number; moves: readonly Move[] },
  deadline: number,
  trace?: StageTrace,
): Promise<KeptPlan | null> {
  const network = buildNetwork(instance);
  const model = buildModel(instance, network, { kind: "hall" }, pairs);
  const highs = await loadHighs();
  const lazy = new LazyRows(instance, network, model);
  const session = new SolverSession(highs, model.data, deadline, model.unitOfColumn, {
    separate: (values) => lazy.separate(values),
    settle: (values) => fillShortages(instance, network, model, values),
    homeOfColumn: model.homeOfColumn,
  });
  try {
    keepAtMost(session, stageCosts(model, "unmet"), reference.unmet - untouchedUnmet(instance, model));
    if (instance.version === 2) {
      const touched = new Set(model.shortageKeys);
      const severity = reference.severity - untouchedSeverity(instance, touched);
      keepAtMost(session, stageCosts(model, "severity"), severity);
    }
    const costs = new Float64Array(model.data.numCols);
    for (const column of model.pending.columns) costs[column] = -1;
    session.setCosts(costs);
    // The reference plan is a plan of this model, keeping the pending moves it makes itself: a vertex
    // from it, then primal simplex, and a first incumbent for branch and bound.
    const start = startValues(instance, network, model, reference.moves);
    if (start !== null) session.startAt(start);
    const kept = pairedStage(session, instance, network, start ?? undefined, trace);
    if (kept === null) return null;
    return {
      counts: model.pending.columns.map((column) => Math.round(kept.values[column] ?? 0)),
      proven: kept.optimal && kept.transfers !== null,
      network,
      feedCounts: kept.transfers && Array.from(kept.values.subarray(0, network.feeds.length), Math.round),
      transfers: kept.transfers && leastKilometres(instance, network, kept, session.remainingSeconds()),
    };
  } finally {
    session.dispose();
  }
}

/** The stage's moves paired at least kilometres, within the time left (else as first paired). */
function leastKilometres(
  instance: Instance,
  network: Network,
  stage: { values: Float64Array; transfers: readonly Transfer[] | null },
  seconds: number,
): readonly Transfer[] {
  const paired = stage.transfers ?? [];
  if (seconds <= 0) return paired;
  return leastCostTransfers(instance, network, stage.values, paired, seconds);
}

/**
 * One stage, as the others are solved (solve-exact.ts, `solvePaired`): while the new departures cannot
 * be paired with the new arrivals, the Hall cut and again. When time runs out before the pairing holds,
 * the counts found, without transfers (the plan holding the kept moves is then solved as any other).
 */
function pairedStage(
  session: SolverSession,
  instance: Instance,
  network: Network,
  start: Float64Array | undefined,
  trace: StageTrace | undefined,
): { values: Float64Array; optimal: boolean; transfers: Transfer[] | null } | null {
  const lpStarted = performance.now();
  let relaxation = session.solveRelaxation();
  const lpSeconds = (performance.now() - lpStarted) / 1000;
  for (let warmStart = start; ; warmStart = undefined) {
    const result = solveStage(session, "moves", warmStart, relaxation, trace, null, lpSeconds);
    if (result === null) return null;
    const { transfers, cuts } = pairOrCut(instance, network, result.values);
    if (cuts.length === 0) return { values: result.values, optimal: result.optimal, transfers };
    if (session.remainingSeconds() <= lpSeconds)
      return { values: result.values, optimal: false, transfers: null };
    session.addRows(cuts.map((cut) => ({ lower: -Infinity, upper: 0, ...cut })));
    relaxation = session.solveRelaxation();
  }
}

/** A move of a plan, by ids. */
interface Move {
  employee: string;
  to: string;
  role: string;
}

/**
 * The model's columns for the plan `moves`: each move that is one of the pending pairs (the same group
 * and destination) counts as kept, while the pair has moves left; every other one as a departure from
 * its group and an arrival at its destination. Null when a move has no column (the network left it out
 * as no optimal plan's).
 */
function startValues(
  instance: Instance,
  network: Network,
  model: BalanceModel,
  moves: readonly Move[],
): Float64Array | null {
  const groupOf = groupOfEmployee(instance);
  const feedOf = new Map<string, number>();
  network.feeds.forEach((feed, index) =>
    feedOf.set(`${feed.group}|${network.pools[feed.pool]?.role ?? -1}`, index),
  );
  const arrivalOf = new Map<string, number>(
    network.arrivals.map((arrival, index) => [`${arrival.pool}|${arrival.unit}`, index]),
  );
  const pairOf = new Map(
    model.pending.pairs.map((pair, index) => [`${pair.group}|${pair.unit}|${pair.role}`, index] as const),
  );
  const values = new Float64Array(model.data.numCols);
  for (const move of moves) {
    const group = groupOf.get(move.employee);
    const unit = instance.unitIndex.get(move.to);
    const role = instance.roleIndex.get(move.role);
    if (group === undefined || unit === undefined || role === undefined) return null;
    const pair = pairOf.get(`${group}|${unit}|${role}`);
    const column = pair === undefined ? undefined : model.pending.columns[pair];
    if (
      pair !== undefined &&
      column !== undefined &&
      (values[column] ?? 0) < (model.pending.pairs[pair]?.count ?? 0)
    ) {
      values[column] = (values[column] ?? 0) + 1;
      continue;
    }
    const feed = feedOf.get(`${group}|${role}`);
    const arrival = feed === undefined ? undefined : arrivalOf.get(`${network.feeds[feed]?.pool}|${unit}`);
    if (feed === undefined || arrival === undefined) return null;
    values[feed] = (values[feed] ?? 0) + 1;
    values[network.feeds.length + arrival] = (values[network.feeds.length + arrival] ?? 0) + 1;
    const total = model.poolTotals[network.feeds[feed]?.pool ?? -1];
    if (total !== undefined) values[total] = (values[total] ?? 0) + 1;
  }
  fillShortages(instance, network, model, values);
  const keptAt = new Map<number, number>();
  model.pending.columns.forEach((column, index) => {
    const key = model.pending.to[index] ?? -1;
    keptAt.set(key, (keptAt.get(key) ?? 0) + (values[column] ?? 0));
  });
  for (const { column, key } of model.switches) values[column] = (keptAt.get(key) ?? 0) > 0 ? 1 : 0;
  return values;
}
