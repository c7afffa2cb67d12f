import type { DbTx } from "./client.ts";

/**
 * Which roles belong at which kind of unit, as "<kind>:<roleId>": some unit of that kind has staff,
 * honorers, a workload report or a vacancy (not withdrawn) in the role. The rombel rule asks it so
 * that every SD gets a guru kelas need and no SD an IPA need.
 */
export async function readRoleKinds(db: DbTx): Promise<Set<string>> {
  const [units, employees, honorers, reports, vacancies] = await Promise.all([
    db.unit.findMany({ select: { id: true, kind: true } }),
    db.employee.groupBy({ by: ["unitId", "roleId"] }),
    db.honorer.groupBy({ by: ["unitId", "roleId"] }),
    db.workloadReport.groupBy({ by: ["unitId", "roleId"] }),
    db.vacancy.groupBy({ by: ["unitId", "roleId"], where: { status: { not: "CANCELLED" } } }),
  ]);
  const kindOf = new Map(units.map((u) => [u.id, u.kind]));
  const kinds = new Set<string>();
  for (const row of [...employees, ...honorers, ...reports, ...vacancies]) {
    const kind = kindOf.get(row.unitId);
    if (kind) kinds.add(`${kind}:${row.roleId}`);
  }
  return kinds;
}
