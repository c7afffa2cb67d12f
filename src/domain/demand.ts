import { hoursFromRombel } from "./workload.ts";

/** Where a unit's need in a role comes from, best first; shown wherever the need is shown. */
export type DemandSource = "report" | "rombel" | "hours_taught" | "vacancies" | "assumed";

export interface DemandInput {
  /** The head's latest workload report, if any. */
  reportedHours: number | null;
  /** Rombel × the role's JP per rombel, where that rule applies (see rombelHours); else null. */
  rombelHours: number | null;
  /** Σ JJM of the staff and honorers in the role there (see hoursTaughtThere); null when none is known. */
  hoursTaught: number | null;
  capacityHours: number;
  openVacancies: number;
  standardHours: number;
}

/**
 * The weekly hours a unit needs in a role, in this order: the head's workload report; the school's
 * rombel × the role's JP per rombel (an SD with 9 rombel needs 9 × 24 JP of guru kelas); the hours
 * taught there (Σ JJM, Dapodik), to which open vacancies add their posts; open vacancies on top of
 * what the present staff carry; with none of these the unit is taken as balanced (nothing known), so
 * the engine never empties a unit nobody has assessed.
 */
export function effectiveDemand(input: DemandInput): { hours: number; source: DemandSource } {
  if (input.reportedHours !== null) return { hours: input.reportedHours, source: "report" };
  if (input.rombelHours !== null) return { hours: input.rombelHours, source: "rombel" };
  const posts = input.openVacancies * input.standardHours;
  if (input.hoursTaught !== null) return { hours: input.hoursTaught + posts, source: "hours_taught" };
  if (input.openVacancies > 0) return { hours: input.capacityHours + posts, source: "vacancies" };
  return { hours: input.capacityHours, source: "assumed" };
}

/**
 * The rombel rule, only where it cannot invent a need: a teaching role with JP per rombel, at a unit
 * with rombel, of a kind where the role belongs (some unit of that kind has staff, honorers, a report
 * or a vacancy in it: every SD gets a guru kelas need, no SD an IPA need).
 */
export function rombelHours(input: {
  rombel: number | null;
  isTeacher: boolean;
  hoursPerRombel: number | null;
  belongsToKind: boolean;
}): number | null {
  const { rombel, hoursPerRombel } = input;
  if (!input.isTeacher || !input.belongsToKind) return null;
  if (rombel === null || rombel <= 0 || hoursPerRombel === null || hoursPerRombel <= 0) return null;
  return hoursFromRombel(rombel, hoursPerRombel);
}

/**
 * Σ JJM of the people in a role at a unit; null when nobody's hours taught are known. Someone whose
 * JJM is unknown (a SIASN row without its Dapodik one) is taken to teach what they bring, as the
 * "assumed" need would; someone on leave still has lessons that need a teacher.
 */
export function hoursTaughtThere(
  people: Array<{ hoursTaught: number | null; capacity: number }>,
): number | null {
  if (!people.some((p) => p.hoursTaught !== null)) return null;
  return people.reduce((sum, p) => sum + (p.hoursTaught ?? p.capacity), 0);
}
