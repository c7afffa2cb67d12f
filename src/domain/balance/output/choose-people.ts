import type { Instance } from "../input/instance.ts";
import type { MoveIndex } from "./evaluate.ts";

/**
 * Tiers 5 and 6 of plan format v2 (DESIGN.md): prefer volunteers, then stated destinations, never at
 * the cost of tiers 1–4. Members of one group (same unit, role, hours) are interchangeable for those
 * tiers: whichever of them leaves, and whoever of them goes to which of the group's destinations, the
 * loads, moves and kilometres are the same. So once a method has decided how many of a group go where,
 * this re-decides WHO, group by group, as an exact assignment of the group's k destination slots to its
 * m members. The cost of a pairing is compared lexicographically:
 *   1. −1 if the member is a volunteer (each volunteer moved counts once),
 *   2. −1 if the slot's destination is one the member asked for,
 *   3. the member's rank by id (lowest ids go, as before preferences existed),
 *   4. (rank − rank of the member the method had put there)², so that ties keep the method's own choice.
 * Solved with the Hungarian algorithm over cost vectors (vectors add and compare lexicographically, an
 * ordered group, so the algorithm is exact with no big-M weights to overflow).
 */

export type Cost = [number, number, number, number];

/** Components of a cost; vectors are kept flat, TIERS numbers per entry, so the inner loop allocates nothing. */
const TIERS = 4;

function vectorLess(a: Float64Array, i: number, b: Float64Array, j: number): boolean {
  for (let t = 0; t < TIERS; t++) {
    const [x, y] = [a[i + t] ?? 0, b[j + t] ?? 0];
    if (x !== y) return x < y;
  }
  return false;
}

/**
 * Least-cost assignment of every row to a distinct column (rows ≤ columns); returns the column of each
 * row. The O(n²m) shortest-augmenting-path form of the Hungarian algorithm (potentials u, v), on cost
 * vectors compared lexicographically.
 */
export function assignRows(
  rows: number,
  columns: number,
  cost: (row: number, column: number) => Cost,
): number[] {
  const table = new Float64Array(rows * columns * TIERS);
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++)
      table.set(cost(row, column), (row * columns + column) * TIERS);
  }
  const u = new Float64Array((rows + 1) * TIERS);
  const v = new Float64Array((columns + 1) * TIERS);
  // rowOf[column] = row (1-based) matched to it; 0 for none. Column 0 is the augmenting root.
  const rowOf = new Int32Array(columns + 1);
  const way = new Int32Array(columns + 1);
  const minv = new Float64Array((columns + 1) * TIERS);
  const used = new Uint8Array(columns + 1);
  const delta = new Float64Array(TIERS);
  const reduced = new Float64Array(TIERS);
  for (let row = 1; row <= rows; row++) {
    rowOf[0] = row;
    let column0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[column0] = 1;
      const row0 = rowOf[column0] ?? 0;
      delta.fill(Infinity);
      let column1 = 0;
      for (let column = 1; column <= columns; column++) {
        if (used[column]) continue;
        const at = ((row0 - 1) * columns + (column - 1)) * TIERS;
        for (let t = 0; t < TIERS; t++) {
          reduced[t] = (table[at + t] ?? 0) - (u[row0 * TIERS + t] ?? 0) - (v[column * TIERS + t] ?? 0);
        }
        if (vectorLess(reduced, 0, minv, column * TIERS)) {
          minv.set(reduced, column * TIERS);
          way[column] = column0;
        }
        if (vectorLess(minv, column * TIERS, delta, 0)) {
          delta.set(minv.subarray(column * TIERS, column * TIERS + TIERS));
          column1 = column;
        }
      }
      for (let column = 0; column <= columns; column++) {
        for (let t = 0; t < TIERS; t++) {
          const d = delta[t] ?? 0;
          if (used[column]) {
            const matched = (rowOf[column] ?? 0) * TIERS + t;
            u[matched] = (u[matched] ?? 0) + d;
            v[column * TIERS + t] = (v[column * TIERS + t] ?? 0) - d;
          } else {
            minv[column * TIERS + t] = (minv[column * TIERS + t] ?? 0) - d;
          }
        }
      }
      column0 = column1;
    } while ((rowOf[column0] ?? 0) !== 0);
    do {
      const column1 = way[column0] ?? 0;
      rowOf[column0] = rowOf[column1] ?? 0;
      column0 = column1;
    } while (column0 !== 0);
  }
  const result = new Array<number>(rows).fill(-1);
  for (let column = 1; column <= columns; column++) {
    const row = rowOf[column] ?? 0;
    if (row > 0) result[row - 1] = column - 1;
  }
  return result;
}

/** Per employee: volunteer or not, and the unit indices they asked for. */
export interface Wishes {
  volunteer: Uint8Array;
  preferred: Array<ReadonlySet<number> | undefined>;
}

export function readWishes(instance: Instance): Wishes {
  const { employees } = instance.input;
  const volunteer = new Uint8Array(employees.length);
  const preferred: Array<ReadonlySet<number> | undefined> = new Array(employees.length);
  employees.forEach((employee, index) => {
    if (employee.volunteer === true) volunteer[index] = 1;
    const units = (employee.preferredUnits ?? [])
      .map((id) => instance.unitIndex.get(id))
      .filter((unit): unit is number => unit !== undefined);
    if (units.length > 0) preferred[index] = new Set(units);
  });
  return { volunteer, preferred };
}

/** Whether the move sends a volunteer, and whether it sends them where they asked. */
export function wishesMet(wishes: Wishes, move: MoveIndex): { volunteer: boolean; preferred: boolean } {
  return {
    volunteer: wishes.volunteer[move.employee] === 1,
    preferred: wishes.preferred[move.employee]?.has(move.to) === true,
  };
}

/**
 * The same moves (same destinations, roles and count per group, so tiers 1–4 are unchanged) with the
 * people re-chosen inside each group for tiers 5 and 6. Moves keep their order.
 */
export function choosePeople(instance: Instance, moves: readonly MoveIndex[]): MoveIndex[] {
  const wishes = readWishes(instance);
  const groupOf = new Int32Array(instance.input.employees.length).fill(-1);
  instance.groups.forEach((group, index) => group.members.forEach((member) => (groupOf[member] = index)));
  const slotsByGroup = new Map<number, number[]>();
  moves.forEach((move, position) => {
    const group = groupOf[move.employee] ?? -1;
    if (group < 0) return;
    const slots = slotsByGroup.get(group) ?? [];
    slots.push(position);
    slotsByGroup.set(group, slots);
  });
  const chosen = moves.map((move) => ({ ...move }));
  for (const [groupIndex, slots] of slotsByGroup) {
    const members = instance.groups[groupIndex]?.members ?? [];
    const speaks = members.some((m) => wishes.volunteer[m] === 1 || wishes.preferred[m] !== undefined);
    if (!speaks) continue;
    const rank = new Map(members.map((member, index) => [member, index]));
    const placed = slots.map((position) => rank.get(moves[position]?.employee ?? -1) ?? 0);
    const assignment = assignRows(slots.length, members.length, (slot, column) => {
      const member = members[column] ?? 0;
      const to = moves[slots[slot] ?? 0]?.to ?? -1;
      return [
        -(wishes.volunteer[member] ?? 0),
        wishes.preferred[member]?.has(to) === true ? -1 : 0,
        column,
        (column - (placed[slot] ?? 0)) ** 2,
      ];
    });
    slots.forEach((position, slot) => {
      const target = chosen[position];
      const member = members[assignment[slot] ?? -1];
      if (target !== undefined && member !== undefined) target.employee = member;
    });
  }
  return chosen;
}
