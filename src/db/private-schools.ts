import type { DbTx } from "./client.ts";
import type { District } from "./read-district.ts";
import { isPrivateSchool, redistributionBars, type RedistributionBar } from "../domain/redistribution.ts";

/**
 * Private schools (Dapodik `Status Sekolah` Swasta) as their agency's `privateSchools` policy says:
 * OFF, none of their needs is planned for; ON_REQUEST, only the roles an open request names, for the
 * hours asked on top of what the school has; ON, their needs as any school's (and at least what a
 * request asks). Each active teacher's bars to a placement there (domain/redistribution.ts), read only
 * when some private school is planned for.
 */
export async function readPrivateSchools(db: DbTx, district: District, now: Date) {
  const privateIds = new Set(district.units.filter(isPrivateSchool).map((u) => u.id));
  const bars = new Map<string, RedistributionBar[]>();
  if (privateIds.size === 0)
    return {
      units: privateIds,
      planned: new Set<string>(),
      bars,
      demand: (l: PrivateNeed) => l.demand,
      extra: [] as PrivateNeed[],
    };
  const [agencies, requests] = await Promise.all([
    db.agency.findMany({ select: { id: true, privateSchools: true } }),
    db.teacherRequest.findMany({
      where: { status: "OPEN", unitId: { in: [...privateIds] } },
      select: { unitId: true, roleId: true, hours: true },
    }),
  ]);
  const policy = new Map(agencies.map((a) => [a.id, a.privateSchools]));
  const unitById = new Map(district.units.map((u) => [u.id, u]));
  const asked = new Map<string, number>();
  for (const r of requests)
    asked.set(`${r.unitId}:${r.roleId}`, (asked.get(`${r.unitId}:${r.roleId}`) ?? 0) + r.hours);
  const demand = (load: PrivateNeed) => {
    if (!privateIds.has(load.unitId)) return load.demand;
    const mode = policy.get(unitById.get(load.unitId)?.agencyId ?? -1) ?? "OFF";
    const request = asked.get(`${load.unitId}:${load.roleId}`);
    if (mode === "ON") return Math.max(load.demand, request === undefined ? 0 : load.capacity + request);
    if (mode === "ON_REQUEST" && request !== undefined) return load.capacity + request;
    return 0;
  };
  // A request for a role the school has nobody in and no other need for: a need of its own.
  const loaded = new Set(district.loads.map((load) => `${load.unitId}:${load.roleId}`));
  const extra: PrivateNeed[] = [...asked]
    .filter(([key]) => !loaded.has(key))
    .map(([key]) => {
      const [unitId = 0, roleId = 0] = key.split(":").map(Number);
      return { unitId, roleId, demand: 0, capacity: 0 };
    });
  const planned = new Set(
    [...district.loads, ...extra]
      .filter((load) => privateIds.has(load.unitId) && demand(load) > 0)
      .map((load) => unitById.get(load.unitId)?.code ?? ""),
  );
  if (planned.size === 0) return { units: privateIds, planned, bars, demand, extra };
  const teachers = new Set(district.roles.filter((r) => r.isTeacher).map((r) => r.id));
  const candidates = district.employees.filter(
    (e) => e.status === "AKTIF" && teachers.has(e.roleId) && !privateIds.has(e.unitId),
  );
  // The two years the criteria read, for everyone at once (a province has tens of thousands of teachers).
  const skp = await db.skpRecord.findMany({
    where: { year: { gte: now.getUTCFullYear() - 2 } },
    select: { employeeId: true, year: true, predicate: true },
  });
  const skpOf = new Map<number, Array<{ year: number; predicate: string }>>();
  for (const r of skp) skpOf.set(r.employeeId, [...(skpOf.get(r.employeeId) ?? []), r]);
  for (const e of candidates) {
    const found = redistributionBars({ ...e, skp: skpOf.get(e.id) ?? [] }, now);
    if (found.length > 0) bars.set(e.nip, found);
  }
  return { units: privateIds, planned, bars, demand, extra };
}

/** A unit and role as the private-school rules read it: its need from the district, what it has. */
export interface PrivateNeed {
  unitId: number;
  roleId: number;
  demand: number;
  capacity: number;
}
