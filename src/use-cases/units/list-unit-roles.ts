import type { DbTx } from "../../db/client.ts";
import type { Role } from "../../generated/prisma/client.ts";
import { loadUnitHead } from "../../db/unit-head.ts";

export interface UnitRoles {
  /** Roles the unit has people, reports or open vacancies in. */
  unitRoles: Role[];
  /**
   * Other roles used anywhere in the same agency (a school may lose a post it never reported): those
   * of units of the same kind first (an SD's head sees SD roles before SMP subjects), then the rest.
   */
  catalogue: Role[];
}

export async function listUnitRoles(db: DbTx, input: { userId: number }): Promise<UnitRoles> {
  const head = await loadUnitHead(db, input.userId);
  const unitId = head.unit.id;
  const agencyId = head.unit.agencyId;
  const [unitRoles, agencyRoles] = await Promise.all([
    db.role.findMany({
      where: {
        OR: [
          { employees: { some: { unitId, status: { not: "PENSIUN" } } } },
          { workloadReports: { some: { unitId } } },
          { vacancies: { some: { unitId, status: "OPEN" } } },
        ],
      },
      orderBy: { name: "asc" },
    }),
    db.role.findMany({
      where: {
        OR: [
          { employees: { some: { unit: { agencyId } } } },
          { workloadReports: { some: { unit: { agencyId } } } },
        ],
      },
      orderBy: { name: "asc" },
    }),
  ]);
  const own = new Set(unitRoles.map((r) => r.id));
  const sameKind = new Set(
    (
      await db.role.findMany({
        where: {
          OR: [
            { employees: { some: { unit: { agencyId, kind: head.unit.kind } } } },
            { workloadReports: { some: { unit: { agencyId, kind: head.unit.kind } } } },
          ],
        },
        select: { id: true },
      })
    ).map((r) => r.id),
  );
  const others = agencyRoles.filter((r) => !own.has(r.id));
  return {
    unitRoles,
    catalogue: [...others.filter((r) => sameKind.has(r.id)), ...others.filter((r) => !sameKind.has(r.id))],
  };
}

/** The ids a head may report for; anything else in a button or an input is refused. */
export function allowedRoleIds(roles: UnitRoles): Set<number> {
  return new Set([...roles.unitRoles, ...roles.catalogue].map((r) => r.id));
}
