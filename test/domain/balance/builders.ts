import type {
  Plan,
  PlanDemand,
  PlanEmployee,
  PlanInput,
  PlanMove,
  PlanRole,
  PlanUnit,
} from "../../../src/domain/balance/index.ts";

let sequence = 0;

/** An 18-digit NIP; distinct per call unless a number is given. */
export function nip(number = ++sequence): string {
  return `198501012010${String(number).padStart(6, "0")}`;
}

export function makeUnit(overrides: Partial<PlanUnit> & { id: string }): PlanUnit {
  return { name: `Unit ${overrides.id}`, lat: -8.4, lon: 140.4, ...overrides };
}

export function makeRole(overrides: Partial<PlanRole> & { id: string }): PlanRole {
  return { name: `Role ${overrides.id}`, standardHours: 24, ...overrides };
}

export function makeEmployee(
  overrides: Partial<PlanEmployee> & { unit: string; role: string },
): PlanEmployee {
  return { id: nip(), name: "Pegawai", hours: 24, movable: true, ...overrides };
}

export function makeDemand(unit: string, role: string, hours: number): PlanDemand {
  return { unit, role, hours };
}

export function makeInput(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    version: 1,
    units: [],
    roles: [makeRole({ id: "GURU_KELAS" }), makeRole({ id: "GURU_IPA" })],
    demand: [],
    employees: [],
    compatibility: [],
    policy: {},
    ...overrides,
  };
}

/** A point `km` kilometres east of (lat, lon) along the parallel, close enough for tests. */
export function east(lat: number, lon: number, km: number): { lat: number; lon: number } {
  return { lat, lon: lon + km / (111.195 * Math.cos((lat * Math.PI) / 180)) };
}

/** Great-circle distance written independently of the engine, so tests do not check it against itself. */
export function kmBetween(a: PlanUnit, b: PlanUnit): number {
  if (a.lat == null || a.lon == null || b.lat == null || b.lon == null) return 0;
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface Outcome {
  unmetBefore: number;
  unmetAfter: number;
  moves: number;
  km: number;
}

type MoveLike = Pick<PlanMove, "employee" | "to" | "role">;

/** Unmet demand before and after moves, and their kilometres, computed from the contract alone. */
export function evaluate(input: PlanInput, moves: readonly MoveLike[]): Outcome {
  const capacity = new Map<string, number>();
  const add = (unit: string, role: string, hours: number) =>
    capacity.set(`${unit}|${role}`, (capacity.get(`${unit}|${role}`) ?? 0) + hours);
  for (const employee of input.employees) add(employee.unit, employee.role, employee.hours);
  const demand = new Map<string, number>();
  for (const row of input.demand)
    demand.set(`${row.unit}|${row.role}`, (demand.get(`${row.unit}|${row.role}`) ?? 0) + row.hours);
  const unmet = () =>
    [...demand].reduce((sum, [key, hours]) => sum + Math.max(0, hours - (capacity.get(key) ?? 0)), 0);
  const unmetBefore = unmet();
  const employees = new Map(input.employees.map((employee) => [employee.id, employee]));
  const units = new Map(input.units.map((unit) => [unit.id, unit]));
  let km = 0;
  for (const move of moves) {
    const employee = employees.get(move.employee);
    if (employee === undefined) throw new Error(`unknown employee ${move.employee}`);
    add(employee.unit, employee.role, -employee.hours);
    add(move.to, move.role, employee.hours);
    const from = units.get(employee.unit);
    const to = units.get(move.to);
    if (from !== undefined && to !== undefined) km += kmBetween(from, to);
  }
  return { unmetBefore, unmetAfter: unmet(), moves: moves.length, km };
}

/**
 * Every rule of the contract a plan can break, as readable problems (empty when valid). The caps count
 * the moves already made (v2 `recentMoves`, committed moves in flight) and the plan's; where those made
 * already exceed a cap, the plan may add none there.
 */
export function violations(input: PlanInput, moves: readonly PlanMove[]): string[] {
  const problems: string[] = [];
  const employees = new Map(input.employees.map((employee) => [employee.id, employee]));
  const units = new Map(input.units.map((unit) => [unit.id, unit]));
  const compatible = new Set(input.compatibility.map((row) => `${row.from}|${row.to}`));
  const seen = new Set<string>();
  for (const move of moves) {
    const employee = employees.get(move.employee);
    if (employee === undefined) {
      problems.push(`${move.employee} is unknown`);
      continue;
    }
    if (!employee.movable) problems.push(`${move.employee} is not movable`);
    if (seen.has(move.employee)) problems.push(`${move.employee} moves twice`);
    seen.add(move.employee);
    if (move.from !== employee.unit) problems.push(`${move.employee} does not work at ${move.from}`);
    if (move.to === employee.unit) problems.push(`${move.employee} stays in ${move.to}`);
    if ((employee.excludedUnits ?? []).includes(move.to))
      problems.push(`${move.employee} may not be sent to ${move.to}`);
    if (move.role !== employee.role && !compatible.has(`${employee.role}|${move.role}`)) {
      problems.push(`${move.employee} (${employee.role}) cannot fill ${move.role}`);
    }
    const from = units.get(employee.unit);
    const to = units.get(move.to);
    if (to === undefined || from === undefined) problems.push(`${move.to} is unknown`);
    else if (input.policy.maxDistanceKm != null && kmBetween(from, to) > input.policy.maxDistanceKm + 1e-6) {
      problems.push(`${move.employee} moves ${kmBetween(from, to)} km`);
    }
  }
  return [...problems, ...capsBroken(input, moves)];
}

function capsBroken(input: PlanInput, moves: readonly PlanMove[]): string[] {
  const { policy } = input;
  const employees = new Map(input.employees.map((employee) => [employee.id, employee]));
  const made = [
    ...(input.version === 2 ? (input.recentMoves ?? []) : []),
    ...(input.inFlight ?? [])
      .filter((move) => move.state === "committed")
      .map((move) => ({ from: employees.get(move.employee)?.unit ?? "", to: move.to })),
  ];
  const count = (list: ReadonlyArray<{ from: string; to: string }>, unit: string) => ({
    out: list.filter((move) => move.from === unit).length,
    in: list.filter((move) => move.to === unit).length,
  });
  const over = (cap: number | null | undefined, already: number, added: number) =>
    added > 0 && cap != null && already + added > cap;
  const problems: string[] = [];
  for (const unit of new Set(moves.flatMap((move) => [move.from, move.to]))) {
    const [before, plan] = [count(made, unit), count(moves, unit)];
    if (over(policy.maxMovesPerUnit, before.out + before.in, plan.out + plan.in))
      problems.push(`${unit} has ${before.out + before.in + plan.out + plan.in} moves`);
    if (over(policy.maxMovesOutPerUnit, before.out, plan.out))
      problems.push(`${unit} has ${before.out + plan.out} moves out`);
    if (over(policy.maxMovesInPerUnit, before.in, plan.in))
      problems.push(`${unit} has ${before.in + plan.in} moves in`);
  }
  if (over(policy.maxMoves, made.length, moves.length)) problems.push(`${moves.length} moves in total`);
  return problems;
}

/** The plan's metrics agree with its moves as the contract defines them. */
export function expectConsistent(input: PlanInput, plan: Plan): Outcome {
  const outcome = evaluate(input, plan.moves);
  const close = (a: number, b: number, tolerance: number) => Math.abs(a - b) <= tolerance;
  if (!close(outcome.unmetBefore, plan.metrics.unmetBefore, 1e-6)) throw new Error("unmetBefore disagrees");
  if (!close(outcome.unmetAfter, plan.metrics.unmetAfter, 1e-6)) throw new Error("unmetAfter disagrees");
  if (outcome.moves !== plan.metrics.moves) throw new Error("moves disagree");
  if (!close(outcome.km, plan.metrics.km, 0.051)) throw new Error("km disagrees");
  return outcome;
}

/** Units U0, U1… at places given in km east and north of Salor (null: no coordinates). */
export function unitsAt(places: ReadonlyArray<readonly [number, number] | null>): PlanUnit[] {
  return places.map((place, index) =>
    makeUnit({
      id: `U${index}`,
      ...(place === null
        ? { lat: null, lon: null }
        : { lat: -8.4 + place[1] / 111.2, lon: 140.4 + place[0] / 110 }),
    }),
  );
}
