import type { Highs } from "highs";
import type { Instance } from "../input/instance.ts";
import { buildModel, sourceName, untouchedUnmet, type Arc, type BalanceModel } from "./milp-model.ts";
import { arcKey, initialArcs, priceArcs } from "./kilometre-arcs.ts";
import type { Network } from "./pool-network.ts";
import type { Transfer } from "./pairing.ts";
import { SolverSession, type LpResult, type StageResult } from "./highs-session.ts";
import { RELATIVE_GAP, solveStage, toleranceOf, unmetLimit, type StageTrace } from "./lexicographic-stage.ts";
import { fillShortages } from "./shortage-values.ts";
import { objectiveStep } from "./lattice.ts";
import { untouchedSeverity } from "./severity-columns.ts";

export interface KilometreLimits {
  deadline: number;
  /** Arcs kept per source unit and per arrival before pricing adds the rest where they pay. */
  nearest: number;
  /** Most arcs added to prove optimality after branch and bound; beyond it the plan is not proved. */
  proofArcs: number;
  /**
   * Most rounds of pricing. The deadline stops them as surely; tests name a number of rounds to stop them
   * at a chosen one.
   */
  rounds?: number | undefined;
  trace?: StageTrace | undefined;
}

/**
 * Share of the stage's time its rounds of pricing leave to the neighbourhood of where they got to, should
 * they not end. On L the neighbourhood of the final LP took 2.5–5 s of a 35–45 s stage; with a tenth,
 * a stage of 27 s found nothing in the 2.7 s left.
 */
const NEIGHBOURHOOD_SHARE = 0.2;

export interface KilometreResult {
  result: StageResult;
  arcs: Arc[];
  /** Optimal over every arc, not only those in the model. */
  proven: boolean;
}

class ArcColumns {
  readonly arcs: Arc[];
  private readonly keys: Set<number>;

  constructor(
    private readonly instance: Instance,
    private readonly session: SolverSession,
    private readonly model: BalanceModel,
    arcs: Arc[],
  ) {
    this.arcs = [...arcs];
    this.keys = new Set(arcs.map((arc) => arcKey(instance, arc.pool, arc.from, arc.to)));
  }

  has(pool: number, from: number, to: number): boolean {
    return this.keys.has(arcKey(this.instance, pool, from, to));
  }

  /** Arcs not in the model yet whose reduced cost under `duals` is below `threshold`, cheapest first. */
  price(network: Network, duals: Float64Array, threshold: number) {
    const has = (pool: number, from: number, to: number) => this.has(pool, from, to);
    return priceArcs(this.instance, network, this.model, has, duals, threshold);
  }

  /** Column of each arc, by key: arcs sit after the model's own columns in the order they came. */
  positions(): Map<number, number> {
    return new Map(this.arcs.map((arc, index) => [arcKey(this.instance, arc.pool, arc.from, arc.to), index]));
  }

  add(entries: ReadonlyArray<{ arc: Arc; arrival: number }>): void {
    this.session.addContinuousColumns(
      entries.map(({ arc, arrival }) => ({
        cost: arc.km,
        rows: [
          this.model.arcRows.source.get(sourceName(arc.pool, arc.from)) ?? 0,
          this.model.arcRows.arrival[arrival] ?? 0,
        ],
        coefficients: [-1, -1],
      })),
    );
    for (const { arc } of entries) {
      this.arcs.push(arc);
      this.keys.add(arcKey(this.instance, arc.pool, arc.from, arc.to));
    }
  }
}

/**
 * LP relaxation over all arcs, by pricing arcs in until none would lower the objective (`complete`).
 * When `until` or the last round comes first, `last` is where the rounds got to: the primal simplex's
 * point when it was stopped, if feasible, else the LP of the last round that ended (optimal over the
 * arcs priced in so far). A plan within the earlier tiers' optima, but no bound.
 */
function generateColumns(
  network: Network,
  session: SolverSession,
  columns: ArcColumns,
  until: number,
  rounds = Infinity,
): { last: LpResult | null; complete: boolean } {
  let last: LpResult | null = null;
  for (let round = 0; round < rounds; round++) {
    const relaxation = session.solveRelaxation(undefined, until);
    if (relaxation === null || relaxation.stopped) return { last: relaxation ?? last, complete: false };
    last = relaxation;
    const entering = columns.price(network, relaxation.rowDuals, -1e-7);
    if (entering.length === 0) return { last, complete: true };
    columns.add(entering.slice(0, Math.max(1_000, Math.ceil(entering.length / 4))));
  }
  return { last, complete: false };
}

/**
 * When pricing did not end in time: where it got to (`generateColumns`), made whole by branch and bound
 * around its fractional units in the time left. That point bounds nothing, so nothing is proven; the
 * plan is still one of the earlier tiers' optima, with about the kilometres the rounds reached. Before,
 * the stage gave nothing and the moves stage's pairing was the plan (L on a slow day: 17,667 km).
 */
function fromLastRound(
  session: SolverSession,
  last: LpResult,
  arcs: Arc[],
  trace: StageTrace | undefined,
): KilometreResult | null {
  const values = new Float64Array(session.columnCount);
  values.set(last.values);
  const whole = last.integral
    ? { values, optimal: false, bound: -Infinity, objective: last.objective }
    : session.solveNeighbourhood(
        values,
        session.fractionalUnits(values),
        RELATIVE_GAP.km,
        session.remainingSeconds(),
      );
  trace?.({
    stage: "km",
    step: "neighbourhood",
    objective: whole?.objective ?? null,
    bound: null,
    optimal: false,
    at: performance.now(),
  });
  return whole && { result: { ...whole, optimal: false }, arcs, proven: false };
}

/** Start values over the current columns: the previous stage's moves, their shortages and pairing. */
function startValues(
  instance: Instance,
  network: Network,
  model: BalanceModel,
  columns: ArcColumns,
  count: number,
  moves: { counts: Float64Array; transfers: readonly Transfer[] },
): Float64Array {
  const start = new Float64Array(count);
  start.set(moves.counts);
  fillShortages(instance, network, model, start);
  const position = columns.positions();
  for (const transfer of moves.transfers) {
    const index = position.get(arcKey(instance, transfer.pool, transfer.from, transfer.to));
    if (index !== undefined) start[model.arcStart + index] = transfer.count;
  }
  return start;
}

export interface FixedObjectives {
  /** Total unmet demand and (v2) severity of the plan, touched (unit, role) pairs or not. */
  unmet: number;
  severity: number;
  moves: number;
  /** Counts of the view's feeds then arrivals in a plan reaching both, and its pairing. */
  counts: Float64Array;
  transfers: readonly Transfer[];
  /** Bounds the earlier stages proved for the view's columns. */
  bounds: ReadonlyMap<number, readonly [number, number]>;
}

/**
 * Third objective: least kilometres among plans with the least unmet demand and the fewest moves.
 * Arcs are priced in (column generation), so the LP bound covers every possible pairing; a solution
 * that reaches it, or a branch and bound that includes every arc able to beat its own gap (reduced
 * cost fixing), is optimal over all arcs.
 */
export function minimiseKilometres(
  highs: Highs,
  instance: Instance,
  network: Network,
  fixed: FixedObjectives,
  limits: KilometreLimits,
): KilometreResult | null {
  const arcs = initialArcs(instance, network, limits.nearest, fixed.transfers);
  const model = buildModel(instance, network, { kind: "arcs", arcs });
  const session = new SolverSession(highs, model.data, limits.deadline, model.unitOfColumn, {
    firstLp: "ipm",
    settle: (values) => fillShortages(instance, network, model, values),
  });
  try {
    session.restrictBounds(fixed.bounds);
    const shortages = model.shortageKeys.map((_, index) => model.shortageStart + index);
    const unmetHere = fixed.unmet - untouchedUnmet(instance, model);
    // The earlier tiers at their optimum, with room on the lattice for the LP's bound (its room relative
    // to severity let it save 6 m no plan can, on L); relative room again for the MIPs after it.
    const earlier = [
      {
        row: session.addRow(
          -Infinity,
          unmetLimit(unmetHere, objectiveStep(instance, "unmet")),
          shortages,
          shortages.map(() => 1),
        ),
        value: unmetHere,
      },
    ];
    if (instance.version === 2) {
      const severityHere = fixed.severity - untouchedSeverity(instance, new Set(model.shortageKeys));
      const step = objectiveStep(instance, "severity");
      earlier.push({
        row: session.addRow(
          -Infinity,
          unmetLimit(severityHere, step),
          model.severity.columns,
          model.severity.weights,
        ),
        value: severityHere,
      });
    }
    const feeds = network.feeds.map((_, feed) => feed);
    session.addRow(
      -Infinity,
      fixed.moves,
      feeds,
      feeds.map(() => 1),
    );
    const columns = new ArcColumns(instance, session, model, arcs);
    const lpStarted = performance.now();
    // The moves stage's plan reaches the earlier tiers: a vertex from it, then primal simplex, is quicker
    // than any method from scratch (interior point, if HiGHS finds no basis there).
    const begin = startValues(instance, network, model, columns, session.columnCount, fixed);
    session.startAt(begin);
    const neighbourhood = (limits.deadline - lpStarted) * NEIGHBOURHOOD_SHARE;
    const priced = generateColumns(network, session, columns, limits.deadline - neighbourhood, limits.rounds);
    // The neighbourhood and branch and bound are MIPs: with the lattice's room only, L's neighbourhood
    // found nothing in one run (docs/flow-core.md, the eighth round).
    for (const { row, value } of earlier) session.setRowUpper(row, unmetLimit(value, null));
    // No LP at all ends as before: branch and bound from the start, if there is time.
    if (!priced.complete && priced.last !== null)
      return fromLastRound(session, priced.last, columns.arcs, limits.trace);
    const relaxation = priced.complete ? priced.last : null;
    // Branch and bound with less time left than the LP took would not get past its first node, and
    // HiGHS looks at its clock only between nodes: on L it came back 29 s after its limit.
    const lpSeconds = (performance.now() - lpStarted) / 1000;
    const search = () => session.remainingSeconds() > lpSeconds;
    // The same start over the arcs priced in since: every transfer of it is a starting arc.
    const start = new Float64Array(session.columnCount);
    start.set(begin);
    const result = solveStage(session, "km", start, relaxation, limits.trace, null, lpSeconds);
    if (result === null) return null;
    const proven = { result, arcs: columns.arcs, proven: relaxation !== null && result.optimal };
    // Within a metre of the bound over every arc: proven, with no arc left to price.
    if (
      relaxation === null ||
      result.objective <= relaxation.objective + toleranceOf("km", relaxation.objective)
    )
      return proven;
    const gap = result.objective - relaxation.objective;
    const missing = columns.price(network, relaxation.rowDuals, gap + 1e-6);
    if (missing.length === 0) return proven;
    if (missing.length > limits.proofArcs || !search()) return { ...proven, proven: false };
    columns.add(missing);
    const padded = new Float64Array(session.columnCount);
    padded.set(result.values);
    const again = session.solveInteger(1e-7, padded);
    limits.trace?.({
      stage: "km",
      step: "proof",
      objective: again?.objective ?? null,
      bound: again?.bound ?? null,
      optimal: again?.optimal ?? false,
      at: performance.now(),
    });
    return again === null
      ? { ...proven, proven: false }
      : { result: again, arcs: columns.arcs, proven: again.optimal };
  } finally {
    session.dispose();
  }
}
