// What goes into HiGHS (sparse rows and columns) and what comes back from a solve.

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
