import type { Instance } from "../input/instance.ts";
import { drainOf } from "./pool-network.ts";

export interface Terms {
  columns: number[];
  coefficients: number[];
}

/** A linear row lower ≤ Σ coefficient · column ≤ upper. */
export interface Row {
  lower: number;
  upper: number;
  columns: number[];
  coefficients: number[];
}

/** A touched (unit, role) with demand: its shortage column and the hours each move column adds or takes. */
export interface KeyTerms {
  key: number;
  shortage: number;
  terms: Terms;
  /**
   * Pending moves may leave this key (a plan in flight's tier 3): a kept move need not be needed where it
   * leaves, so the "departures overdrain by less than one person" row does not hold here.
   */
  pendingLeave?: boolean;
}

/**
 * Mixed-integer rounding cuts of a shortage row s + Σ a·x ≥ b, one per distinct |a|. They state what
 * the LP otherwise ignores: people come whole, so 40 hours of need met by 24-hour teachers leave 16
 * hours unmet or take two people. With them the LP bound is usually the integer optimum.
 * `continuous` are the columns whose sum stands for the shortage (one column, or the severity parts
 * beyond a breakpoint), each nonnegative.
 */
export function roundingCuts(continuous: readonly number[], terms: Terms, need: number): Row[] {
  const rows: Row[] = [];
  for (const delta of new Set(terms.coefficients.map(Math.abs))) {
    const beta = -need / delta;
    const fraction = beta - Math.floor(beta);
    if (fraction < 1e-6 || fraction > 1 - 1e-6) continue;
    const columns: number[] = [];
    const coefficients: number[] = [];
    terms.columns.forEach((column, index) => {
      const alpha = -(terms.coefficients[index] ?? 0) / delta;
      const coefficient =
        Math.floor(alpha) + Math.max(0, alpha - Math.floor(alpha) - fraction) / (1 - fraction);
      if (coefficient === 0) return;
      columns.push(column);
      coefficients.push(coefficient);
    });
    for (const column of continuous) {
      columns.push(column);
      coefficients.push(-1 / (delta * (1 - fraction)));
    }
    rows.push({ lower: -Infinity, upper: Math.floor(beta), columns, coefficients });
  }
  return rows;
}

/**
 * In an optimal plan every move is needed: without the last person to arrive somewhere, unmet demand
 * there would rise, and without the last to leave, it would not fall elsewhere by more than it rises
 * at home. So, once anyone moves, arrivals overfill and departures overdrain a (unit, role) by less
 * than one person's hours. This keeps every optimal plan and stops the LP parking fractions of people.
 * Under v2 departures may leave a shortage for a deeper one elsewhere, up to 3/4 of the demand, or all
 * of it at a private school (`drainOf`, as the network's departure limits), so the departures row gets
 * that much more room. With 3/4 at a private school too, the row cut off the moves plan of a district
 * whose private school sends its one teacher to a state school with none: the kilometre model was
 * infeasible, and the tier unproven.
 */
function neededRows(instance: Instance, key: number, terms: Terms, pendingLeave: boolean): Row[] {
  const need = (instance.demand[key] ?? 0) - (instance.base[key] ?? 0);
  const drain = drainOf(instance, key);
  const arriving = terms.coefficients.filter((coefficient) => coefficient > 0);
  const leaving = terms.coefficients
    .filter((coefficient) => coefficient < 0)
    .map((coefficient) => -coefficient);
  const rows: Row[] = [];
  if (arriving.length > 0) {
    rows.push({
      lower: -Infinity,
      upper: Math.max(0, need + Math.max(...arriving)),
      columns: terms.columns,
      coefficients: terms.coefficients,
    });
  }
  if (leaving.length > 0 && !pendingLeave) {
    rows.push({
      lower: -Infinity,
      upper: Math.max(0, Math.max(...leaving) + drain - need),
      columns: terms.columns,
      coefficients: terms.coefficients.map((coefficient) => -coefficient),
    });
  }
  return rows;
}

/** Rows that only tighten the LP around one (unit, role): rounding cuts and "every move is needed". */
export function strengtheningRows(instance: Instance, keyTerms: KeyTerms): Row[] {
  const need = (instance.demand[keyTerms.key] ?? 0) - (instance.base[keyTerms.key] ?? 0);
  return [
    ...roundingCuts([keyTerms.shortage], keyTerms.terms, need),
    ...neededRows(instance, keyTerms.key, keyTerms.terms, keyTerms.pendingLeave === true),
  ];
}
