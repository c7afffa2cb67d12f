import type { DbTx } from "../../db/client.ts";
import { periodOf } from "../../domain/time.ts";
import { generateSalorDemo } from "../../seed/salor-demo.ts";
import { writeAudit } from "../../db/audit.ts";

export interface SeedResult {
  seeded: boolean;
  agencies: number;
  units: number;
  employees: number;
}

/** Loads the Salor demo district into an empty database; a second run changes nothing. */
export async function seedDemo(db: DbTx, input: { now: Date; timeZone: string }): Promise<SeedResult> {
  const data = generateSalorDemo(input.now);
  if (await db.agency.findUnique({ where: { code: "DISDIK" } })) {
    return { seeded: false, agencies: 0, units: 0, employees: 0 };
  }
  await db.agency.createMany({ data: data.agencies });
  await db.role.createMany({ data: data.roles });
  const agencies = new Map((await db.agency.findMany()).map((a) => [a.code, a.id]));
  const roles = new Map((await db.role.findMany()).map((r) => [r.code, r.id]));
  await db.roleCompatibility.createMany({
    data: data.compatibility.map((c) => ({ fromRoleId: roles.get(c.from)!, toRoleId: roles.get(c.to)! })),
  });
  await db.unit.createMany({
    data: data.units.map((u) => ({
      code: u.code,
      name: u.name,
      kind: u.kind,
      agencyId: agencies.get(u.agency)!,
      lat: u.lat,
      lon: u.lon,
    })),
  });
  const units = new Map((await db.unit.findMany()).map((u) => [u.code, u.id]));
  await db.employee.createMany({
    data: data.employees.map((e) => ({
      nip: e.nip,
      name: e.name,
      unitId: units.get(e.unit)!,
      roleId: roles.get(e.role)!,
      weeklyHours: e.weeklyHours,
      birthDate: e.birthDate,
      postSince: e.postSince,
    })),
  });
  const period = periodOf(input.now, input.timeZone);
  await db.workloadReport.createMany({
    data: data.workload.map((w) => ({
      unitId: units.get(w.unit)!,
      roleId: roles.get(w.role)!,
      hoursNeeded: w.hours,
      rombel: w.rombel,
      period,
    })),
  });
  await db.vacancy.createMany({
    data: data.vacancies.map((v) => ({
      unitId: units.get(v.unit)!,
      roleId: roles.get(v.role)!,
      count: v.count,
      reason: v.reason,
      since: v.since,
    })),
  });
  await writeAudit(db, {
    actorName: "cli",
    action: "seed.demo",
    entity: "district",
    entityId: "salor",
    details: { units: data.units.length, employees: data.employees.length },
  });
  return {
    seeded: true,
    agencies: data.agencies.length,
    units: data.units.length,
    employees: data.employees.length,
  };
}
