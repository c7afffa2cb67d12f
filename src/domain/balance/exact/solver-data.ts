// What goes into HiGHS (sparse rows and columns), how a session runs, and what comes back from a solve.
import type { Model } from "highs";
import type { Row } from "./strengthening-rows.ts";

export interface StageResult {
  values: Float64Array;
  /** HiGHS (or an integral LP optimum) proved that no better solution exists. */
  optimal: boolean;
  /** Proven lower bound on the objective. */
  bound: number;
  objective: number;
}

export interface LpResult {
  values: Float64Array;
  objective: number;
  rowDuals: Float64Array;
  /** Reduced costs, from which columns that cannot be in any good enough solution are fixed. */
  columnDuals: Float64Array;
  integral: boolean;
  /** Simplex iterations this solve took (crossover's included). */
  iterations: number;
  /**
   * Stopped at `solveRelaxation`'s `until`, short of the optimum: a feasible vertex, no bound, duals not
   * optimal (only a caller that names `until` gets one).
   */
  stopped?: true;
}

/**
 * Sparse vectors packed one after another (CSR rows or CSC columns), a repeated index summed into one
 * entry: HiGHS refuses a row or column that names the same index twice.
 */
export function packSparse(
  vectors: ReadonlyArray<{ indices: readonly number[]; values: readonly number[] }>,
): {
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
} {
  const starts = new Int32Array(vectors.length + 1);
  const indices: number[] = [];
  const values: number[] = [];
  vectors.forEach((vector, position) => {
    const at = new Map<number, number>();
    vector.indices.forEach((index, entry) => {
      const value = vector.values[entry] ?? 0;
      const seen = at.get(index);
      if (seen === undefined) {
        at.set(index, indices.length);
        indices.push(index);
        values.push(value);
      } else values[seen] = (values[seen] ?? 0) + value;
    });
    starts[position + 1] = indices.length;
  });
  return { starts, indices: Int32Array.from(indices), values: Float64Array.from(values) };
}

/** Rows as HiGHS's `addRows` takes them, in one call. */
export function packRows(rows: readonly Row[], numCols: number) {
  const packed = packSparse(rows.map((row) => ({ indices: row.columns, values: row.coefficients })));
  return {
    lower: Float64Array.from(rows, (row) => row.lower),
    upper: Float64Array.from(rows, (row) => row.upper),
    matrix: { format: "csr" as const, numRows: rows.length, numCols, ...packed },
  };
}

export interface ContinuousColumn {
  cost: number;
  rows: number[];
  coefficients: number[];
}

/** Continuous columns from 0 up, unbounded, as HiGHS's `addCols` takes them, in one call. */
export function packColumns(columns: readonly ContinuousColumn[], numRows: number) {
  const packed = packSparse(columns.map((column) => ({ indices: column.rows, values: column.coefficients })));
  return {
    cost: Float64Array.from(columns, (column) => column.cost),
    lower: new Float64Array(columns.length),
    upper: new Float64Array(columns.length).fill(Infinity),
    matrix: { format: "csc" as const, numRows, numCols: columns.length, ...packed },
  };
}

/** HiGHS's model status codes, and its primal solution status for a feasible solution. */
export const STATUS = {
  optimal: 7,
  infeasible: 8,
  unboundedOrInfeasible: 9,
  timeLimit: 13,
  solutionFeasible: 2,
} as const;

/**
 * Options every stage runs with (each branch and bound adds its own relative gap): quiet, an absolute
 * gap below any hour or move, and one seed so that a district gives the same plan every run.
 */
export const SESSION_OPTIONS = { output_flag: false, mip_abs_gap: 1e-6, random_seed: 1 } as const;

export type LpMethod = "primal" | "dual" | "ipm";

/** Simplex strategies 4 and 1 are primal and dual; the interior point method ends with crossover. */
export const LP_OPTIONS = {
  primal: { solver: "simplex", simplex_strategy: 4, presolve: "choose" },
  dual: { solver: "simplex", simplex_strategy: 1, presolve: "choose" },
  ipm: { solver: "ipm", presolve: "choose" },
} as const satisfies Record<LpMethod, object>;

export interface SessionOptions {
  /** Rows to add while an LP solution breaks them (lazy cuts). */
  separate?: (values: Float64Array) => Row[];
  /**
   * "primal" where moving nobody is a feasible start (the Hall model), "dual" where it is not (the
   * kilometre model must reach the earlier tiers' optima): from scratch, dual simplex solved M's
   * kilometre LP in 4.0 s where primal took 10.2 s. "ipm": the interior point method, with crossover to
   * a vertex (L's kilometre LP: 12.5 s, where dual simplex took 57 s and primal 32 s). Not used after
   * `startAt`, which leaves a basis to go on from.
   */
  firstLp?: LpMethod;
  /**
   * Sets the continuous columns (shortages, severity parts) from integral integer columns, at the least
   * each row allows: with it, a neighbourhood fixes the units outside it whole.
   */
  settle?: (values: Float64Array) => void;
  /**
   * A second unit a column belongs to, −1 for none: a kept pending move leaves its home and reaches its
   * destination, and a neighbourhood that frees one of them frees the column and the other.
   */
  homeOfColumn?: ArrayLike<number>;
}

/**
 * Crosses a model over from a point to a basis; false when HiGHS cannot (it threw, or left no valid
 * basis). A crossover it cannot finish may leave the model without its matrix (a 3-unit kilometre model:
 * 77 nonzeros, then none, and every LP after it "infeasible"), so the model goes back as it was then.
 */
export function crossOver(model: Model, values: Float64Array): boolean {
  const kept = model.getModel();
  let crossed = true;
  try {
    model.crossover({ colValue: values });
  } catch {
    crossed = false;
  }
  if (model.getDimensions().numNonzeros !== kept.matrix.values.length) {
    model.passModel(kept);
    return false;
  }
  if (!crossed) return false;
  // A basis has one basic variable (status 1) per row; HiGHS's own validity flag waits for a run.
  const { colStatus, rowStatus } = model.getBasis();
  const basic = (statuses: Int32Array) =>
    statuses.reduce((count, status) => count + (status === 1 ? 1 : 0), 0);
  return basic(colStatus) + basic(rowStatus) === rowStatus.length;
}

/** Whether HiGHS's last run left a feasible point (an LP stopped by its clock, or a MIP's incumbent). */
export function hasFeasiblePoint(solver: Model): boolean {
  return solver.info.get("primal_solution_status") === STATUS.solutionFeasible;
}

/**
 * Reduced-cost fixing. For any solution x, objective(x) ≥ LP bound + Σ reduced cost · (distance of
 * x from the bound the LP column sits at). An integer column whose reduced cost exceeds `slack` (how
 * far above the LP bound a solution may be) would push a solution past it by moving one step, so it
 * stays where the LP has it in every solution we still want: each such column, with that bound.
 */
export function fixedByReducedCost(
  integrality: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
  relaxation: LpResult,
  slack: number,
): Array<[column: number, bound: number]> {
  const fixed: Array<[number, number]> = [];
  const margin = slack + 1e-5;
  for (let column = 0; column < integrality.length; column++) {
    if (integrality[column] !== 1 || lower[column] === upper[column]) continue;
    const value = relaxation.values[column] ?? 0;
    const reduced = relaxation.columnDuals[column] ?? 0;
    const atLower = Math.abs(value - (lower[column] ?? 0)) < 1e-9 && reduced > margin;
    const atUpper = Math.abs(value - (upper[column] ?? 0)) < 1e-9 && reduced < -margin;
    if (atLower || atUpper) fixed.push([column, atLower ? (lower[column] ?? 0) : (upper[column] ?? 0)]);
  }
  return fixed;
}
