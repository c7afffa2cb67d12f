import type { DbTx } from "../db/client.ts";
import type { Unit } from "../generated/prisma/client.ts";
import { readDistrict, type DistrictEmployee } from "../db/read-district.ts";
import { loadUnitHead } from "../db/unit-head.ts";

export interface StaffMember extends DistrictEmployee {
  roleName: string;
}

/** The head's own staff with their transfer eligibility (months in post, months to retirement, objection). */
export async function listUnitStaff(
  db: DbTx,
  input: { userId: number; now: Date; timeZone: string },
): Promise<{ unit: Unit; staff: StaffMember[] }> {
  const head = await loadUnitHead(db, input.userId);
  const district = await readDistrict(db, { now: input.now, timeZone: input.timeZone, unitId: head.unit.id });
  const roleName = new Map(district.roles.map((r) => [r.id, r.name]));
  const staff = district.employees
    .map((e) => ({ ...e, roleName: roleName.get(e.roleId) ?? "" }))
    .sort((a, b) => a.name.localeCompare(b.name, "id"));
  return { unit: head.unit, staff };
}
