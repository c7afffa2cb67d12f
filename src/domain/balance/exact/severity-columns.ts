import { severityScaleOf, type Instance } from "../input/instance.ts";
import { severityOf } from "../severity.ts";
import type { LpBuilder } from "./lp-builder.ts";
import { roundingCuts, type KeyTerms, type Row } from "./strengthening-rows.ts";
import { pushTo } from "./collections.ts";

/** The columns of the severity tier: the shortage of each need split into parts of rising cost. */
export interface SeverityColumns {
  columns: number[];
  /** Cost per hour of each part. */
  weights: number[];
  /** Shortage column, length and start (hours of shortage before it) of each part. */
  shortageOf: number[];
  lengthOf: number[];
  startOf: number[];
}

/** Hours are decimals such as 37.5: the lattice is found on them scaled to thousandths. */
const SCALE = 1000;

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** Greatest common divisor of the hours people bring to or take from a need, or null if none fits. */
function hourStep(coefficients: readonly number[]): number | null {
  let step = 0;
  for (const coefficient of coefficients) {
    const scaled = Math.round(Math.abs(coefficient) * SCALE);
    if (Math.abs(scaled - Math.abs(coefficient) * SCALE) > 1e-6 || scaled === 0) return null;
    step = gcd(step, scaled);
  }
  return step === 0 ? null : step / SCALE;
}

/**
 * Shortages a plan can leave: moves add or take whole people, so the shortage is 0 or the need less
 * a multiple of the hours' common step. Severity is linear inside each quarter, so breakpoints at the
 * achievable shortages on either side of each quarter's end make the interpolation exact wherever a
 * plan can be, and much tighter than the quarters for the LP. With no common step the breakpoints are
 * the quarters themselves.
 */
function breakpoints(need: number, demand: number, coefficients: readonly number[]): number[] {
  const quarters = [1, 2, 3].map((quarter) => (quarter * demand) / 4);
  const step = hourStep(coefficients);
  if (step === null) return [0, ...quarters, demand];
  const first = ((need % step) + step) % step;
  const below = (value: number) =>
    value < first - 1e-9 ? 0 : first + Math.floor((value - first) / step + 1e-9) * step;
  const above = (value: number) =>
    Math.min(demand, value <= first + 1e-9 ? first : first + Math.ceil((value - first) / step - 1e-9) * step);
  const points = [0, demand, ...quarters.flatMap((quarter) => [below(quarter), above(quarter)])]
    .filter((point) => point >= 0 && point <= demand)
    .sort((a, b) => a - b);
  return points.filter((point, index) => index === 0 || point - (points[index - 1] ?? 0) > 1e-9);
}

/**
 * Severity is convex and piecewise linear in the shortage s, so no binaries are needed: s is split
 * into parts between breakpoints, Σ parts ≥ s, and the parts' costs rise, so the LP fills the cheap
 * parts first and pays exactly the severity at every shortage a plan can leave.
 */
export function addSeverityColumns(
  builder: LpBuilder,
  instance: Instance,
  shortages: readonly KeyTerms[],
): SeverityColumns {
  const result: SeverityColumns = { columns: [], weights: [], shortageOf: [], lengthOf: [], startOf: [] };
  for (const { key, shortage, terms } of shortages) {
    const demand = instance.demand[key] ?? 0;
    const need = demand - (instance.base[key] ?? 0);
    const points = breakpoints(need, demand, terms.coefficients);
    const parts: number[] = [];
    for (let index = 0; index + 1 < points.length; index++) {
      const [from, to] = [points[index] ?? 0, points[index + 1] ?? 0];
      const column = builder.addCol(0, 0, to - from, false);
      parts.push(column);
      result.columns.push(column);
      const scale = severityScaleOf(instance, key);
      result.weights.push((severityOf(to, demand, scale) - severityOf(from, demand, scale)) / (to - from));
      result.shortageOf.push(shortage);
      result.lengthOf.push(to - from);
      result.startOf.push(from);
    }
    builder.addRow(0, Infinity, [...parts, shortage], [...parts.map(() => 1), -1]);
  }
  return result;
}

/**
 * Severity is Σ slope increments · max(0, s − t) over the breakpoints t of each need, and the parts
 * from t on hold at least s − t ≥ need − t − Σ hours moved: a shortage row of its own, whose
 * rounding cuts state that people come whole around each breakpoint, not only around zero. Valid for
 * every plan; with mixed hours (24, 18, 12) they close much of the severity LP's gap.
 */
export function severityTailCuts(
  instance: Instance,
  keyTerms: readonly KeyTerms[],
  severity: SeverityColumns,
): Row[][] {
  const partsOf = new Map<number, Array<{ column: number; start: number }>>();
  severity.columns.forEach((column, index) => {
    pushTo(partsOf, severity.shortageOf[index] ?? -1, {
      column,
      start: severity.startOf[index] ?? 0,
    });
  });
  return keyTerms.map(({ key, shortage, terms }) => {
    const parts = (partsOf.get(shortage) ?? []).sort((a, b) => a.start - b.start);
    const need = (instance.demand[key] ?? 0) - (instance.base[key] ?? 0);
    return parts.flatMap((part, index) =>
      index === 0
        ? []
        : roundingCuts(
            parts.slice(index).map((tail) => tail.column),
            terms,
            need - part.start,
          ),
    );
  });
}

/** Sets the parts of a start solution from its shortage values, cheapest first. */
export function fillSeverityParts(severity: SeverityColumns, values: Float64Array): void {
  severity.columns.forEach((column, index) => {
    const shortage = values[severity.shortageOf[index] ?? 0] ?? 0;
    const length = severity.lengthOf[index] ?? 0;
    values[column] = Math.min(Math.max(shortage - (severity.startOf[index] ?? 0), 0), length);
  });
}

/** Severity of the (unit, role) pairs outside the model: the same in every plan. */
export function untouchedSeverity(instance: Instance, touched: ReadonlySet<number>): number {
  let total = 0;
  for (let key = 0; key < instance.demand.length; key++) {
    if (touched.has(key)) continue;
    const need = instance.demand[key] ?? 0;
    total += severityOf(need - (instance.base[key] ?? 0), need, severityScaleOf(instance, key));
  }
  return total;
}
