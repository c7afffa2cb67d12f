import { bothLeft, inLeft, movesLeft, outLeft, type Instance } from "../input/instance.ts";
import { pushTo } from "./collections.ts";
import type { LpBuilder } from "./lp-builder.ts";
import { feedUnit, type Network } from "./pool-network.ts";
import { NO_PENDING, pendingUnits, type PendingColumns } from "./pending-columns.ts";

/** Columns of each unit with the sum of their upper bounds: a bound above that sum needs no row. */
class UnitColumns {
  readonly columns = new Map<number, number[]>();
  readonly uppers = new Map<number, number>();

  add(unit: number, column: number, upper: number): void {
    pushTo(this.columns, unit, column);
    this.uppers.set(unit, (this.uppers.get(unit) ?? 0) + upper);
  }

  addRows(builder: LpBuilder, limitOf: (unit: number) => number): void {
    for (const [unit, columns] of this.columns) {
      const limit = limitOf(unit);
      if ((this.uppers.get(unit) ?? 0) > limit)
        builder.addRow(
          -Infinity,
          limit,
          columns,
          columns.map(() => 1),
        );
    }
  }
}

/**
 * Moves in plus moves out of each unit, moves out and moves in (v2), and moves in total, within the
 * policy bounds less the moves already counted against them (in flight, or effective in the window).
 */
export function addPolicyRows(
  builder: LpBuilder,
  instance: Instance,
  network: Network,
  pending: PendingColumns = NO_PENDING,
): void {
  const both = new UnitColumns();
  const out = new UnitColumns();
  const into = new UnitColumns();
  network.feeds.forEach((feed, index) => {
    const unit = feedUnit(instance, network, index);
    both.add(unit, index, feed.upper);
    out.add(unit, index, feed.upper);
  });
  network.arrivals.forEach((arrival, index) => {
    both.add(arrival.unit, network.feeds.length + index, arrival.upper);
    into.add(arrival.unit, network.feeds.length + index, arrival.upper);
  });
  const { out: homes, into: destinations } = pendingUnits(instance, pending);
  pending.columns.forEach((column, index) => {
    const count = pending.pairs[index]?.count ?? 0;
    both.add(homes[index] ?? 0, column, count);
    out.add(homes[index] ?? 0, column, count);
    both.add(destinations[index] ?? 0, column, count);
    into.add(destinations[index] ?? 0, column, count);
  });
  both.addRows(builder, (unit) => bothLeft(instance, unit));
  out.addRows(builder, (unit) => outLeft(instance, unit));
  into.addRows(builder, (unit) => inLeft(instance, unit));
  const kept = pending.pairs.reduce((sum, pair) => sum + pair.count, 0);
  const totalUpper = network.feeds.reduce((sum, feed) => sum + feed.upper, kept);
  if (totalUpper > movesLeft(instance)) {
    const feeds = [...network.feeds.map((_, index) => index), ...pending.columns];
    builder.addRow(
      -Infinity,
      movesLeft(instance),
      feeds,
      feeds.map(() => 1),
    );
  }
}
