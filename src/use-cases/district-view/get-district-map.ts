import type { DbTx } from "../../db/client.ts";
import { readDistrict, type District } from "../../db/read-district.ts";
import { rowsByUnit } from "../../domain/district.ts";
import { viewScope, type Actor } from "../../domain/actor.ts";
import type { DemandSource } from "../../domain/demand.ts";
import { peopleUp } from "../../domain/formasi.ts";
import { roleHoursKind, type HoursKind } from "../../domain/hours.ts";
import { parseProposalMetrics } from "../../domain/proposal-metrics.ts";
import { roleState, unitState, type StaffingState } from "../../domain/staffing-state.ts";
import { flightState, inFlightInScope, stillInFlight, type FlightState } from "./in-flight.ts";

/** One role at one unit, as the Mini App's table and map show it (hours in the role's own unit). */
export interface MapRole {
  code: string;
  name: string;
  hoursUnit: HoursKind;
  need: number;
  /** Active ASN staff. */
  staff: number;
  honorers: number;
  /** Hours the staff and honorers bring. */
  capacity: number;
  /** Σ JJM there, when any is known. */
  hoursTaught: number | null;
  /** Hours nobody covers. */
  shortfall: number;
  /** Need over capacity; null when there is need and nobody to carry it. */
  load: number | null;
  state: StaffingState;
  /** report, rombel, hours_taught, vacancies or assumed (domain/demand.ts). */
  source: DemandSource;
  /** The need in people of the role's standard hours (one decimal). */
  needPeople: number;
  shortPeople: number;
}

export interface MapUnit {
  code: string;
  name: string;
  kind: string;
  agency: string;
  /** Negeri / Swasta, as Dapodik writes it; null for offices. */
  schoolStatus: string | null;
  kecamatan: string | null;
  lat: number | null;
  lon: number | null;
  state: StaffingState;
  needPeople: number;
  shortPeople: number;
  roles: MapRole[];
}

export interface MapMove {
  id: number;
  /** pending (awaiting the team), approved (awaiting the SK), decreed (SK issued, awaiting the TMT). */
  state: FlightState;
  employee: string;
  role: string;
  from: string;
  to: string;
  km: number;
}

/** GET /api/v1/district (docs/web.md). */
export interface DistrictMap {
  version: 1;
  generatedAt: string;
  period: string;
  units: MapUnit[];
  moves: MapMove[];
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const ratio = (need: number, capacity: number) =>
  capacity > 0 ? Math.round((need / capacity) * 100) / 100 : need > 0 ? null : 0;

/**
 * The district as the person may see it (an admin everything, an approver their agency, a head their
 * unit): every unit with its place, state and roles, and the plan in flight as moves between units.
 */
export async function getDistrictMap(
  db: DbTx,
  input: { actor: Actor; now: Date; timeZone: string },
): Promise<DistrictMap> {
  const scope = viewScope(input.actor);
  const district = await readDistrict(db, {
    now: input.now,
    timeZone: input.timeZone,
    ...("agencyId" in scope ? { agencyId: scope.agencyId } : {}),
    ...("unitId" in scope ? { unitId: scope.unitId } : {}),
  });
  const [agencies, proposals] = await Promise.all([
    db.agency.findMany({ select: { id: true, code: true } }),
    // Only what a line on the map shows: a province's 3,628 proposals with their whole employee, units
    // and role took 0.40 s to read, these fields 0.09–0.11 s.
    db.proposal.findMany({
      where: inFlightInScope(scope),
      select: {
        id: true,
        status: true,
        expiresAt: true,
        metrics: true,
        employee: { select: { name: true } },
        role: { select: { name: true } },
        fromUnit: { select: { code: true } },
        toUnit: { select: { code: true } },
      },
      orderBy: { id: "asc" },
    }),
  ]);
  const agencyCode = new Map(agencies.map((a) => [a.id, a.code]));
  const units = mapUnits(district, agencyCode);

  const moves = proposals
    .filter((p) => stillInFlight(p, input.now))
    .map((p): MapMove => ({
      id: p.id,
      state: flightState(p.status),
      employee: p.employee.name,
      role: p.role.name,
      from: p.fromUnit.code,
      to: p.toUnit.code,
      km: parseProposalMetrics(p.metrics).distanceKm,
    }));

  return { version: 1, generatedAt: input.now.toISOString(), period: district.period, units, moves };
}

/** Each unit of the district read with its state and its roles' figures, as the map and the table show them. */
export function mapUnits(district: District, agencyCode: ReadonlyMap<number, string>): MapUnit[] {
  const roles = new Map(district.roles.map((r) => [r.id, r]));
  const loadsOf = rowsByUnit(district.loads);

  return district.units.map((unit): MapUnit => {
    const mapRoles = loadsOf(unit.id).flatMap((l): MapRole[] => {
      const role = roles.get(l.roleId);
      if (!role) return [];
      const standard = role.standardHours;
      return [
        {
          code: role.code,
          name: role.name,
          hoursUnit: roleHoursKind(role),
          need: l.demand,
          staff: l.staff,
          honorers: l.honorers,
          capacity: l.capacity,
          hoursTaught: l.hoursTaught,
          shortfall: l.unmet,
          load: ratio(l.demand, l.capacity),
          state: roleState(l, standard),
          source: l.demandSource,
          needPeople: standard > 0 ? round1(l.demand / standard) : 0,
          shortPeople: peopleUp(l.unmet, standard),
        },
      ];
    });
    return {
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      agency: agencyCode.get(unit.agencyId) ?? "",
      schoolStatus: unit.schoolStatus,
      kecamatan: unit.kecamatan,
      lat: unit.lat,
      lon: unit.lon,
      state: unitState(mapRoles.map((r) => r.state)),
      needPeople: round1(mapRoles.reduce((sum, r) => sum + r.needPeople, 0)),
      shortPeople: mapRoles.reduce((sum, r) => sum + r.shortPeople, 0),
      roles: mapRoles,
    };
  });
}
