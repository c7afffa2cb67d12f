/** Workload (ABK, Permenpan RB 1/2020): the load ratio of a unit and role = demand / capacity. */

/** ABK band: A > 1.00, B 0.90–1.00, C 0.70–0.89, D 0.50–0.69, E < 0.50 (lower bounds configurable). */
export type AbkBand = "A" | "B" | "C" | "D" | "E";

export interface BandThresholds {
  A: number;
  B: number;
  C: number;
  D: number;
}

export const DEFAULT_BANDS: BandThresholds = { A: 1.0, B: 0.9, C: 0.7, D: 0.5 };

/**
 * Demand over capacity; a unit with demand and nobody to do it is infinitely loaded (the status
 * pages and bands). The engine's plan writes that case as null instead: see planLoadRatio.
 */
export function loadRatio(demandHours: number, capacityHours: number): number {
  if (capacityHours <= 0) return demandHours > 0 ? Number.POSITIVE_INFINITY : 0;
  return demandHours / capacityHours;
}

export function abkBand(ratio: number, bands: BandThresholds = DEFAULT_BANDS): AbkBand {
  if (ratio > bands.A) return "A";
  if (ratio >= bands.B) return "B";
  if (ratio >= bands.C) return "C";
  if (ratio >= bands.D) return "D";
  return "E";
}

/** Hours nobody covers. */
export function unmetHours(demandHours: number, capacityHours: number): number {
  return Math.max(0, demandHours - capacityHours);
}

/** Weekly JP of a teacher role from the number of rombongan belajar (class groups). */
export function hoursFromRombel(rombel: number, hoursPerRombel: number): number {
  return rombel * hoursPerRombel;
}

export interface RoleLoad {
  demand: number;
  capacity: number;
  ratio: number;
  band: AbkBand;
  unmet: number;
  surplus: number;
}

export function roleLoad(demand: number, capacity: number, bands: BandThresholds = DEFAULT_BANDS): RoleLoad {
  const ratio = loadRatio(demand, capacity);
  return {
    demand,
    capacity,
    ratio,
    band: abkBand(ratio, bands),
    unmet: unmetHours(demand, capacity),
    surplus: Math.max(0, capacity - demand),
  };
}

/**
 * A certified teacher teaching fewer JP than the role's standard (24, PP 74/2008 Pasal 52) risks
 * the professional allowance (tunjangan profesi), which needs that load: a natural volunteer for a
 * move. Unknown hours taught are not flagged.
 */
export function isCertifiedUnderStandard(teacher: {
  certified: boolean;
  isTeacher: boolean;
  hoursTaught: number | null;
  standardHours: number;
}): boolean {
  return (
    teacher.certified &&
    teacher.isTeacher &&
    teacher.hoursTaught !== null &&
    teacher.hoursTaught < teacher.standardHours
  );
}

/** What a move does for a certified teacher under the standard load: the hours now and at the destination. */
export interface FullLoadGain {
  taughtNow: number;
  atDestination: number;
  standard: number;
}

/**
 * A certified teacher teaching under the standard (24 JP) who would teach at least the standard at
 * the destination: the move gives them the load their professional allowance needs (PP 74/2008
 * Pasal 52). The benefit to the person, said in the letter and in Rincian (issue 25); null otherwise.
 */
export function fullLoadGain(
  teacher: { certified: boolean; isTeacher: boolean; hoursTaught: number | null; standardHours: number },
  hoursAtDestination: number,
): FullLoadGain | null {
  if (!isCertifiedUnderStandard(teacher) || teacher.hoursTaught === null) return null;
  if (hoursAtDestination < teacher.standardHours) return null;
  return {
    taughtNow: teacher.hoursTaught,
    atDestination: hoursAtDestination,
    standard: teacher.standardHours,
  };
}
