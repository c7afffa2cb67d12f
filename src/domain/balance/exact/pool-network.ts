import {
  inLeft,
  movesLeft,
  outLeft,
  reachability,
  severityScaleOf,
  type Instance,
} from "../input/instance.ts";

/** Hours are sums of decimals; comparisons allow for the rounding of those sums. */
export const EPSILON = 1e-9;

/**
 * People with the same hours who may fill the same target role. Inside a pool anyone can take any
 * arrival slot, so the solver decides only how many leave each group and how many arrive at each
 * unit; who goes where is paired afterwards. This keeps the model far smaller than one variable per
 * (group, destination) pair.
 */
export interface Pool {
  hours: number;
  role: number;
  /** Units its people may not be sent to (shared by every group of the pool). */
  excluded: ReadonlySet<number>;
  /** Indices into `Network.feeds` and `Network.arrivals`. */
  feeds: number[];
  arrivals: number[];
}

/** Integer variable: how many of a group leave to fill the pool's role elsewhere. */
export interface Feed {
  group: number;
  pool: number;
  upper: number;
}

/** Integer variable: how many people of a pool arrive at a unit. */
export interface Arrival {
  pool: number;
  unit: number;
  upper: number;
}

export interface Network {
  pools: Pool[];
  feeds: Feed[];
  arrivals: Arrival[];
  /** Most people each group may lose over all its feeds. */
  groupLimits: Int32Array;
  reachable: (from: number, to: number) => boolean;
}

/** The unit a feed's people leave. */
export function feedUnit(instance: Instance, network: Network, feed: number): number {
  return instance.groups[network.feeds[feed]?.group ?? 0]?.unit ?? 0;
}

function cap(limit: number, value: number): number {
  return Math.max(0, Math.min(limit, value));
}

/**
 * A destination (unit, role) can only gain from arrivals if its demand exceeds what its immovable
 * staff bring; otherwise it can never be short, whoever leaves.
 */
function receivingUnitsByRole(instance: Instance): number[][] {
  const byRole: number[][] = Array.from({ length: instance.roleCount }, () => []);
  for (let unit = 0; unit < instance.unitCount; unit++) {
    for (let role = 0; role < instance.roleCount; role++) {
      const key = unit * instance.roleCount + role;
      if ((instance.demand[key] ?? 0) > (instance.fixed[key] ?? 0) + EPSILON) byRole[role]?.push(unit);
    }
  }
  return byRole;
}

/** Candidate pools before pruning: which groups (by index) could feed each (target role, hours). */
interface PoolDraft {
  hours: number;
  role: number;
  excluded: ReadonlySet<number>;
  groups: number[];
}

function draftPools(instance: Instance): PoolDraft[] {
  const pools = new Map<string, PoolDraft>();
  instance.groups.forEach((group, index) => {
    for (const role of instance.targets[group.role] ?? []) {
      const name = `${role}|${group.hours}|${[...group.excluded].join(",")}`;
      let pool = pools.get(name);
      if (pool === undefined) {
        pool = { hours: group.hours, role, excluded: group.excluded, groups: [] };
        pools.set(name, pool);
      }
      pool.groups.push(index);
    }
  });
  return [...pools.values()].sort(
    (a, b) => a.role - b.role || a.hours - b.hours || a.excluded.size - b.excluded.size,
  );
}

/**
 * Hours of a (unit, role)'s demand its departures may leave unmet beyond its own shortage, less one
 * person: none under v1; under v2 three quarters of the demand (a person may leave a short unit for a
 * shorter one, never into the last quarter of the home's need, weight 8, the most any destination can
 * gain), and all of it at a private school, whose weights are halved (at most 4): any state destination
 * may gain more. The network's departure limits and the model's "needed" rows (strengthening-rows.ts)
 * both read it, so that no row cuts off a plan the network allows.
 */
export function drainOf(instance: Instance, key: number): number {
  if (instance.version !== 2) return 0;
  const demand = instance.demand[key] ?? 0;
  return severityScaleOf(instance, key) < 1 ? demand : (3 * demand) / 4;
}

/**
 * Most people a group may lose. In an optimal plan every departure is needed: had the person stayed,
 * unmet demand would be no higher and there would be one move fewer. So when nobody can arrive in
 * the group's (unit, role), it only gives away what exceeds the demand there, plus one person's share.
 * Under v2 a person may also leave a short unit for a shorter one (same unmet hours, less severity),
 * but never once the home shortage, less that person, lies in the last quarter of its need (weight 8,
 * the most any destination can gain): so the home may be drained to 3/4 of its need, plus one share
 * (a private school, whose weights are halved, to nothing).
 */
function departureLimit(instance: Instance, groupIndex: number, canReceive: Set<number>): number {
  const group = instance.groups[groupIndex];
  if (group === undefined) return 0;
  const limit = Math.min(group.members.length, outLeft(instance, group.unit), movesLeft(instance));
  const key = group.unit * instance.roleCount + group.role;
  if (canReceive.has(key)) return Math.floor(limit);
  const surplus = (instance.base[key] ?? 0) - (instance.demand[key] ?? 0) + drainOf(instance, key);
  return Math.floor(cap(limit, Math.ceil(surplus / group.hours - EPSILON)));
}

/**
 * Hours of a (unit, role)'s demand that arrivals may still fill in some plan: what those who cannot move
 * leave of it. Arrivals beyond it are never needed (the network has none; a pending move there is
 * dropped before any plan, in-flight.ts).
 */
export function arrivalNeed(instance: Instance, key: number): number {
  return (instance.demand[key] ?? 0) - (instance.fixed[key] ?? 0);
}

/** Most people of a pool that can usefully arrive at a unit: every arrival must be needed there too. */
function arrivalLimit(instance: Instance, pool: PoolDraft, unit: number): number {
  const need = arrivalNeed(instance, unit * instance.roleCount + pool.role);
  const limit = Math.min(inLeft(instance, unit), movesLeft(instance));
  return Math.floor(cap(limit, Math.ceil(need / pool.hours - EPSILON)));
}

/** Whether any of `sources` may send someone to `destination`. */
function reachedFromAny(
  sources: readonly number[],
  destination: number,
  reachable: Network["reachable"],
): boolean {
  return sources.some((source) => reachable(source, destination));
}

function unitsOf(instance: Instance, groups: readonly number[]): number[] {
  return [...new Set(groups.map((group) => instance.groups[group]?.unit ?? 0))];
}

/**
 * Builds pools, their feeds and arrivals, leaving out every variable that no optimal plan can use:
 * arrivals where the role is not needed, departures that cannot reach any such arrival, departures
 * from a (unit, role) that has no surplus and cannot be refilled.
 */
export function buildNetwork(instance: Instance): Network {
  const reachable = reachability(instance);
  const receivers = receivingUnitsByRole(instance);
  const canReceive = new Set<number>();
  const candidates = draftPools(instance).map((pool) => {
    const feedUnits = unitsOf(instance, pool.groups);
    const arrivalUnits = (receivers[pool.role] ?? []).filter(
      (unit) => !pool.excluded.has(unit) && reachedFromAny(feedUnits, unit, reachable),
    );
    for (const unit of arrivalUnits) canReceive.add(unit * instance.roleCount + pool.role);
    return { pool, arrivalUnits };
  });
  const groupLimits = Int32Array.from(instance.groups, (_, group) =>
    departureLimit(instance, group, canReceive),
  );
  const network: Network = { pools: [], feeds: [], arrivals: [], groupLimits, reachable };
  for (const { pool, arrivalUnits } of candidates) {
    const feeds = pool.groups.filter(
      (group) =>
        (groupLimits[group] ?? 0) >= 1 &&
        arrivalUnits.some((destination) => reachable(instance.groups[group]?.unit ?? 0, destination)),
    );
    const feedUnits = unitsOf(instance, feeds);
    const arrivals = arrivalUnits
      .map((unit) => ({ unit, upper: arrivalLimit(instance, pool, unit) }))
      .filter((arrival) => arrival.upper >= 1 && reachedFromAny(feedUnits, arrival.unit, reachable));
    if (feeds.length === 0 || arrivals.length === 0) continue;
    const poolIndex = network.pools.length;
    const kept: Pool = {
      hours: pool.hours,
      role: pool.role,
      excluded: pool.excluded,
      feeds: [],
      arrivals: [],
    };
    for (const group of feeds) {
      kept.feeds.push(network.feeds.length);
      network.feeds.push({ group, pool: poolIndex, upper: groupLimits[group] ?? 0 });
    }
    for (const arrival of arrivals) {
      kept.arrivals.push(network.arrivals.length);
      network.arrivals.push({ pool: poolIndex, ...arrival });
    }
    network.pools.push(kept);
  }
  return network;
}

/** A network with some feeds and arrivals left out; `feedOf` and `arrivalOf` map back to the full one. */
export interface NetworkView {
  network: Network;
  feedOf: number[];
  arrivalOf: number[];
}

/** Keeps pool indices, so that transfers read the same in the view and in the full network. */
export function restrictNetwork(
  network: Network,
  keepFeed: (feed: number) => boolean,
  keepArrival: (arrival: number) => boolean,
): NetworkView {
  const feedOf = network.feeds.map((_, feed) => feed).filter(keepFeed);
  const arrivalOf = network.arrivals.map((_, arrival) => arrival).filter(keepArrival);
  const newFeed = new Map(feedOf.map((old, index) => [old, index]));
  const newArrival = new Map(arrivalOf.map((old, index) => [old, index]));
  const pools = network.pools.map((pool) => ({
    ...pool,
    feeds: pool.feeds.flatMap((feed) => newFeed.get(feed) ?? []),
    arrivals: pool.arrivals.flatMap((arrival) => newArrival.get(arrival) ?? []),
  }));
  return {
    network: {
      ...network,
      pools,
      feeds: feedOf.flatMap((feed) => network.feeds[feed] ?? []),
      arrivals: arrivalOf.flatMap((arrival) => network.arrivals[arrival] ?? []),
    },
    feedOf,
    arrivalOf,
  };
}
