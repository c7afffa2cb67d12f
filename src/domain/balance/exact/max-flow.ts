/**
 * Pairs supplies with demands over allowed links (a bipartite transportation feasibility problem)
 * with Dinic's max-flow. Counts are small integers, so the flow is integral.
 */
export interface Pairing {
  /** [source index, sink index, count] for every pair that carries people. */
  flows: Array<[number, number, number]>;
  /**
   * When not everyone can be paired: the sources that cannot get rid of their supply. Together they
   * send more than all sinks they can reach accept (a violated Hall condition).
   */
  deficientSources: number[] | null;
}

/** Residual graph in typed arrays sized up front: a district's pairing can have millions of links. */
class FlowGraph {
  private readonly head: Int32Array;
  private readonly to: Int32Array;
  private readonly capacity: Float64Array;
  private readonly next: Int32Array;
  private readonly level: Int32Array;
  private readonly cursor: Int32Array;
  private edgeCount = 0;

  constructor(nodeCount: number, maxEdges: number) {
    this.head = new Int32Array(nodeCount).fill(-1);
    this.level = new Int32Array(nodeCount);
    this.cursor = new Int32Array(nodeCount);
    this.to = new Int32Array(maxEdges * 2);
    this.capacity = new Float64Array(maxEdges * 2);
    this.next = new Int32Array(maxEdges * 2);
  }

  addEdge(from: number, to: number, capacity: number): number {
    const edge = this.edgeCount;
    this.edgeCount += 2;
    this.to[edge] = to;
    this.to[edge + 1] = from;
    this.capacity[edge] = capacity;
    this.next[edge] = this.head[from] ?? -1;
    this.next[edge + 1] = this.head[to] ?? -1;
    this.head[from] = edge;
    this.head[to] = edge + 1;
    return edge;
  }

  flowOn(edge: number): number {
    return this.capacity[edge + 1] ?? 0;
  }

  private buildLevels(source: number, sink: number): boolean {
    this.level.fill(-1);
    this.level[source] = 0;
    const queue = [source];
    for (let index = 0; index < queue.length; index++) {
      const node = queue[index] ?? 0;
      for (let edge = this.head[node] ?? -1; edge !== -1; edge = this.next[edge] ?? -1) {
        const target = this.to[edge] ?? 0;
        if ((this.capacity[edge] ?? 0) > 0 && this.level[target] === -1) {
          this.level[target] = (this.level[node] ?? 0) + 1;
          queue.push(target);
        }
      }
    }
    return this.level[sink] !== -1;
  }

  private push(node: number, sink: number, amount: number): number {
    if (node === sink) return amount;
    for (; this.cursor[node] !== -1; this.cursor[node] = this.next[this.cursor[node] ?? 0] ?? -1) {
      const edge = this.cursor[node] ?? 0;
      const target = this.to[edge] ?? 0;
      const room = this.capacity[edge] ?? 0;
      if (room <= 0 || this.level[target] !== (this.level[node] ?? 0) + 1) continue;
      const pushed = this.push(target, sink, Math.min(amount, room));
      if (pushed > 0) {
        this.capacity[edge] = room - pushed;
        this.capacity[edge + 1] = (this.capacity[edge + 1] ?? 0) + pushed;
        return pushed;
      }
    }
    return 0;
  }

  maxFlow(source: number, sink: number): number {
    let total = 0;
    while (this.buildLevels(source, sink)) {
      this.cursor.set(this.head);
      for (
        let pushed = this.push(source, sink, Infinity);
        pushed > 0;
        pushed = this.push(source, sink, Infinity)
      ) {
        total += pushed;
      }
    }
    return total;
  }

  /** Nodes reachable from `source` in the residual graph (after `maxFlow`, the source side of a min cut). */
  reachableFrom(source: number): boolean[] {
    this.buildLevels(source, source);
    return Array.from(this.level, (level) => level !== -1);
  }
}

/**
 * Pairs what went into a hub with what came out of it, `[node, count]` each, in the order given: whoever
 * reaches the hub reaches everyone it sends to. Returns `[from, to, count]` (the flow core's hubs too).
 */
export function pairAtHub(
  into: ReadonlyArray<readonly [number, number]>,
  out: ReadonlyArray<readonly [number, number]>,
): Array<[number, number, number]> {
  const pairs: Array<[number, number, number]> = [];
  const [sent, taken] = [into.map(([, count]) => count), out.map(([, count]) => count)];
  for (let [i, o] = [0, 0]; i < into.length && o < out.length;) {
    const count = Math.min(sent[i] ?? 0, taken[o] ?? 0);
    if (count > 0) pairs.push([into[i]?.[0] ?? 0, out[o]?.[0] ?? 0, count]);
    sent[i] = (sent[i] ?? 0) - count;
    taken[o] = (taken[o] ?? 0) - count;
    if (sent[i] === 0) i++;
    if (taken[o] === 0) o++;
  }
  return pairs;
}

/**
 * `links[i]` lists the sinks source i may send to, or is null when it may send to every sink: those
 * sources meet at one hub linked to every sink, so that a pool where most units reach each other (XL:
 * thousands of sources and sinks) needs sources + sinks edges, not their product: XL's first stage
 * spent 17–19 s between its LP and the next stage, most of it on that graph, and 3 s with the hub.
 * Links never saturate, so after the max flow the sources still reachable from the super-source, with
 * all the sinks they link to, form a min cut.
 */
export function pairSupplies(
  supplies: readonly number[],
  demands: readonly number[],
  links: ReadonlyArray<readonly number[] | null>,
): Pairing {
  const sourceCount = supplies.length;
  const superSource = sourceCount + demands.length;
  const superSink = superSource + 1;
  const hub = superSink + 1;
  const everywhere = links.some((sinks) => sinks === null);
  const linkCount = links.reduce((sum, sinks) => sum + (sinks?.length ?? 1), 0);
  const hubCount = everywhere ? demands.length : 0;
  const graph = new FlowGraph(hub + 1, supplies.length + demands.length + linkCount + hubCount);
  supplies.forEach((supply, index) => graph.addEdge(superSource, index, supply));
  demands.forEach((demand, index) => graph.addEdge(sourceCount + index, superSink, demand));
  const total = supplies.reduce((sum, supply) => sum + supply, 0);
  const linkEdges = links.map((sinks, index) =>
    (sinks ?? []).map((sink) => [sink, graph.addEdge(index, sourceCount + sink, total + 1)] as const),
  );
  const intoHub = links.flatMap((sinks, index) =>
    sinks === null ? [[index, graph.addEdge(index, hub, total + 1)] as const] : [],
  );
  const outOfHub = everywhere
    ? demands.map((_, sink) => [sink, graph.addEdge(hub, sourceCount + sink, total + 1)] as const)
    : [];
  const flow = graph.maxFlow(superSource, superSink);
  const flows: Array<[number, number, number]> = [];
  linkEdges.forEach((edges, index) => {
    for (const [sink, edge] of edges) {
      const count = graph.flowOn(edge);
      if (count > 0) flows.push([index, sink, count]);
    }
  });
  const carried = (edges: ReadonlyArray<readonly [number, number]>) =>
    edges.map(([node, edge]) => [node, graph.flowOn(edge)] as const).filter(([, count]) => count > 0);
  flows.push(...pairAtHub(carried(intoHub), carried(outOfHub)));
  if (flow >= total) return { flows, deficientSources: null };
  const reached = graph.reachableFrom(superSource);
  const deficientSources = supplies.map((_, index) => index).filter((index) => reached[index]);
  return { flows, deficientSources };
}
