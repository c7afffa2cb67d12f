import { hoursUnitOf } from "../../messages/format.ts";
import type { DbTx } from "../../db/client.ts";
import type { HoursUnit, Unit } from "../../generated/prisma/client.ts";
import { readDistrict, type DistrictEmployee } from "../../db/read-district.ts";
import { loadUnitHead } from "../../db/unit-head.ts";

export interface StaffMember extends DistrictEmployee {
  roleName: string;
  /** What the role's hours count (JP for teachers) and its standard load. */
  hoursUnit: HoursUnit;
  standardHours: number;
}

/**
 * The head's own staff with their transfer eligibility (months in post, months to retirement,
 * objection), hours taught and whether a certified teacher is under the standard load.
 */
export async function listUnitStaff(
  db: DbTx,
  input: { userId: number; now: Date; timeZone: string },
): Promise<{ unit: Unit; staff: StaffMember[] }> {
  const head = await loadUnitHead(db, input.userId);
  const district = await readDistrict(db, { now: input.now, timeZone: input.timeZone, unitId: head.unit.id });
  const roleById = new Map(district.roles.map((r) => [r.id, r]));
  const staff = district.employees
    .map((e) => {
      const role = roleById.get(e.roleId);
      return {
        ...e,
        roleName: role?.name ?? "",
        // A teacher's role counts JP even where the role's unit was never set (hoursUnitOf).
        hoursUnit: role && hoursUnitOf(role) === "JP" ? ("JP" as const) : ("JAM" as const),
        standardHours: role?.standardHours ?? 0,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "id"));
  return { unit: head.unit, staff };
}
