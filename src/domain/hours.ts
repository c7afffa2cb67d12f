/**
 * Weekly hours kept apart by what they count (issue 25): JP, lesson hours, for teaching roles; jam,
 * clock hours, for the others. A total adds only hours of one kind; a figure for people reads both.
 */
export type HoursKind = "JP" | "jam";

export interface Hours {
  JP: number;
  jam: number;
}

export const noHours = (): Hours => ({ JP: 0, jam: 0 });

/** JP for teaching roles (the role's unit, or a teacher role whose unit was never set), jam for the others. */
export function roleHoursKind(role: { hoursUnit: string; isTeacher: boolean }): HoursKind {
  return role.hoursUnit === "JP" || role.isTeacher ? "JP" : "jam";
}

/** `hours` of one kind added to a split total (in place), which is returned. */
export function addHours(total: Hours, kind: HoursKind, hours: number): Hours {
  total[kind] += hours;
  return total;
}

/** The sum of split totals. */
export function sumHours(list: readonly Hours[]): Hours {
  return list.reduce((total, h) => ({ JP: total.JP + h.JP, jam: total.jam + h.jam }), noHours());
}

/** Demand, capacity and unmet demand of some loads, each split by kind. */
export interface HoursTotals {
  demand: Hours;
  capacity: Hours;
  unmet: Hours;
}

export function hoursTotals(
  loads: ReadonlyArray<{ demand: number; capacity: number; unmet: number; kind: HoursKind }>,
): HoursTotals {
  const totals = { demand: noHours(), capacity: noHours(), unmet: noHours() };
  for (const load of loads) {
    addHours(totals.demand, load.kind, load.demand);
    addHours(totals.capacity, load.kind, load.capacity);
    addHours(totals.unmet, load.kind, load.unmet);
  }
  return totals;
}

export function sumHoursTotals(list: readonly HoursTotals[]): HoursTotals {
  return {
    demand: sumHours(list.map((t) => t.demand)),
    capacity: sumHours(list.map((t) => t.capacity)),
    unmet: sumHours(list.map((t) => t.unmet)),
  };
}

/** Unmet hours of a plan's unit loads, before or after its moves, split by the kind of each role. */
export function unmetOfLoads(
  loads: ReadonlyArray<{ roles: ReadonlyArray<{ role: string; unmetBefore: number; unmetAfter: number }> }>,
  kindOf: (role: string) => HoursKind,
  when: "unmetBefore" | "unmetAfter",
): Hours {
  const total = noHours();
  for (const unit of loads) for (const role of unit.roles) addHours(total, kindOf(role.role), role[when]);
  return total;
}
