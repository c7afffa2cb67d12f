import type { PlanInput } from "../../../src/domain/balance/index.ts";
import { kmBetween } from "./builders.ts";

export type Move = { employee: string; to: string; role: string };

/**
 * Each person's possible moves: every other unit within the distance bound and not among the units
 * they may not be sent to (v2 `excludedUnits`), in every role they may fill.
 */
function moveOptions(input: PlanInput): Move[][] {
  const { policy } = input;
  const units = new Map(input.units.map((unit) => [unit.id, unit]));
  return input.employees.map((employee) => {
    if (!employee.movable) return [];
    const roles = new Set([
      employee.role,
      ...input.compatibility.filter((row) => row.from === employee.role).map((row) => row.to),
    ]);
    const from = units.get(employee.unit);
    return input.units
      .filter((unit) => unit.id !== employee.unit && !(employee.excludedUnits ?? []).includes(unit.id))
      .filter(
        (unit) =>
          policy.maxDistanceKm == null ||
          from === undefined ||
          kmBetween(from, unit) <= policy.maxDistanceKm + 1e-9,
      )
      .flatMap((unit) => [...roles].map((role) => ({ employee: employee.id, to: unit.id, role })));
  });
}

/**
 * The best plan by enumerating every assignment of every movable person within every bound of the
 * policy (moves in all, per unit, out of and into a unit, counting `recentMoves`): the independent reference the engine's
 * optimum is checked against, on tiny districts only. `better` orders the scores.
 */
export function bestByEnumeration<T>(
  input: PlanInput,
  score: (moves: readonly Move[]) => T,
  better: (a: T, b: T) => boolean,
): T {
  const { policy } = input;
  const options = moveOptions(input);
  // Moves that took effect within the window (v2) count against every cap, as the plan's own.
  const recent = input.version === 2 ? (input.recentMoves ?? []) : [];
  const out = new Map<string, number>();
  const into = new Map<string, number>();
  const get = (map: Map<string, number>, unit: string) => map.get(unit) ?? 0;
  for (const move of recent) {
    out.set(move.from, get(out, move.from) + 1);
    into.set(move.to, get(into, move.to) + 1);
  }
  const chosen: Move[] = [];
  const allowed = (from: string, to: string) =>
    (policy.maxMoves == null || chosen.length + recent.length < policy.maxMoves) &&
    (policy.maxMovesPerUnit == null ||
      (get(out, from) + get(into, from) < policy.maxMovesPerUnit &&
        get(out, to) + get(into, to) < policy.maxMovesPerUnit)) &&
    (policy.maxMovesOutPerUnit == null || get(out, from) < policy.maxMovesOutPerUnit) &&
    (policy.maxMovesInPerUnit == null || get(into, to) < policy.maxMovesInPerUnit);
  let best = score([]);
  const visit = (index: number): void => {
    if (index === options.length) {
      const candidate = score(chosen);
      if (better(candidate, best)) best = candidate;
      return;
    }
    visit(index + 1);
    const home = input.employees[index]?.unit ?? "";
    for (const move of options[index] ?? []) {
      if (!allowed(home, move.to)) continue;
      chosen.push(move);
      out.set(home, get(out, home) + 1);
      into.set(move.to, get(into, move.to) + 1);
      visit(index + 1);
      out.set(home, get(out, home) - 1);
      into.set(move.to, get(into, move.to) - 1);
      chosen.pop();
    }
  };
  visit(0);
  return best;
}
