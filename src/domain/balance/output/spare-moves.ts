import { severityScaleOf, type Instance } from "../input/instance.ts";
import { severityOf } from "../severity.ts";
import { capacityAfterMoves, type MoveIndex } from "./evaluate.ts";

/** Unmet hours and severity of one (unit, role) at a capacity. */
function shortageAt(instance: Instance, key: number, capacity: number): { unmet: number; severity: number } {
  const need = instance.demand[key] ?? 0;
  const unmet = Math.max(0, need - capacity);
  return { unmet, severity: need > 0 ? severityOf(unmet, need, severityScaleOf(instance, key)) : 0 };
}

/**
 * `moves` without those it can do without: each move whose person, staying, leaves unmet hours and
 * severity no higher (the place it fills is full without them, and home is no worse for them), undone
 * one at a time until none is left. Fewer moves, the first two tiers as they were: a plan found for
 * another tier (the most pending moves kept, held-most.ts) may carry moves its own tier did not weigh.
 */
export function withoutSpareMoves(instance: Instance, moves: readonly MoveIndex[]): MoveIndex[] {
  const capacity = capacityAfterMoves(instance, moves);
  const tolerance = 1e-9;
  let kept = [...moves];
  for (let changed = true; changed;) {
    changed = false;
    kept = kept.filter((move) => {
      const hours = instance.input.employees[move.employee]?.hours ?? 0;
      const from =
        (instance.employeeUnit[move.employee] ?? 0) * instance.roleCount +
        (instance.employeeRole[move.employee] ?? 0);
      const to = move.to * instance.roleCount + move.role;
      const now = [
        shortageAt(instance, from, capacity[from] ?? 0),
        shortageAt(instance, to, capacity[to] ?? 0),
      ];
      const undone = [
        shortageAt(instance, from, (capacity[from] ?? 0) + hours),
        shortageAt(instance, to, (capacity[to] ?? 0) - hours),
      ];
      const sum = (pair: typeof now, field: "unmet" | "severity") =>
        (pair[0]?.[field] ?? 0) + (pair[1]?.[field] ?? 0);
      const spare =
        sum(undone, "unmet") <= sum(now, "unmet") + tolerance &&
        sum(undone, "severity") <= sum(now, "severity") + tolerance;
      if (!spare) return true;
      capacity[from] = (capacity[from] ?? 0) + hours;
      capacity[to] = (capacity[to] ?? 0) - hours;
      changed = true;
      return false;
    });
  }
  return kept;
}
