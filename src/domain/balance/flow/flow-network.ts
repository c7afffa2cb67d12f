import { EARTH_RADIUS_KM } from "../../geo.ts";
import { severityScaleOf, type Instance } from "../input/instance.ts";
import { severityOf } from "../severity.ts";
import { feedsBySourceUnit } from "../exact/milp-model.ts";
import type { Network } from "../exact/pool-network.ts";
import { surveyPairs, type Coverage } from "./pair-survey.ts";

/**
 * The balancing problem as a min-cost flow, exact when every person who may leave or fill a (unit,
 * role) brings the same hours there: then unmet hours and severity are convex in the number of people
 * that key gains, and a chain of unit-capacity segments prices them exactly.
 *
 *   key (unit, role) ──depart──▶ group ──feed──▶ source (pool, unit) ──pair──▶ arrival (pool, unit)
 *   arrival ──arrive──▶ key;  key ──segments──▶ sink
 *
 * A key supplies the most people its groups may lose (D); whatever it keeps or gains reaches the sink
 * through its segments, so y = D − out + in and segment y → y + 1 costs what the key's unmet hours
 * (⅛ h) and severity (1/64) change by. Moves are counted on the depart arcs, kilometres (in
 * centimetres) on the pair arcs. Costs are integers: every comparison is exact.
 *
 * Until kilometres count, most sources reach arrivals through two hubs per pool (pair-survey.ts);
 * in the kilometre tier a hub costs more than any pair, so the flow leaves them for pair arcs.
 */

export const ArcKind = {
  depart: 0,
  feed: 1,
  arrive: 2,
  segment: 3,
  intoHub: 4,
  outOfHub: 5,
} as const;
export type Tier = "unmet" | "severity" | "moves" | "km";

/** Unmet hours are counted in eighths, severity in 64ths, kilometres in centimetres. */
export const UNMET_UNIT = 8;
export const SEVERITY_UNIT = 64;
export const KM_UNIT = 100_000;

export interface Segment {
  unmet: number;
  severity: number;
}

export interface SourceNode {
  unit: number;
  node: number;
  feeds: number[];
}

export interface ArrivalNode {
  unit: number;
  node: number;
}

export interface StaticArc {
  kind: number;
  /** Group, feed, arrival or segment index, by kind. */
  ref: number;
  from: number;
  to: number;
  capacity: number;
}

export interface FlowNetwork {
  nodeCount: number;
  supply: Float64Array;
  arcs: StaticArc[];
  segments: Segment[];
  sources: SourceNode[][];
  arrivals: ArrivalNode[][];
  /** Unit each depart and arrive arc moves people out of or into (by static arc index; −1 otherwise). */
  unitOfArc: Int32Array;
  /** The static arc of each feed of the pool network. */
  feedArc: Int32Array;
  /** Unmet hours of every key when nobody moves out of or into the keys of the network (y = 0). */
  unmetAtStart: number;
  /** Per pool: the sources and arrivals that pair through a hub. */
  coverage: Coverage[];
  /** [pool, source, arrival] of the nearest pairs, the pair arcs to start with. */
  nearest: Array<[number, number, number]>;
  /** Cost of entering a hub in the kilometre tier: more than any pair's centimetres. */
  hubCost: number;
  /** The largest cost of any arc under any tier. */
  maxCost: number;
}

function integral(value: number, unit: number): number | null {
  const scaled = value * unit;
  const rounded = Math.round(scaled);
  return Math.abs(scaled - rounded) < 1e-6 ? rounded : null;
}

/** Hours every person moving through each key brings, or null if a key mixes hours. */
function keyHours(instance: Instance, network: Network): Map<number, number> | null {
  const hours = new Map<number, number>();
  const agree = (key: number, value: number) => {
    const known = hours.get(key);
    if (known !== undefined && Math.abs(known - value) > 1e-9) return false;
    hours.set(key, value);
    return true;
  };
  for (const feed of network.feeds) {
    const group = instance.groups[feed.group];
    if (group === undefined || !agree(group.unit * instance.roleCount + group.role, group.hours)) return null;
  }
  for (const arrival of network.arrivals) {
    const pool = network.pools[arrival.pool];
    if (pool === undefined || !agree(arrival.unit * instance.roleCount + pool.role, pool.hours)) return null;
  }
  return hours;
}

/**
 * The segments of one key, merged where neither tier's cost changes; null when a cost is off the
 * lattice or not convex (then the flow would not be exact).
 */
function keySegments(
  instance: Instance,
  key: number,
  hours: number,
  departing: number,
  arriving: number,
): Array<Segment & { length: number }> | null {
  const demand = instance.demand[key] ?? 0;
  const need = demand - (instance.base[key] ?? 0);
  const scale = severityScaleOf(instance, key);
  const unmetAt = (gained: number) => Math.max(0, need - hours * gained);
  const segments: Array<Segment & { length: number }> = [];
  let previous: (Segment & { length: number }) | undefined;
  for (let y = 0; y < departing + arriving; y++) {
    const [before, after] = [unmetAt(y - departing), unmetAt(y + 1 - departing)];
    const unmet = integral(after - before, UNMET_UNIT);
    const severity = integral(
      severityOf(after, demand, scale) - severityOf(before, demand, scale),
      SEVERITY_UNIT,
    );
    if (unmet === null || severity === null) return null;
    if (previous !== undefined && (unmet < previous.unmet || severity < previous.severity)) return null;
    if (previous !== undefined && previous.unmet === unmet && previous.severity === severity) {
      previous.length++;
      continue;
    }
    previous = { unmet, severity, length: 1 };
    segments.push(previous);
  }
  return segments;
}

/** Nodes as they are added, each with its supply. */
class NodeCounter {
  readonly supply: number[] = [];

  get count(): number {
    return this.supply.length;
  }

  add(supply = 0): number {
    return this.supply.push(supply) - 1;
  }
}

/** Builds the flow network of a pool network, or null when some key mixes hours (the MILP's case). */
export function buildFlowNetwork(instance: Instance, network: Network): FlowNetwork | null {
  const hours = keyHours(instance, network);
  if (hours === null) return null;
  const nodes = new NodeCounter();
  const sink = nodes.add();
  const arcs: StaticArc[] = [];
  const unitOf: number[] = [];
  const keyNode = new Map<number, number>();
  const departing = new Map<number, number>();
  const arriving = new Map<number, number>();
  const nodeOfKey = (key: number) => {
    let node = keyNode.get(key);
    if (node === undefined) keyNode.set(key, (node = nodes.add()));
    return node;
  };
  const addArc = (arc: StaticArc, unit = -1) => {
    arcs.push(arc);
    unitOf.push(unit);
  };
  const groupNode = new Map<number, number>();
  for (const feed of network.feeds) {
    const group = instance.groups[feed.group];
    if (group === undefined || groupNode.has(feed.group)) continue;
    const key = group.unit * instance.roleCount + group.role;
    const node = nodes.add();
    groupNode.set(feed.group, node);
    const limit = network.groupLimits[feed.group] ?? 0;
    departing.set(key, (departing.get(key) ?? 0) + limit);
    addArc(
      { kind: ArcKind.depart, ref: feed.group, from: nodeOfKey(key), to: node, capacity: limit },
      group.unit,
    );
  }
  const sources = feedsBySourceUnit(instance, network).map((byUnit) =>
    [...byUnit].map(([unit, feeds]) => ({ unit, node: nodes.add(), feeds })),
  );
  const feedArc = new Int32Array(network.feeds.length).fill(-1);
  for (const list of sources)
    for (const source of list)
      for (const feed of source.feeds) {
        feedArc[feed] = arcs.length;
        const group = network.feeds[feed]?.group ?? 0;
        const upper = network.feeds[feed]?.upper ?? 0;
        addArc({
          kind: ArcKind.feed,
          ref: feed,
          from: groupNode.get(group) ?? 0,
          to: source.node,
          capacity: upper,
        });
      }
  const arrivals = network.pools.map((pool) =>
    pool.arrivals.map((arrival) => {
      const unit = network.arrivals[arrival]?.unit ?? 0;
      const upper = network.arrivals[arrival]?.upper ?? 0;
      const key = unit * instance.roleCount + pool.role;
      const node = nodes.add();
      arriving.set(key, (arriving.get(key) ?? 0) + upper);
      addArc({ kind: ArcKind.arrive, ref: arrival, from: node, to: nodeOfKey(key), capacity: upper }, unit);
      return { unit, node };
    }),
  );
  const segments: Segment[] = [];
  let maxCost = 1;
  let unmetAtStart = 0;
  for (let key = 0; key < instance.demand.length; key++)
    if (!keyNode.has(key))
      unmetAtStart += Math.max(0, (instance.demand[key] ?? 0) - (instance.base[key] ?? 0));
  for (const [key, node] of keyNode) {
    const out = departing.get(key) ?? 0;
    const keyHoursOf = hours.get(key) ?? 0;
    const pieces = keySegments(instance, key, keyHoursOf, out, arriving.get(key) ?? 0);
    if (pieces === null) return null;
    const need = (instance.demand[key] ?? 0) - (instance.base[key] ?? 0);
    unmetAtStart += Math.max(0, need + keyHoursOf * out);
    nodes.supply[node] = out;
    nodes.supply[sink] = (nodes.supply[sink] ?? 0) - out;
    for (const piece of pieces) {
      maxCost = Math.max(maxCost, Math.abs(piece.unmet), Math.abs(piece.severity));
      addArc({ kind: ArcKind.segment, ref: segments.length, from: node, to: sink, capacity: piece.length });
      segments.push({ unmet: piece.unmet, severity: piece.severity });
    }
  }
  // The pairs last: surveying them is the costly part, not worth doing for a network that cannot be exact.
  const survey = surveyPairs(instance, network, sources, arrivals);
  sources.forEach((poolSources, pool) => {
    const { sources: full, arrivals: reached } = survey.coverage[pool] ?? { sources: [], arrivals: [] };
    const poolArrivals = arrivals[pool] ?? [];
    const [sourceHub, arrivalHub] = [nodes.add(), nodes.add()];
    poolSources.forEach((source, index) => {
      const hub = full[index] === 1 ? sourceHub : arrivalHub;
      addArc({ kind: ArcKind.intoHub, ref: pool, from: source.node, to: hub, capacity: Infinity });
      if (hub === sourceHub)
        addArc({ kind: ArcKind.intoHub, ref: pool, from: source.node, to: arrivalHub, capacity: Infinity });
    });
    poolArrivals.forEach((arrival, index) => {
      addArc({ kind: ArcKind.outOfHub, ref: pool, from: sourceHub, to: arrival.node, capacity: Infinity });
      if (reached[index] === 1)
        addArc({ kind: ArcKind.outOfHub, ref: pool, from: arrivalHub, to: arrival.node, capacity: Infinity });
    });
  });
  // No pair is longer than the distance bound, nor than half the earth's circumference.
  const longest = Number.isFinite(instance.maxDistanceKm)
    ? instance.maxDistanceKm
    : Math.PI * EARTH_RADIUS_KM;
  const hubCost = Math.ceil(longest * KM_UNIT) + 1;
  maxCost = Math.max(maxCost, hubCost);
  return {
    nodeCount: nodes.count,
    supply: Float64Array.from(nodes.supply),
    arcs,
    segments,
    sources,
    arrivals,
    unitOfArc: Int32Array.from(unitOf),
    feedArc,
    unmetAtStart,
    coverage: survey.coverage,
    nearest: survey.nearest,
    hubCost,
    maxCost,
  };
}

/** Cost of a static arc under a tier (pair arcs are priced by the solver). */
export function staticCost(flow: FlowNetwork, arc: StaticArc, tier: Tier): number {
  if (arc.kind === ArcKind.depart) return tier === "moves" ? 1 : 0;
  if (arc.kind === ArcKind.intoHub) return tier === "km" ? flow.hubCost : 0;
  if (arc.kind !== ArcKind.segment) return 0;
  const segment = flow.segments[arc.ref];
  if (tier === "unmet") return segment?.unmet ?? 0;
  return tier === "severity" ? (segment?.severity ?? 0) : 0;
}
