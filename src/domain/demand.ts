/**
 * The weekly hours a unit needs in a role. A head's workload report is the best source; without
 * one, open vacancies add their posts to what the present staff carry; with neither, the unit is
 * taken as balanced (nothing known), so the engine never empties a unit nobody has assessed.
 */
export function effectiveDemand(input: {
  reportedHours: number | null;
  capacityHours: number;
  openVacancies: number;
  standardHours: number;
}): { hours: number; source: "report" | "vacancies" | "assumed" } {
  if (input.reportedHours !== null) return { hours: input.reportedHours, source: "report" };
  if (input.openVacancies > 0) {
    return { hours: input.capacityHours + input.openVacancies * input.standardHours, source: "vacancies" };
  }
  return { hours: input.capacityHours, source: "assumed" };
}
