import { pushTo } from "../exact/collections.ts";
import { exclusionOf, type Instance } from "../input/instance.ts";
import type { MoveIndex } from "./move-index.ts";

/**
 * Tiers 5 and 6 of plan format v2 (DESIGN.md): prefer volunteers, then stated destinations, never at
 * the cost of tiers 1–4.
 *
 * Once a method has decided its moves, people leaving one unit with the same hours are interchangeable
 * for tiers 1–4 in two ways: movable people of one unit, role and hours may swap whoever stays and whoever
 * goes (whatever other units each may not be sent to, which set the solvers' groups apart); and any two
 * movers of that unit with the same hours may swap destinations when each may fill the other's
 * destination role. Either way every (unit, role) keeps its capacity, and the moves and kilometres stay
 * the same (all leave the same unit). So this re-decides WHO fills each departure slot, unit by unit, as
 * one exact assignment: rows are the unit's departure slots plus, for each role and hours with movers,
 * one "stays" row per such person who stays; columns are the people of those roles and hours. Everyone is
 * thus either sent to a slot they may go to or kept home, so each role and hours loses exactly as many
 * people as the method chose. Costs are compared lexicographically:
 *   0. 1 for a pairing that would change tiers 1–4 or break a rule (other hours, a role the person may
 *      not fill, a unit they may not be sent to, a "stays" row of another role or hours); the method's
 *      own choice costs 0 here, so the optimum never uses one,
 *   1. −1 if the member is a volunteer (each volunteer moved counts once),
 *   2. −1 if the slot's destination is one the member asked for,
 *   3. the member's rank by id among their role and hours (lowest ids go, as before preferences existed),
 *   4. 1 if the member is not the one the method put there, so that ties keep the method's own choice.
 * Solved with the Hungarian algorithm over cost vectors (vectors add and compare lexicographically, an
 * ordered group, so the algorithm is exact with no big-M weights to overflow).
 */

/** A cost vector, compared lexicographically; every cost of one problem has the same length. */
export type Cost = readonly number[];

function vectorLess(a: Float64Array, i: number, b: Float64Array, j: number, tiers: number): boolean {
  for (let t = 0; t < tiers; t++) {
    const [x, y] = [a[i + t] ?? 0, b[j + t] ?? 0];
    if (x !== y) return x < y;
  }
  return false;
}

/**
 * Least-cost assignment of every row to a distinct column (rows ≤ columns); returns the column of each
 * row. The O(n²m) shortest-augmenting-path form of the Hungarian algorithm (potentials u, v), on cost
 * vectors of `tiers` numbers compared lexicographically, kept flat so the inner loop allocates nothing.
 */
export function assignRows(
  rows: number,
  columns: number,
  tiers: number,
  cost: (row: number, column: number) => Cost,
): number[] {
  const TIERS = tiers;
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
        if (vectorLess(reduced, 0, minv, column * TIERS, TIERS)) {
          minv.set(reduced, column * TIERS);
          way[column] = column0;
        }
        if (vectorLess(minv, column * TIERS, delta, 0, TIERS)) {
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

/** Which move positions leave each unit, in order. */
function departuresByUnit(instance: Instance, moves: readonly MoveIndex[], groupOf: Int32Array) {
  const byUnit = new Map<number, number[]>();
  moves.forEach((move, position) => {
    if ((groupOf[move.employee] ?? -1) < 0) return;
    const unit = instance.employeeUnit[move.employee] ?? 0;
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), position]);
  });
  return byUnit;
}

/**
 * People of one unit who may stand in for each other in staying home: the same role and hours. Their
 * groups may differ in the units they may not be sent to; whether a stand-in may go where a mover goes
 * is asked slot by slot.
 */
function classOf(instance: Instance, group: number): string {
  const { role, hours } = instance.groups[group] ?? { role: -1, hours: -1 };
  return `${role}|${hours}`;
}

/** Each member's place by id among the members of the same role and hours (lowest id first). */
function ranksByIdWithin(
  members: readonly number[],
  classOfMember: (member: number) => string,
  employees: Instance["input"]["employees"],
): Map<number, number> {
  const byId = [...members].sort((a, b) => {
    const [x, y] = [employees[a]?.id ?? "", employees[b]?.id ?? ""];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const seen = new Map<string, number>();
  const ranks = new Map<number, number>();
  for (const member of byId) {
    const kind = classOfMember(member);
    ranks.set(member, seen.get(kind) ?? 0);
    seen.set(kind, (seen.get(kind) ?? 0) + 1);
  }
  return ranks;
}

/**
 * The same moves (same destinations, roles, and number leaving each unit's role and hours, so tiers 1–4
 * are unchanged) with the people re-chosen inside each unit for tiers 5 and 6. Moves keep their order.
 */
export function choosePeople(instance: Instance, moves: readonly MoveIndex[]): MoveIndex[] {
  const wishes = readWishes(instance);
  const { employees } = instance.input;
  const groupOf = new Int32Array(employees.length).fill(-1);
  const groupsAt = new Map<number, number[]>();
  instance.groups.forEach((group, index) => {
    pushTo(groupsAt, group.unit, index);
    for (const member of group.members) groupOf[member] = index;
  });
  const classOfMember = (member: number) => classOf(instance, groupOf[member] ?? -1);
  const excluded = employees.map((employee) => exclusionOf(employee, instance.unitIndex).excluded);
  const chosen = moves.map((move) => ({ ...move }));
  for (const [unit, slots] of departuresByUnit(instance, moves, groupOf)) {
    const leaving = new Map<string, number>();
    for (const position of slots) {
      const kind = classOfMember(moves[position]?.employee ?? 0);
      leaving.set(kind, (leaving.get(kind) ?? 0) + 1);
    }
    const groups = (groupsAt.get(unit) ?? []).filter((group) => leaving.has(classOf(instance, group)));
    const members = groups.flatMap((group) => instance.groups[group]?.members ?? []);
    if (!members.some((m) => wishes.volunteer[m] === 1 || wishes.preferred[m] !== undefined)) continue;
    const rankOf = ranksByIdWithin(members, classOfMember, employees);
    // Rows: the slots, then for each role and hours as many "stays" rows as its members who stay.
    const stays = [...leaving].flatMap(([kind, count]) =>
      new Array<string>(members.filter((member) => classOfMember(member) === kind).length - count).fill(kind),
    );
    const assignment = assignRows(slots.length + stays.length, members.length, 5, (row, column) => {
      const member = members[column] ?? 0;
      if (row >= slots.length)
        return [stays[row - slots.length] === classOfMember(member) ? 0 : 1, 0, 0, 0, 0];
      const move = moves[slots[row] ?? 0];
      const occupant = move?.employee ?? 0;
      const fits =
        employees[member]?.hours === employees[occupant]?.hours &&
        (instance.targets[instance.employeeRole[member] ?? 0] ?? []).includes(move?.role ?? -1) &&
        !excluded[member]?.has(move?.to ?? -1);
      return [
        fits ? 0 : 1,
        -(wishes.volunteer[member] ?? 0),
        wishes.preferred[member]?.has(move?.to ?? -1) === true ? -1 : 0,
        rankOf.get(member) ?? 0,
        member === occupant ? 0 : 1,
      ];
    });
    const kept = stays.every(
      (kind, row) => classOfMember(members[assignment[slots.length + row] ?? -1] ?? -1) === kind,
    );
    if (!kept) throw new Error("choosing people changed how many leave a role and hours");
    slots.forEach((position, row) => {
      const target = chosen[position];
      const member = members[assignment[row] ?? -1];
      if (target !== undefined && member !== undefined) target.employee = member;
    });
  }
  return chosen;
}
