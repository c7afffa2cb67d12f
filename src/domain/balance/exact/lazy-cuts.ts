import { unreachableUnits, type Instance } from "../input/instance.ts";
import { feedsBySourceUnit, type BalanceModel } from "./milp-model.ts";
import { strengtheningRows, type Row } from "./strengthening-rows.ts";
import { severityTailCuts } from "./severity-columns.ts";
import type { Network } from "./pool-network.ts";
import { pushTo } from "./collections.ts";

const VIOLATION = 1e-6;

/**
 * Hall conditions for single units, on both sides: what a unit sends into a pool must fit in the
 * arrivals it can reach (never itself), and what arrives must come from units that reach it. Written
 * against the pool total with the few unreachable units, which in a district are the exception.
 */
function hallSingletonRows(instance: Instance, network: Network, poolTotals: readonly number[]): Row[] {
  const unreachable = unreachableUnits(instance);
  const rows: Row[] = [];
  const condition = (columns: number[], total: number): Row => ({
    lower: -Infinity,
    upper: 0,
    columns: [...columns, total],
    coefficients: [...columns.map(() => 1), -1],
  });
  feedsBySourceUnit(instance, network).forEach((sources, poolIndex) => {
    const pool = network.pools[poolIndex];
    const total = poolTotals[poolIndex] ?? 0;
    if (pool === undefined) return;
    const arrivalAt = new Map(
      pool.arrivals.map((arrival) => [network.arrivals[arrival]?.unit ?? 0, network.feeds.length + arrival]),
    );
    const blockedFor = (unit: number) => [unit, ...(unreachable[unit] ?? [])];
    for (const [unit, unitFeeds] of sources) {
      const blocked = blockedFor(unit).flatMap((other) => arrivalAt.get(other) ?? []);
      if (blocked.length > 0) rows.push(condition([...unitFeeds, ...blocked], total));
    }
    for (const [unit, column] of arrivalAt) {
      const blocked = blockedFor(unit).flatMap((other) => sources.get(other) ?? []);
      if (blocked.length > 0) rows.push(condition([column, ...blocked], total));
    }
  });
  return rows;
}

function activity(row: Row, values: ArrayLike<number>): number {
  let sum = 0;
  for (let index = 0; index < row.columns.length; index++) {
    sum += (row.coefficients[index] ?? 0) * (values[row.columns[index] ?? 0] ?? 0);
  }
  return sum;
}

function isFractional(value: number): boolean {
  return Math.abs(value - Math.round(value)) > VIOLATION;
}

/**
 * Rows of the Hall model added only where an LP solution needs them: single-unit Hall conditions it
 * violates, the rounding and "needed" rows of each (unit, role) where it splits people, and (v2)
 * the rounding cuts on its severity tails that such a split violates. Each is added once; all are
 * valid, so adding them late changes speed, never the answer.
 */
export class LazyRows {
  private readonly hall: Row[];
  private readonly hallAdded: boolean[];
  private readonly strengthened = new Set<number>();
  private readonly keysOfColumn = new Map<number, number[]>();
  /** v2: rounding cuts on the severity tails of each key, added once each when violated. */
  private readonly tails: Row[][];
  private readonly tailAdded = new Set<Row>();

  constructor(
    private readonly instance: Instance,
    network: Network,
    private readonly model: BalanceModel,
  ) {
    this.hall = hallSingletonRows(instance, network, model.poolTotals);
    this.hallAdded = this.hall.map(() => false);
    model.keyTerms.forEach((entry, index) => {
      for (const column of entry.terms.columns) pushTo(this.keysOfColumn, column, index);
    });
    this.tails = severityTailCuts(instance, model.keyTerms, model.severity);
  }

  /** New rows that cut off the LP solution `values`. */
  separate(values: ArrayLike<number>): Row[] {
    const rows: Row[] = [];
    this.hall.forEach((row, index) => {
      if (this.hallAdded[index] || activity(row, values) <= row.upper + VIOLATION) return;
      this.hallAdded[index] = true;
      rows.push(row);
    });
    const integerColumns = this.model.shortageStart;
    for (let column = 0; column < integerColumns; column++) {
      if (!isFractional(values[column] ?? 0)) continue;
      for (const entry of this.keysOfColumn.get(column) ?? []) {
        if (this.strengthened.has(entry)) continue;
        this.strengthened.add(entry);
        const keyTerms = this.model.keyTerms[entry];
        if (keyTerms !== undefined) rows.push(...strengtheningRows(this.instance, keyTerms));
      }
      for (const entry of this.keysOfColumn.get(column) ?? []) {
        for (const row of this.tails[entry] ?? []) {
          if (this.tailAdded.has(row) || activity(row, values) <= row.upper + VIOLATION) continue;
          this.tailAdded.add(row);
          rows.push(row);
        }
      }
    }
    return rows;
  }
}
