import type { Instance } from "../input/instance.ts";
import { SEVERITY_WEIGHTS, severityOf } from "../severity.ts";
import type { LpBuilder } from "./lp-builder.ts";

/** The columns of the severity tier: four parts per shortage, each at most a quarter of the need. */
export interface SeverityColumns {
  columns: number[];
  weights: number[];
  /** Shortage column of each part. */
  shortageOf: number[];
  /** Need (demand) of each part's (unit, role). */
  needOf: number[];
}

/**
 * Severity is convex and piecewise linear in the shortage s, so no binaries are needed: s is split
 * into four parts p_j ∈ [0, D/4] with Σ p_j ≥ s, and Σ w_j p_j with w increasing fills the cheap
 * parts first, which is exactly the formula.
 */
export function addSeverityColumns(
  builder: LpBuilder,
  instance: Instance,
  shortages: ReadonlyArray<{ key: number; shortage: number }>,
): SeverityColumns {
  const result: SeverityColumns = { columns: [], weights: [], shortageOf: [], needOf: [] };
  for (const { key, shortage } of shortages) {
    const need = instance.demand[key] ?? 0;
    const parts = SEVERITY_WEIGHTS.map((weight) => {
      const column = builder.addCol(0, 0, need / 4, false);
      result.columns.push(column);
      result.weights.push(weight);
      result.shortageOf.push(shortage);
      result.needOf.push(need);
      return column;
    });
    builder.addRow(0, Infinity, [...parts, shortage], [...parts.map(() => 1), -1]);
  }
  return result;
}

/** Sets the parts of a start solution from its shortage values. */
export function fillSeverityParts(severity: SeverityColumns, values: Float64Array): void {
  severity.columns.forEach((column, index) => {
    const need = severity.needOf[index] ?? 0;
    const part = index % SEVERITY_WEIGHTS.length;
    const shortage = values[severity.shortageOf[index] ?? 0] ?? 0;
    values[column] = Math.min(Math.max(shortage - (part * need) / 4, 0), need / 4);
  });
}

/** Severity of the (unit, role) pairs outside the model: the same in every plan. */
export function untouchedSeverity(instance: Instance, touched: ReadonlySet<number>): number {
  let total = 0;
  for (let key = 0; key < instance.demand.length; key++) {
    if (touched.has(key)) continue;
    const need = instance.demand[key] ?? 0;
    total += severityOf(need - (instance.base[key] ?? 0), need);
  }
  return total;
}
