// What goes into HiGHS (sparse rows and columns), how a session runs, and what comes back from a solve.
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
   * a vertex (L's kilometre LP: 12.5 s, where dual simplex took 57 s and primal 32 s).
   */
  firstLp?: LpMethod;
  /**
   * Sets the continuous columns (shortages, severity parts) from integral integer columns, at the least
   * each row allows: with it, a neighbourhood fixes the units outside it whole.
   */
  settle?: (values: Float64Array) => void;
}
