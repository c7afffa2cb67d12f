import type { ModelData } from "highs";
import type { Instance } from "../input/instance.ts";
import { LpBuilder } from "./lp-builder.ts";
import { feedUnit, type Network } from "./pool-network.ts";
import { pushTo } from "./collections.ts";
import { strengtheningRows, type KeyTerms, type Row } from "./strengthening-rows.ts";
import { addPolicyRows } from "./policy-rows.ts";
import { addSeverityColumns, severityTailCuts, type SeverityColumns } from "./severity-columns.ts";
import {
  addMemberRows,
  addNeededRows,
  addPendingColumns,
  NO_PENDING,
  pendingKeyTerms,
  type PendingColumns,
  type PendingPair,
} from "./pending-columns.ts";

/** A possible pairing of a source unit with an arrival unit inside a pool. */
export interface Arc {
  pool: number;
  from: number;
  to: number;
  km: number;
}

/**
 * How the model ensures that departures and arrivals of a pool can be paired within the distance
 * bound. "hall": for each unit, what it sends must fit in the arrivals it can reach and what it
 * receives must come from units that reach it; violated conditions on several units are added as
 * cuts after a solve. Few rows, used for unmet demand and moves. "arcs": one continuous variable per
 * (pool, source unit, arrival unit), the only way to count kilometres.
 */
export type Pairing = { kind: "arcs"; arcs: readonly Arc[] } | { kind: "hall" };

/** Rows every arc enters: the balance of its pool source and of its arrival. */
export interface ArcRows {
  source: Map<string, number>;
  arrival: number[];
}

export interface BalanceModel {
  data: ModelData;
  feedCount: number;
  arrivalCount: number;
  shortageStart: number;
  /** The (unit, role) key of each shortage column, from `shortageStart` on. */
  shortageKeys: number[];
  keyTerms: KeyTerms[];
  /** v2: the parts of each shortage that the severity tier weighs (empty for v1). */
  severity: SeverityColumns;
  /** Column of each pool's total (Hall pairing only). */
  poolTotals: number[];
  /**
   * The unit each column belongs to: the unit an integer column moves people out of or into, the unit
   * of a shortage's or severity part's key; −1 for columns of no one unit (pool totals, arcs).
   */
  unitOfColumn: Int32Array;
  /** The home unit of each kept pending move's column, −1 for every other column. */
  homeOfColumn: Int32Array;
  arcStart: number;
  arcRows: ArcRows;
  /** The pending moves' kept-move columns (a plan in flight's tier 3; none otherwise). */
  pending: PendingColumns;
  /** The binary that switches on each destination's "kept moves still needed" row, with its key. */
  switches: Array<{ column: number; key: number }>;
}

export const sourceName = (pool: number, unit: number) => `${pool}|${unit}`;

/** Sparse rows keyed by an id, built up term by term. */
class RowSet {
  readonly rows = new Map<number, { columns: number[]; coefficients: number[] }>();

  add(id: number, column: number, coefficient: number): void {
    let row = this.rows.get(id);
    if (row === undefined) {
      row = { columns: [], coefficients: [] };
      this.rows.set(id, row);
    }
    row.columns.push(column);
    row.coefficients.push(coefficient);
  }
}

function hoursOfPool(network: Network, pool: number): number {
  return network.pools[pool]?.hours ?? 0;
}

/** Feeds of each pool grouped by the unit they leave. */
export function feedsBySourceUnit(instance: Instance, network: Network): Map<number, number[]>[] {
  const bySource = network.pools.map(() => new Map<number, number[]>());
  network.feeds.forEach((feed, index) => {
    const map = bySource[feed.pool];
    if (map === undefined) return;
    const unit = feedUnit(instance, network, index);
    const list = map.get(unit) ?? [];
    list.push(index);
    map.set(unit, list);
  });
  return bySource;
}

/** Hours arriving (+) and leaving (−) each (unit, role) key, per move column. */
function collectKeyTerms(instance: Instance, network: Network, pending: PendingColumns): RowSet {
  const rows = new RowSet();
  network.feeds.forEach((feed, index) => {
    const group = instance.groups[feed.group];
    const key = (group?.unit ?? 0) * instance.roleCount + (group?.role ?? 0);
    rows.add(key, index, -hoursOfPool(network, feed.pool));
  });
  network.arrivals.forEach((arrival, index) => {
    const key = arrival.unit * instance.roleCount + (network.pools[arrival.pool]?.role ?? 0);
    rows.add(key, network.feeds.length + index, hoursOfPool(network, arrival.pool));
  });
  pendingKeyTerms(pending, (key, column, hours) => rows.add(key, column, hours));
  return rows;
}

function addRow(builder: LpBuilder, row: Row): void {
  builder.addRow(row.lower, row.upper, row.columns, row.coefficients);
}

/** Shortage s ≥ demand − capacity after the moves, for every (unit, role) with demand that moves touch. */
function addShortageRows(
  builder: LpBuilder,
  instance: Instance,
  network: Network,
  pending: PendingColumns,
  strengthen: boolean,
): KeyTerms[] {
  const byKey = collectKeyTerms(instance, network, pending).rows;
  const leftByPending = new Set(pending.from);
  const keys = [...byKey.keys()].filter((key) => (instance.demand[key] ?? 0) > 0).sort((a, b) => a - b);
  const columns = keys.map((key) => builder.addCol(0, 0, instance.demand[key] ?? 0, false));
  return keys.map((key, index) => {
    const terms = byKey.get(key) ?? { columns: [], coefficients: [] };
    const shortage = columns[index] ?? 0;
    const need = (instance.demand[key] ?? 0) - (instance.base[key] ?? 0);
    builder.addRow(need, Infinity, [shortage, ...terms.columns], [1, ...terms.coefficients]);
    const keyTerms = { key, shortage, terms, ...(leftByPending.has(key) ? { pendingLeave: true } : {}) };
    if (strengthen) for (const row of strengtheningRows(instance, keyTerms)) addRow(builder, row);
    return keyTerms;
  });
}

function addGroupRows(builder: LpBuilder, network: Network): void {
  const rows = new RowSet();
  network.feeds.forEach((feed, index) => rows.add(feed.group, index, 1));
  for (const [group, row] of rows.rows) {
    if (row.columns.length > 1)
      builder.addRow(-Infinity, network.groupLimits[group] ?? 0, row.columns, row.coefficients);
  }
}

/** Balance rows: what leaves a unit in a pool goes out on arcs, what arrives comes in on arcs. */
function addArcRows(builder: LpBuilder, instance: Instance, network: Network, arcs: readonly Arc[]): ArcRows {
  const arcColumns = arcs.map((arc) => builder.addCol(arc.km, 0, Infinity, false));
  const outgoing = new Map<string, number[]>();
  const incoming = new Map<string, number[]>();
  arcs.forEach((arc, index) => {
    const column = arcColumns[index] ?? 0;
    const from = sourceName(arc.pool, arc.from);
    const to = sourceName(arc.pool, arc.to);
    pushTo(outgoing, from, column);
    pushTo(incoming, to, column);
  });
  const rows: ArcRows = { source: new Map(), arrival: [] };
  feedsBySourceUnit(instance, network).forEach((map, pool) => {
    for (const [unit, feeds] of map) {
      const name = sourceName(pool, unit);
      const out = outgoing.get(name) ?? [];
      rows.source.set(
        name,
        builder.addRow(0, 0, [...feeds, ...out], [...feeds.map(() => 1), ...out.map(() => -1)]),
      );
    }
  });
  network.arrivals.forEach((arrival, index) => {
    const into = incoming.get(sourceName(arrival.pool, arrival.unit)) ?? [];
    const column = network.feeds.length + index;
    rows.arrival.push(builder.addRow(0, 0, [column, ...into], [1, ...into.map(() => -1)]));
  });
  return rows;
}

/** Pool totals: what all feeds of a pool send equals what all its arrivals receive. */
function addPoolTotals(builder: LpBuilder, instance: Instance, network: Network): number[] {
  const bySource = feedsBySourceUnit(instance, network);
  return network.pools.map((pool, poolIndex) => {
    const total = builder.addCol(0, 0, Infinity, false);
    const feeds = [...(bySource[poolIndex]?.values() ?? [])].flat();
    builder.addRow(0, 0, [...feeds, total], [...feeds.map(() => 1), -1]);
    const arrivals = pool.arrivals.map((arrival) => network.feeds.length + arrival);
    builder.addRow(0, 0, [...arrivals, total], [...arrivals.map(() => 1), -1]);
    return total;
  });
}

/**
 * The unit each column belongs to, −1 for none: a feed's source unit, an arrival's unit, and the unit of
 * the key a shortage or severity column measures (neighbourhoods fix what lies outside them).
 */
function unitsOfColumns(
  instance: Instance,
  network: Network,
  count: number,
  keyTerms: readonly KeyTerms[],
  severity: SeverityColumns,
): Int32Array {
  const units = new Int32Array(count).fill(-1);
  network.feeds.forEach((_, feed) => (units[feed] = feedUnit(instance, network, feed)));
  network.arrivals.forEach((arrival, index) => (units[network.feeds.length + index] = arrival.unit));
  const unitOfKey = (key: number) => Math.floor(key / Math.max(1, instance.roleCount));
  for (const { key, shortage } of keyTerms) units[shortage] = unitOfKey(key);
  severity.columns.forEach(
    (column, index) => (units[column] = units[severity.shortageOf[index] ?? -1] ?? -1),
  );
  return units;
}

/**
 * Builds the balancing MILP; objectives other than kilometres are set per stage by the solver. The
 * Hall model leaves its strengthening rows and single-unit Hall conditions to be separated lazily
 * (see separation.ts): on a district of 3,000 units they would double the first LP's time.
 */
export function buildModel(
  instance: Instance,
  network: Network,
  pairing: Pairing,
  pendingPairs: readonly PendingPair[] = [],
): BalanceModel {
  const builder = new LpBuilder();
  for (const feed of network.feeds) builder.addCol(0, 0, feed.upper, true);
  for (const arrival of network.arrivals) builder.addCol(0, 0, arrival.upper, true);
  const pending = pendingPairs.length === 0 ? NO_PENDING : addPendingColumns(builder, instance, pendingPairs);
  const shortageStart = builder.colCount;
  const keyTerms = addShortageRows(builder, instance, network, pending, pairing.kind === "arcs");
  const severity =
    instance.version === 2
      ? addSeverityColumns(builder, instance, keyTerms)
      : { columns: [], weights: [], shortageOf: [], lengthOf: [], startOf: [] };
  if (pairing.kind === "arcs")
    for (const rows of severityTailCuts(instance, keyTerms, severity))
      for (const row of rows) addRow(builder, row);
  const switches = addNeededRows(builder, instance, network, pending, keyTerms);
  const unitOfColumn = unitsOfColumns(instance, network, builder.colCount, keyTerms, severity);
  pending.columns.forEach((column, index) => (unitOfColumn[column] = pending.pairs[index]?.unit ?? -1));
  const homeOfColumn = new Int32Array(builder.colCount).fill(-1);
  pending.columns.forEach(
    (column, index) =>
      (homeOfColumn[column] = instance.groups[pending.pairs[index]?.group ?? -1]?.unit ?? -1),
  );
  const unitOfKey = (key: number) => Math.floor(key / Math.max(1, instance.roleCount));
  for (const { column, key } of switches) unitOfColumn[column] = unitOfKey(key);
  addGroupRows(builder, network);
  if (pending.columns.length > 0) addMemberRows(builder, instance, network, pending);
  addPolicyRows(builder, instance, network, pending);
  const arcStart = builder.colCount;
  const arcRows: ArcRows =
    pairing.kind === "arcs"
      ? addArcRows(builder, instance, network, pairing.arcs)
      : { source: new Map(), arrival: [] };
  const poolTotals = pairing.kind === "hall" ? addPoolTotals(builder, instance, network) : [];
  return {
    data: builder.build(),
    feedCount: network.feeds.length,
    arrivalCount: network.arrivals.length,
    shortageStart,
    shortageKeys: keyTerms.map((entry) => entry.key),
    keyTerms,
    severity,
    poolTotals,
    unitOfColumn,
    homeOfColumn,
    arcStart,
    arcRows,
    pending,
    switches,
  };
}

/** Unmet demand of the (unit, role) pairs no column of the model touches: the same in every plan. */
export function untouchedUnmet(instance: Instance, model: BalanceModel): number {
  const touched = new Set(model.shortageKeys);
  let unmet = 0;
  for (let key = 0; key < instance.demand.length; key++) {
    if (!touched.has(key)) unmet += Math.max(0, (instance.demand[key] ?? 0) - (instance.base[key] ?? 0));
  }
  return unmet;
}
