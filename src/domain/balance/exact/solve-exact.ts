import { loadHighs } from "./highs-runtime.ts";
import type { Instance } from "../input/instance.ts";
import { buildModel, untouchedUnmet, type BalanceModel } from "./milp-model.ts";
import { untouchedSeverity } from "./severity-columns.ts";
import { fillShortages, severityOfCounts } from "./shortage-values.ts";
import { buildNetwork, type Network } from "./pool-network.ts";
import { leastCostTransfers, pairOrCut, preferredPairsOf, type Transfer } from "./pairing.ts";
import { kilometreTier, quickerPlan, type KilometreTierLimits, type PairedResult } from "./kilometre-tier.ts";
import { LazyRows } from "./lazy-cuts.ts";
import { SolverSession } from "./highs-session.ts";
import { objectiveStep } from "./lattice.ts";
import { solveStage, unmetLimit, type Stage, type StageTrace } from "./lexicographic-stage.ts";
import { solveFlow } from "../flow/solve-flow.ts";

/**
 * Share of the time left within which the flow core must prove its first tier, or hand over to the MILP;
 * once it has, it goes on to the deadline. It runs long only where it is exact, and far faster than the
 * MILP there (docs/flow-core.md, "Time": with half, XL without caps ended with the greedy plan).
 */
const FLOW_SHARE = 0.8;

export interface ExactResult {
  /** "flow": the flow core proved it (flow/); "exact": the MILP's stages. */
  method: "flow" | "exact";
  network: Network;
  /** How many people leave through each feed. */
  feedCounts: number[];
  transfers: Transfer[];
  /** Every stage proved optimal over every possible move. */
  optimal: boolean;
  /** Tiers proved optimal (1-based, in order; a tier counts only after every earlier one). */
  tiersProven: number[];
  /** Proven lower bound on unmet demand after any valid plan. */
  unmetBound: number;
}

export interface ExactLimits extends KilometreTierLimits {
  /** false: skip the flow core. */
  flow?: boolean | undefined;
  /** Unit ids of moves the pairing makes first where the counts allow (`PlanOptions.preferredPairs`). */
  preferredPairs?: ReadonlyArray<{ from: string; to: string }> | undefined;
}

/**
 * A stage on the Hall model: solve, and while departures cannot be paired, add the Hall cut and solve
 * again. Then fix, by reduced cost against the stage's first LP, every move column that cannot appear
 * in a solution as good as the one found: later stages only look among those solutions. Severity's
 * first LP by interior point: on L with the cap 5 s, where primal simplex from unmet's basis took 13 s.
 */
function solvePaired(
  session: SolverSession,
  instance: Instance,
  network: Network,
  stage: Stage,
  start?: Float64Array,
  trace?: StageTrace,
): PairedResult | null {
  const lpStarted = performance.now();
  const first = session.solveRelaxation(stage === "severity" ? "ipm" : undefined);
  // As in the kilometre stage: no branch and bound with less time left than the first LP took.
  const lpSeconds = (performance.now() - lpStarted) / 1000;
  const step = objectiveStep(instance, stage);
  for (
    let relaxation = first, warmStart = start;
    ;
    relaxation = session.solveRelaxation(), warmStart = undefined
  ) {
    const result = solveStage(session, stage, warmStart, relaxation, trace, step, lpSeconds);
    if (result === null) return null;
    const { transfers, cuts } = pairOrCut(instance, network, result.values);
    if (cuts.length === 0) {
      if (first !== null) {
        const reached = stage === "moves" ? Math.round(result.objective) : result.objective;
        session.fixByReducedCost(first, Math.max(0, reached - first.objective));
      }
      return { ...result, transfers };
    }
    session.addRows(cuts.map((cut) => ({ lower: -Infinity, upper: 0, ...cut })));
  }
}

export function stageCosts(model: BalanceModel, stage: "unmet" | "severity" | "moves"): Float64Array {
  const costs = new Float64Array(model.data.numCols);
  if (stage === "unmet") costs.fill(1, model.shortageStart, model.shortageStart + model.shortageKeys.length);
  else if (stage === "moves") costs.fill(1, 0, model.feedCount);
  else
    model.severity.columns.forEach((column, index) => (costs[column] = model.severity.weights[index] ?? 0));
  return costs;
}

/**
 * Keeps a stage's objective at its optimum in the stages after it, with room relative to it (as
 * `unmetLimit` without a step). The stages after it search neighbourhoods, MIPs, and with absolute room
 * only the kilometre stage's neighbourhood on L found nothing; only that stage's LP keeps them tighter.
 */
export function keepAtMost(session: SolverSession, costs: Float64Array, value: number): void {
  const columns: number[] = [];
  const coefficients: number[] = [];
  costs.forEach((cost, column) => {
    if (cost === 0) return;
    columns.push(column);
    coefficients.push(cost);
  });
  session.addRow(-Infinity, unmetLimit(value, null), columns, coefficients);
}

/** The longest run of proven tiers from the first, as tier numbers. */
function provenPrefix(proofs: readonly boolean[]): number[] {
  const count = proofs.indexOf(false) === -1 ? proofs.length : proofs.indexOf(false);
  return Array.from({ length: count }, (_, index) => index + 1);
}

/**
 * Solves the tiers in order (unmet demand, v2's severity, moves, kilometres), each fixed before the
 * next. Unmet demand, severity and moves are solved on the compact Hall model, kilometres on an arc
 * model. Returns null when HiGHS found no plan in time, so that the caller can fall back to the
 * greedy plan.
 */
export async function solveExact(instance: Instance, limits: ExactLimits): Promise<ExactResult | null> {
  const network = buildNetwork(instance);
  const tiers = instance.version === 2 ? 4 : 3;
  if (network.feeds.length === 0)
    return {
      method: "exact",
      network,
      feedCounts: [],
      transfers: [],
      optimal: true,
      tiersProven: provenPrefix(new Array<boolean>(tiers).fill(true)),
      unmetBound: 0,
    };
  const deadlines = {
    handover: performance.now() + (limits.deadline - performance.now()) * FLOW_SHARE,
    end: limits.deadline - limits.reserve,
  };
  const flow =
    limits.flow === false
      ? "off"
      : solveFlow(instance, network, deadlines, limits.trace, limits.kilometres !== false);
  if (typeof flow !== "string")
    return { method: "flow", network, ...flow, optimal: flow.tiersProven.length === tiers };
  const highs = await loadHighs();
  const model = buildModel(instance, network, { kind: "hall" });
  const lazy = new LazyRows(instance, network, model);
  // Every stage ends by the reserve, which is the time to pair and assemble the plan: on XL, severity's
  // LP ended 2.5 s into it, and pairing and assembling took the run 6 s past its limit.
  const session = new SolverSession(highs, model.data, deadlines.end, model.unitOfColumn, {
    separate: (values) => lazy.separate(values),
    settle: (values) => fillShortages(instance, network, model, values),
  });
  try {
    const unmetCosts = stageCosts(model, "unmet");
    session.setCosts(unmetCosts);
    const unmet = solvePaired(session, instance, network, "unmet", undefined, limits.trace);
    if (unmet === null) return null;
    keepAtMost(session, unmetCosts, unmet.objective);
    let severity: PairedResult | null = null;
    if (instance.version === 2) {
      const severityCosts = stageCosts(model, "severity");
      session.setCosts(severityCosts);
      const found = solvePaired(session, instance, network, "severity", unmet.values, limits.trace);
      if (found !== null) {
        severity = { ...found, objective: severityOfCounts(instance, network, model, found.values) };
        keepAtMost(session, severityCosts, severity.objective);
      }
    }
    const previous = instance.version === 2 ? severity : unmet;
    session.setCosts(stageCosts(model, "moves"));
    const found =
      previous === null
        ? null
        : solvePaired(session, instance, network, "moves", previous.values, limits.trace);
    // Paired at least kilometres before the kilometre stage: its branch and bound starts from this
    // plan, not from the first pairing that fitted (on M, 6,099 km instead of 20,730).
    const moves = found && {
      ...found,
      transfers: [
        ...leastCostTransfers(
          instance,
          network,
          found.values,
          found.transfers,
          session.remainingSeconds(),
          preferredPairsOf(instance, limits.preferredPairs ?? []),
        ),
      ],
    };
    const touched = new Set(model.shortageKeys);
    const reached = {
      unmet: unmet.objective + untouchedUnmet(instance, model),
      severity: (severity?.objective ?? 0) + untouchedSeverity(instance, touched),
    };
    const km = kilometreTier(highs, session, instance, network, reached, moves, limits);
    const best = moves ?? previous ?? unmet;
    const plan = km?.proven ? km : quickerPlan(session, instance, network, best, best === moves, km);
    const proofs = [unmet.optimal, ...(instance.version === 2 ? [severity?.optimal ?? false] : [])];
    const tiersProven = provenPrefix([...proofs, moves?.optimal ?? false, plan.proven]);
    return {
      method: "exact",
      network,
      feedCounts: plan.feedCounts,
      transfers: plan.transfers,
      optimal: tiersProven.length === tiers,
      tiersProven,
      unmetBound: unmet.bound + reached.unmet - unmet.objective,
    };
  } finally {
    session.dispose();
  }
}
