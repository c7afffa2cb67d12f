import type { Highs, Model, ModelData } from "highs";
import type { Row } from "./strengthening-rows.ts";
import { crossOver, fixedByReducedCost, hasFeasiblePoint, LP_OPTIONS } from "./solver-data.ts";
import { packColumns, packRows, SESSION_OPTIONS, STATUS } from "./solver-data.ts";
import type { ContinuousColumn, LpMethod, LpResult, SessionOptions, StageResult } from "./solver-data.ts";
export { SESSION_OPTIONS } from "./solver-data.ts";
export type { LpResult, SessionOptions, StageResult } from "./solver-data.ts";

const INTEGRALITY_TOLERANCE = 1e-6;
const MAX_SEPARATION_ROUNDS = 20;

/**
 * A HiGHS model kept alive across the stages of a lexicographic solve: objectives change, rows and
 * columns are added, and the LP relaxation is warm-started from the previous basis.
 */
export class SolverSession {
  private readonly solver: Model;
  private integrality: number[];
  private lower: number[];
  private upper: number[];
  private relaxed = false;
  /** Last optimal LP basis: a MIP run discards the solver's, and the next LP should not start cold. */
  private basis: { colStatus: Int32Array; rowStatus: Int32Array } | undefined;
  private basisStale = false;

  /** `unitOfColumn[c]` is the unit a column belongs to, −1 for none (for neighbourhoods). */
  constructor(
    highs: Highs,
    data: ModelData,
    private readonly deadline: number,
    private readonly unitOfColumn: ArrayLike<number>,
    private readonly options: SessionOptions = {},
  ) {
    this.solver = highs.createModel(data);
    this.integrality = Array.from(data.integrality ?? []);
    this.lower = Array.from(data.colLower);
    this.upper = Array.from(data.colUpper);
    this.solver.options.set(SESSION_OPTIONS);
  }

  get columnCount(): number {
    return this.lower.length;
  }

  dispose(): void {
    this.solver.dispose();
  }

  remainingSeconds(): number {
    return (this.deadline - performance.now()) / 1000;
  }

  setCosts(costs: Float64Array): void {
    this.solver.changeColsCost({ kind: "range", from: 0, to: costs.length - 1 }, costs);
  }

  addRow(lower: number, upper: number, columns: readonly number[], coefficients: readonly number[]): number {
    const row = this.solver.getDimensions().numRows;
    this.solver.addRow(lower, upper, { indices: columns, values: coefficients });
    return row;
  }

  /** A row's new upper bound (`addRow` returns the row); a looser one keeps the last basis feasible. */
  setRowUpper(row: number, upper: number): void {
    this.solver.changeRowBounds(row, -Infinity, upper);
  }

  /**
   * Appends rows in one call. HiGHS updates its model once per call, so on a district of 3,000
   * units 20,000 separated rows take 15 s one by one and a fraction of a second together.
   */
  addRows(rows: readonly Row[]): void {
    if (rows.length > 0) this.solver.addRows(packRows(rows, this.solver.getDimensions().numCols));
  }

  /** Appends continuous columns (arcs found by pricing) in one call, each with its own sparse entries. */
  addContinuousColumns(columns: readonly ContinuousColumn[]): void {
    if (columns.length === 0) return;
    this.solver.addCols(packColumns(columns, this.solver.getDimensions().numRows));
    for (let added = 0; added < columns.length; added++) {
      this.integrality.push(0);
      this.lower.push(0);
      this.upper.push(Infinity);
    }
  }

  /** The integer columns an LP solution leaves fractional. */
  private fractionalColumns(values: ArrayLike<number>): number[] {
    const fractional = (value: number) => Math.abs(value - Math.round(value)) > INTEGRALITY_TOLERANCE;
    return this.integrality.flatMap((kind, at) => (kind === 1 && fractional(values[at] ?? 0) ? [at] : []));
  }

  private relax(relaxed: boolean): void {
    if (this.relaxed === relaxed) return;
    const types = Int32Array.from(this.integrality, (type) => (relaxed ? 0 : type));
    this.solver.changeColsIntegrality({ kind: "range", from: 0, to: types.length - 1 }, types);
    this.relaxed = relaxed;
  }

  /** HiGHS compares its time limit with run time summed over the model's life, so clocks restart per run. */
  private limitTime(cap = Infinity): void {
    this.solver.zeroAllClocks();
    this.solver.options.set({ time_limit: Math.max(0.001, Math.min(cap, this.remainingSeconds())) });
  }

  /** Reinstalls the last LP basis, extended with basic slacks for rows and nonbasic new columns. */
  private restoreBasis(): void {
    if (!this.basisStale || this.basis === undefined) return;
    const { numCols, numRows } = this.solver.getDimensions();
    const colStatus = new Int32Array(numCols);
    colStatus.set(this.basis.colStatus.subarray(0, numCols));
    const rowStatus = new Int32Array(numRows).fill(1);
    rowStatus.set(this.basis.rowStatus.subarray(0, numRows));
    try {
      this.solver.setBasis({ colStatus, rowStatus });
    } catch {
      this.solver.setLogicalBasis();
    }
    this.basisStale = false;
  }

  /**
   * The LP relaxation, solved to a vertex (often integral here; interior point ends with crossover), and
   * solved again, warm, after each round of lazily separated rows. Null when the session's deadline comes
   * first; at `until` (a `performance.now()` time), the primal simplex's point if feasible (`stopped`).
   */
  solveRelaxation(method?: LpMethod, until = Infinity): LpResult | null {
    let last: LpResult | null = null;
    // As asked; else the session's first LP as set, and after it primal simplex, since a new objective
    // or new columns leave the last basis primal feasible.
    const first = method ?? (this.basis !== undefined ? "primal" : (this.options.firstLp ?? "primal"));
    for (let round = 0; round <= MAX_SEPARATION_ROUNDS; round++) {
      const relaxation = this.solveLpOnce(round === 0 ? first : "dual", until);
      // Out of time after adding rows: the previous LP is still a valid bound and vertex.
      if (relaxation === null || relaxation.stopped) return relaxation ?? last;
      last = relaxation;
      const rows = this.options.separate?.(relaxation.values) ?? [];
      if (rows.length === 0) break;
      this.addRows(rows);
    }
    return last;
  }

  /** A new objective keeps the last basis primal feasible, new rows keep it dual feasible. */
  private solveLpOnce(method: LpMethod, until: number): LpResult | null {
    const seconds = () => (until - performance.now()) / 1000;
    if (Math.min(seconds(), this.remainingSeconds()) <= 0) return null;
    this.relax(true);
    this.restoreBasis();
    this.limitTime(seconds());
    this.solver.options.set(LP_OPTIONS[method]);
    let status = this.solver.run().modelStatus;
    if (status === STATUS.infeasible || status === STATUS.unboundedOrInfeasible) {
      // Our models always have a feasible point (nobody moves, or the previous stage's plan); HiGHS's
      // presolve can still call a tight one infeasible, so the verdict is checked without it.
      this.limitTime(seconds());
      this.solver.options.set({ presolve: "off" });
      status = this.solver.run().modelStatus;
    }
    const stopped = status === STATUS.timeLimit && until < Infinity && hasFeasiblePoint(this.solver);
    // Interior point may stop short of an optimum on a hard model: simplex then, as before.
    if (status !== STATUS.optimal && !stopped)
      return method === "ipm" ? this.solveLpOnce(this.basis ? "primal" : "dual", until) : null;
    const solution = this.solver.getSolution();
    if (!stopped) this.keepBasis();
    return {
      ...(stopped ? { stopped } : {}),
      values: solution.colValue,
      objective: this.solver.getObjectiveValue(),
      rowDuals: solution.rowDual,
      columnDuals: solution.colDual,
      integral: this.fractionalColumns(solution.colValue).length === 0,
      iterations: Number(this.solver.info.get("simplex_iteration_count")),
    };
  }

  private keepBasis(): void {
    const basis = this.solver.getBasis();
    this.basis = { colStatus: Int32Array.from(basis.colStatus), rowStatus: Int32Array.from(basis.rowStatus) };
  }

  /**
   * Crosses over from a feasible point (the previous stage's plan) to a vertex, so that the next LP goes
   * on from there by primal simplex instead of starting cold: M's kilometre LP took 0.35 s by interior
   * point, 0.09 s so. False, and nothing changed, when HiGHS finds no valid basis.
   */
  startAt(values: Float64Array): boolean {
    this.relax(true);
    this.limitTime();
    if (!crossOver(this.solver, values)) return false;
    this.keepBasis();
    return true;
  }

  /** The model as branch and bound would solve it (bounds fixed so far, integers), as MPS. */
  exportMps(): Uint8Array {
    this.relax(false);
    return this.solver.exportModel("mps");
  }

  /** Branch and bound on the whole model, started from `start` when given. */
  solveInteger(relativeGap: number, start?: Float64Array, timeCap = Infinity): StageResult | null {
    if (this.remainingSeconds() <= 0) return null;
    this.relax(false);
    this.limitTime(timeCap);
    this.solver.options.set({ solver: "choose", mip_rel_gap: relativeGap, presolve: "choose" });
    this.basisStale = true;
    if (start !== undefined) this.solver.setSolution({ colValue: start });
    const { modelStatus } = this.solver.run();
    if (!hasFeasiblePoint(this.solver)) return null;
    const objective = this.solver.getObjectiveValue();
    const optimal = modelStatus === STATUS.optimal;
    const bound = optimal ? objective : Number(this.solver.info.get("mip_dual_bound"));
    return { values: this.solver.getSolution().colValue, optimal, bound, objective };
  }

  /**
   * Branch and bound on the units around a fractional LP vertex, every other integer column fixed at
   * its (integral) LP value; with `settle`, every other unit's shortages and severity parts too, at the
   * values those counts give, so that the search does not carry the whole district's LP (L's moves
   * neighbourhood: 0.3 s instead of 8–13 s, or nothing found). Columns of no one unit stay free. Cheap,
   * a proof when it reaches the LP bound; takes up to a quarter of the time left, or `seconds` if more.
   */
  solveNeighbourhood(
    values: Float64Array,
    units: ReadonlySet<number>,
    relativeGap: number,
    seconds = 0,
  ): StageResult | null {
    const [lower, upper] = [Float64Array.from(this.lower), Float64Array.from(this.upper)];
    const integer = (column: number) => this.integrality[column] === 1;
    const settled = values.map((value, column) => (integer(column) ? Math.round(value) : value));
    this.options.settle?.(settled);
    for (let column = 0; column < this.integrality.length; column++) {
      const unit = this.unitOfColumn[column] ?? -1;
      if (this.unitsOf(column).some((free) => units.has(free))) continue;
      if (!integer(column) && (unit < 0 || !this.options.settle)) continue;
      lower[column] = settled[column] ?? 0;
      upper[column] = settled[column] ?? 0;
    }
    const all = { kind: "range", from: 0, to: lower.length - 1 } as const;
    this.solver.changeColsBounds(all, lower, upper);
    try {
      return this.solveInteger(relativeGap, undefined, Math.max(1, this.remainingSeconds() / 4, seconds));
    } finally {
      this.solver.changeColsBounds(all, Float64Array.from(this.lower), Float64Array.from(this.upper));
    }
  }

  /** Reduced-cost fixing (`fixedByReducedCost`): returns how many columns were fixed. */
  fixByReducedCost(relaxation: LpResult, slack: number): number {
    const fixed = fixedByReducedCost(this.integrality, this.lower, this.upper, relaxation, slack);
    if (fixed.length > 0) this.restrictBounds(new Map(fixed.map(([column, at]) => [column, [at, at]])));
    return fixed.length;
  }

  /** Bounds of a column as tightened so far. */
  boundsOf(column: number): [number, number] {
    return [this.lower[column] ?? 0, this.upper[column] ?? 0];
  }

  /** Tightens bounds of some columns (to carry fixings over from another model). */
  restrictBounds(bounds: ReadonlyMap<number, readonly [number, number]>): void {
    for (const [column, [lower, upper]] of bounds) {
      this.lower[column] = lower;
      this.upper[column] = upper;
    }
    const all = { kind: "range", from: 0, to: this.lower.length - 1 } as const;
    this.solver.changeColsBounds(all, Float64Array.from(this.lower), Float64Array.from(this.upper));
  }

  /** Units of the integer columns an LP solution leaves fractional. */
  fractionalUnits(values: ArrayLike<number>): Set<number> {
    return new Set(this.fractionalColumns(values).flatMap((column) => this.unitsOf(column)));
  }

  /** The unit a column belongs to (−1 for none), and its home when it has one (a kept pending move). */
  private unitsOf(column: number): number[] {
    const [unit, home] = [this.unitOfColumn[column] ?? -1, this.options.homeOfColumn?.[column] ?? -1];
    return home >= 0 ? [unit, home] : [unit];
  }
}
