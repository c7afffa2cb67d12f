import type { MoveIndex } from "./output/evaluate.ts";
import { movesLeft, reachability, type Instance } from "./input/instance.ts";
import { DonorLists } from "./greedy-donors.ts";
import { EPSILON } from "./exact/pool-network.ts";

/** Max-heap of (unit, role) shortages; stale entries are re-checked when popped. */
class ShortageHeap {
  private readonly items: Array<[number, number]> = [];

  push(key: number, shortage: number): void {
    this.items.push([key, shortage]);
    let child = this.items.length - 1;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!this.before(child, parent)) break;
      this.swap(child, parent);
      child = parent;
    }
  }

  pop(): [number, number] | undefined {
    const top = this.items[0];
    const last = this.items.pop();
    if (top === undefined || last === undefined || this.items.length === 0) return top;
    this.items[0] = last;
    for (let parent = 0; ;) {
      const left = parent * 2 + 1;
      const right = left + 1;
      let best = parent;
      if (left < this.items.length && this.before(left, best)) best = left;
      if (right < this.items.length && this.before(right, best)) best = right;
      if (best === parent) return top;
      this.swap(parent, best);
      parent = best;
    }
  }

  /** Larger shortage first; on ties the lower key, so runs are reproducible. */
  private before(a: number, b: number): boolean {
    const [keyA, shortA] = this.items[a] ?? [0, 0];
    const [keyB, shortB] = this.items[b] ?? [0, 0];
    return shortA > shortB || (shortA === shortB && keyA < keyB);
  }

  private swap(a: number, b: number): void {
    const item = this.items[a];
    this.items[a] = this.items[b] ?? [0, 0];
    this.items[b] = item ?? [0, 0];
  }
}

interface GreedyState {
  capacity: Float64Array;
  unitMoves: Int32Array;
  movesOut: Int32Array;
  movesIn: Int32Array;
  nextMember: Int32Array;
  moves: MoveIndex[];
}

/** Groups whose role may fill each target role. */
function groupsByTarget(instance: Instance): number[][] {
  const byTarget: number[][] = Array.from({ length: instance.roleCount }, () => []);
  instance.groups.forEach((group, index) => {
    for (const role of instance.targets[group.role] ?? []) byTarget[role]?.push(index);
  });
  return byTarget;
}

/**
 * A group can give a person when it has one left and losing them leaves no shortage behind. A group that
 * cannot is dropped for good at its list's next search (greedy-donors.ts): donors only lose people,
 * moves and surplus (a donor role refilled beyond its demand is rare enough to ignore in a baseline).
 */
function canGive(instance: Instance, state: GreedyState, groupIndex: number): boolean {
  const group = instance.groups[groupIndex];
  if (group === undefined || (state.nextMember[groupIndex] ?? 0) >= group.members.length) return false;
  if ((state.unitMoves[group.unit] ?? 0) >= instance.maxMovesPerUnit) return false;
  if ((state.movesOut[group.unit] ?? 0) >= instance.maxMovesOutPerUnit) return false;
  const key = group.unit * instance.roleCount + group.role;
  return (state.capacity[key] ?? 0) - group.hours >= (instance.demand[key] ?? 0) - EPSILON;
}

function applyMove(
  instance: Instance,
  state: GreedyState,
  groupIndex: number,
  unit: number,
  role: number,
): void {
  const group = instance.groups[groupIndex];
  if (group === undefined) return;
  const employee = group.members[state.nextMember[groupIndex] ?? 0] ?? 0;
  state.nextMember[groupIndex] = (state.nextMember[groupIndex] ?? 0) + 1;
  const fromKey = group.unit * instance.roleCount + group.role;
  const toKey = unit * instance.roleCount + role;
  state.capacity[fromKey] = (state.capacity[fromKey] ?? 0) - group.hours;
  state.capacity[toKey] = (state.capacity[toKey] ?? 0) + group.hours;
  state.unitMoves[group.unit] = (state.unitMoves[group.unit] ?? 0) + 1;
  state.unitMoves[unit] = (state.unitMoves[unit] ?? 0) + 1;
  state.movesOut[group.unit] = (state.movesOut[group.unit] ?? 0) + 1;
  state.movesIn[unit] = (state.movesIn[unit] ?? 0) + 1;
  state.moves.push({ employee, to: unit, role });
}

/**
 * Baseline: repeatedly fill the largest shortage with the nearest person whose departure leaves no
 * shortage behind. Fast and never worse than doing nothing, but blind to chains and to the way one
 * choice uses up a unit's moves.
 */
export function greedyMoves(instance: Instance): MoveIndex[] {
  const state: GreedyState = {
    capacity: Float64Array.from(instance.base),
    // The moves already counted against the caps (in flight, effective within the window).
    unitMoves: Int32Array.from(instance.usedOut, (out, unit) => out + (instance.usedIn[unit] ?? 0)),
    movesOut: Int32Array.from(instance.usedOut),
    movesIn: Int32Array.from(instance.usedIn),
    nextMember: new Int32Array(instance.groups.length),
    moves: [],
  };
  const donors = new DonorLists(instance, groupsByTarget(instance), (group) =>
    canGive(instance, state, group),
  );
  const reachable = reachability(instance);
  const heap = new ShortageHeap();
  const shortage = (key: number) => (instance.demand[key] ?? 0) - (state.capacity[key] ?? 0);
  for (let key = 0; key < instance.demand.length; key++) {
    if (shortage(key) > EPSILON) heap.push(key, shortage(key));
  }
  for (
    let item = heap.pop();
    item !== undefined && state.moves.length < movesLeft(instance);
    item = heap.pop()
  ) {
    const [key, recorded] = item;
    if (shortage(key) !== recorded) {
      if (shortage(key) > EPSILON) heap.push(key, shortage(key));
      continue;
    }
    const unit = Math.floor(key / instance.roleCount);
    const role = key % instance.roleCount;
    if ((state.unitMoves[unit] ?? 0) >= instance.maxMovesPerUnit) continue;
    if ((state.movesIn[unit] ?? 0) >= instance.maxMovesInPerUnit) continue;
    const donor = donors.nearest(role, unit, reachable);
    if (donor === -1) continue;
    applyMove(instance, state, donor, unit, role);
    donors.moved([instance.groups[donor]?.unit ?? 0, unit]);
    if (shortage(key) > EPSILON) heap.push(key, shortage(key));
  }
  return state.moves;
}
