import { severityScaleOf, type Instance } from "../input/instance.ts";
import type { BalanceModel } from "./milp-model.ts";
import type { Network } from "./pool-network.ts";
import { severityOf } from "../severity.ts";
import { fillSeverityParts } from "./severity-columns.ts";

/** Shortage of each key of the model when the feeds, arrivals and kept pending moves take the given counts. */
export function fillShortages(
  instance: Instance,
  network: Network,
  model: BalanceModel,
  values: Float64Array,
): void {
  const change = new Map<number, number>();
  const add = (key: number, hours: number) => change.set(key, (change.get(key) ?? 0) + hours);
  network.feeds.forEach((feed, index) => {
    const group = instance.groups[feed.group];
    const hours = (network.pools[feed.pool]?.hours ?? 0) * (values[index] ?? 0);
    add((group?.unit ?? 0) * instance.roleCount + (group?.role ?? 0), -hours);
  });
  network.arrivals.forEach((arrival, index) => {
    const pool = network.pools[arrival.pool];
    add(
      arrival.unit * instance.roleCount + (pool?.role ?? 0),
      (pool?.hours ?? 0) * (values[network.feeds.length + index] ?? 0),
    );
  });
  model.pending.columns.forEach((column, index) => {
    const hours = (model.pending.hours[index] ?? 0) * (values[column] ?? 0);
    add(model.pending.from[index] ?? 0, -hours);
    add(model.pending.to[index] ?? 0, hours);
  });
  model.shortageKeys.forEach((key, index) => {
    const need = (instance.demand[key] ?? 0) - (instance.base[key] ?? 0) - (change.get(key) ?? 0);
    values[model.shortageStart + index] = Math.max(0, need);
  });
  fillSeverityParts(model.severity, values);
}

/**
 * Severity of an integral stage solution, from its move counts rather than from HiGHS's objective:
 * the solver's value can be off by more than the tolerance of the row that later keeps it.
 */
export function severityOfCounts(
  instance: Instance,
  network: Network,
  model: BalanceModel,
  values: ArrayLike<number>,
): number {
  const exact = new Float64Array(model.data.numCols);
  for (let column = 0; column < model.shortageStart; column++)
    exact[column] = Math.round(values[column] ?? 0);
  fillShortages(instance, network, model, exact);
  return model.shortageKeys.reduce(
    (sum, key, index) =>
      sum +
      severityOf(
        exact[model.shortageStart + index] ?? 0,
        instance.demand[key] ?? 0,
        severityScaleOf(instance, key),
      ),
    0,
  );
}
