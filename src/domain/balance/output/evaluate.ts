import { distanceKm, reachability, type Instance } from "../input/instance.ts";

/** A move by indices: employee, destination unit, role filled there. */
export interface MoveIndex {
  employee: number;
  to: number;
  role: number;
}

export interface Evaluation {
  unmetBefore: number;
  unmetAfter: number;
  km: number;
  capacityAfter: Float64Array;
}

/** Sum over (unit, role) of demand not covered by the capacity assigned there. */
export function unmetDemand(instance: Instance, capacity: Float64Array): number {
  let unmet = 0;
  for (let key = 0; key < instance.demand.length; key++) {
    unmet += Math.max(0, (instance.demand[key] ?? 0) - (capacity[key] ?? 0));
  }
  return unmet;
}

/** Capacity after the moves: each person leaves their own role and fills one role elsewhere. */
export function capacityAfterMoves(instance: Instance, moves: readonly MoveIndex[]): Float64Array {
  const capacity = Float64Array.from(instance.base);
  for (const move of moves) {
    const hours = instance.input.employees[move.employee]?.hours ?? 0;
    const fromKey =
      (instance.employeeUnit[move.employee] ?? 0) * instance.roleCount +
      (instance.employeeRole[move.employee] ?? 0);
    capacity[fromKey] = (capacity[fromKey] ?? 0) - hours;
    const toKey = move.to * instance.roleCount + move.role;
    capacity[toKey] = (capacity[toKey] ?? 0) + hours;
  }
  return capacity;
}

export function evaluateMoves(instance: Instance, moves: readonly MoveIndex[]): Evaluation {
  const capacityAfter = capacityAfterMoves(instance, moves);
  const km = moves.reduce(
    (sum, move) => sum + distanceKm(instance, instance.employeeUnit[move.employee] ?? 0, move.to),
    0,
  );
  return {
    unmetBefore: unmetDemand(instance, instance.base),
    unmetAfter: unmetDemand(instance, capacityAfter),
    km,
    capacityAfter,
  };
}

/** Rules every plan must keep; an engine that breaks one has a bug, so the caller refuses the plan. */
export function policyViolations(instance: Instance, moves: readonly MoveIndex[]): string[] {
  const reachable = reachability(instance);
  const problems: string[] = [];
  const moved = new Set<number>();
  const perUnit = new Map<number, number>();
  const count = (unit: number) => perUnit.set(unit, (perUnit.get(unit) ?? 0) + 1);
  for (const move of moves) {
    const employee = instance.input.employees[move.employee];
    const from = instance.employeeUnit[move.employee] ?? 0;
    const role = instance.employeeRole[move.employee] ?? 0;
    if (employee === undefined || !employee.movable) problems.push(`employee #${move.employee} cannot move`);
    if (moved.has(move.employee)) problems.push(`employee #${move.employee} moves twice`);
    if (!(instance.targets[role] ?? []).includes(move.role))
      problems.push(`employee #${move.employee} cannot fill role #${move.role}`);
    if (!reachable(from, move.to)) problems.push(`employee #${move.employee} cannot reach unit #${move.to}`);
    moved.add(move.employee);
    count(from);
    count(move.to);
  }
  for (const [unit, moves] of perUnit) {
    if (moves > instance.maxMovesPerUnit) problems.push(`unit #${unit} has ${moves} moves`);
  }
  if (moves.length > instance.maxMoves) problems.push(`${moves.length} moves in total`);
  return problems;
}
