// The pending moves of a plan in flight as columns of the Hall model (in-flight.ts, tier 3): how many of
// the pending moves from each group to each (unit, role) the plan keeps. A kept move is an ordinary move
// paired in advance: it takes its person's hours from home and brings them to the destination, and
// counts against the caps; it must still be needed where it arrives. docs/flow-core.md, "The seventh
// round".
import type { Instance } from "../input/instance.ts";
import type { LpBuilder } from "./lp-builder.ts";
import type { Network } from "./pool-network.ts";
import type { KeyTerms } from "./strengthening-rows.ts";
import { pushTo } from "./collections.ts";

/** `count` pending moves of members of `group` to `unit`, into `role`. */
export interface PendingPair {
  group: number;
  unit: number;
  role: number;
  count: number;
}

/** The kept-move column of each pair, and the key each pair leaves and reaches. */
export interface PendingColumns {
  pairs: readonly PendingPair[];
  columns: number[];
  /** `unit * roleCount + role` of the pair's group (home) and of its destination. */
  from: number[];
  to: number[];
  hours: number[];
}

/** Surplus below the smallest kept move's hours: hours are eighths in every district's file. */
const BELOW = 1 / 16;

export const NO_PENDING: PendingColumns = { pairs: [], columns: [], from: [], to: [], hours: [] };

/** One integer column per pair, from 0 to its count. */
export function addPendingColumns(
  builder: LpBuilder,
  instance: Instance,
  pairs: readonly PendingPair[],
): PendingColumns {
  const pending: PendingColumns = { pairs, columns: [], from: [], to: [], hours: [] };
  for (const pair of pairs) {
    const group = instance.groups[pair.group];
    pending.columns.push(builder.addCol(0, 0, pair.count, true));
    pending.from.push((group?.unit ?? 0) * instance.roleCount + (group?.role ?? 0));
    pending.to.push(pair.unit * instance.roleCount + pair.role);
    pending.hours.push(group?.hours ?? 0);
  }
  return pending;
}

/** The hours each kept-move column takes from (−) and brings to (+) a key, as `add(key, column, hours)`. */
export function pendingKeyTerms(
  pending: PendingColumns,
  add: (key: number, column: number, hours: number) => void,
): void {
  pending.columns.forEach((column, index) => {
    const hours = pending.hours[index] ?? 0;
    add(pending.from[index] ?? 0, column, -hours);
    add(pending.to[index] ?? 0, column, hours);
  });
}

/**
 * Every kept move must still be needed (held-moves.ts, `unneeded`): at a destination where one is kept,
 * the surplus after the plan stays below the smallest kept move's hours. A binary per destination
 * switches the row on: Σ kept ≤ count · on, and surplus ≤ hours − ⅟₁₆ + big · (1 − on), where big is the
 * most surplus the key's columns can make. Without it a plan could keep two proposals for one place.
 */
export function addNeededRows(
  builder: LpBuilder,
  instance: Instance,
  network: Network,
  pending: PendingColumns,
  keyTerms: readonly KeyTerms[],
): Array<{ column: number; key: number }> {
  const termsOf = new Map(keyTerms.map((entry) => [entry.key, entry.terms]));
  const uppers = upperBounds(network, pending);
  const switches: Array<{ column: number; key: number }> = [];
  const byKey = new Map<number, number[]>();
  pending.to.forEach((key, index) => pushTo(byKey, key, index));
  for (const [key, indices] of byKey) {
    const terms = termsOf.get(key);
    if (terms === undefined) continue;
    const need = (instance.demand[key] ?? 0) - (instance.base[key] ?? 0);
    const smallest = Math.min(...indices.map((index) => pending.hours[index] ?? 0));
    const room = need + smallest - BELOW;
    let most = 0;
    terms.columns.forEach((column, at) => {
      const coefficient = terms.coefficients[at] ?? 0;
      if (coefficient > 0) most += coefficient * (uppers.get(column) ?? 0);
    });
    const big = most - room;
    if (big <= 0) continue;
    const on = builder.addCol(0, 0, 1, true);
    switches.push({ column: on, key });
    const kept = indices.map((index) => pending.columns[index] ?? 0);
    const count = indices.reduce((sum, index) => sum + (pending.pairs[index]?.count ?? 0), 0);
    builder.addRow(-Infinity, 0, [...kept, on], [...kept.map(() => 1), -count]);
    builder.addRow(-Infinity, room + big, [...terms.columns, on], [...terms.coefficients, big]);
  }
  return switches;
}

/** Upper bound of each move column: feeds, arrivals and kept moves. */
function upperBounds(network: Network, pending: PendingColumns): Map<number, number> {
  const uppers = new Map<number, number>();
  network.feeds.forEach((feed, index) => uppers.set(index, feed.upper));
  network.arrivals.forEach((arrival, index) => uppers.set(network.feeds.length + index, arrival.upper));
  pending.columns.forEach((column, index) => uppers.set(column, pending.pairs[index]?.count ?? 0));
  return uppers;
}

/**
 * A group's new departures with its kept moves stay within its members. The new departures alone stay
 * within the group's departure limit (pool-network.ts), as without pending moves: in a plan past it with
 * a new departure, that person could stay home and the plan would be no worse, with one move fewer.
 */
export function addMemberRows(
  builder: LpBuilder,
  instance: Instance,
  network: Network,
  pending: PendingColumns,
): void {
  const byGroup = new Map<number, number[]>();
  pending.pairs.forEach((pair, index) => pushTo(byGroup, pair.group, pending.columns[index] ?? 0));
  network.feeds.forEach((feed, index) => {
    if (byGroup.has(feed.group)) pushTo(byGroup, feed.group, index);
  });
  for (const [group, columns] of byGroup) {
    const members = instance.groups[group]?.members.length ?? 0;
    builder.addRow(
      -Infinity,
      members,
      columns,
      columns.map(() => 1),
    );
  }
}

/** The unit each kept-move column counts against, out (home) and in (destination). */
export function pendingUnits(instance: Instance, pending: PendingColumns): { out: number[]; into: number[] } {
  return {
    out: pending.pairs.map((pair) => instance.groups[pair.group]?.unit ?? 0),
    into: pending.pairs.map((pair) => pair.unit),
  };
}
