import { countWishesMet, evaluateMoves, policyViolations, type MoveIndex } from "./evaluate.ts";
import { readWishes, wishesMet } from "./choose-people.ts";
import type { Instance } from "../input/instance.ts";
import { computeUnitLoads } from "./unit-loads.ts";
import { reasonWriter } from "./reasons.ts";
import { findShortfalls } from "./shortfalls.ts";
import type { Plan, PlanLocale, PlanMetrics, PlanMove, UnitLoad } from "../types.ts";

export interface SolveSummary {
  method: PlanMetrics["method"];
  /** Tiers proven optimal, in order (empty for the greedy baseline). */
  tiersProven: number[];
  /** Proven lower bound on unmet demand after the plan, when the solver gave one. */
  unmetBound?: number;
  started: number;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function describeMoves(
  instance: Instance,
  moves: readonly MoveIndex[],
  locale: PlanLocale,
): { moves: PlanMove[]; units: UnitLoad[] } {
  const { input } = instance;
  const bare = moves.map((move) => ({
    employee: input.employees[move.employee]?.id ?? "",
    from: input.units[instance.employeeUnit[move.employee] ?? 0]?.id ?? "",
    to: input.units[move.to]?.id ?? "",
    role: input.roles[move.role]?.id ?? "",
  }));
  const units = computeUnitLoads(input, bare);
  const loadOf = new Map(units.map((load) => [load.unit, load]));
  const write = reasonWriter(locale);
  const wishes = readWishes(instance);
  const described = bare.map((move, index) => {
    const target = moves[index];
    const key = (target?.to ?? 0) * instance.roleCount + (target?.role ?? 0);
    const reason = write({
      role: input.roles[target?.role ?? 0]?.name ?? move.role,
      from: {
        name: input.units[instance.employeeUnit[target?.employee ?? 0] ?? 0]?.name ?? move.from,
        load: loadOf.get(move.from),
      },
      to: { name: input.units[target?.to ?? 0]?.name ?? move.to, load: loadOf.get(move.to) },
      shortageBefore: (instance.demand[key] ?? 0) - (instance.base[key] ?? 0),
      hours: input.employees[target?.employee ?? 0]?.hours ?? 0,
      ...(target === undefined ? {} : wishesMet(wishes, target)),
    });
    return { ...move, reason };
  });
  described.sort(
    (a, b) => compareText(a.from, b.from) || compareText(a.to, b.to) || compareText(a.employee, b.employee),
  );
  return { moves: described, units };
}

/** Checks the moves, measures them and writes their reasons: the one way every method makes a Plan. */
export function assemblePlan(
  instance: Instance,
  moves: readonly MoveIndex[],
  summary: SolveSummary,
  locale: PlanLocale,
): Plan {
  const problems = policyViolations(instance, moves);
  if (problems.length > 0)
    throw new Error(`balancing engine produced an invalid plan: ${problems.join("; ")}`);
  const evaluation = evaluateMoves(instance, moves);
  const { moves: described, units } = describeMoves(instance, moves, locale);
  const unmetAfter = round(evaluation.after.unmet, 6);
  const optimal = summary.tiersProven.length === (instance.version === 2 ? 4 : 3);
  const metrics: PlanMetrics = {
    unmetBefore: round(evaluation.before.unmet, 6),
    unmetAfter,
    moves: moves.length,
    km: round(evaluation.km, 1),
    optimal,
    seconds: 0,
    severityBefore: round(evaluation.before.severity, 6),
    severityAfter: round(evaluation.after.severity, 6),
    worstShareBefore: round(evaluation.before.worstShare, 6),
    worstShareAfter: round(evaluation.after.worstShare, 6),
    tiersProven: summary.tiersProven,
    method: summary.method,
    ...countWishesMet(instance, moves),
  };
  if (!optimal && summary.unmetBound !== undefined) {
    const bound = Math.min(unmetAfter, summary.unmetBound);
    metrics.gap = unmetAfter > 0 ? round((unmetAfter - bound) / unmetAfter, 6) : 0;
    metrics.unmetBound = round(bound, 6);
  }
  const shortfalls = findShortfalls(instance, moves, evaluation.capacityAfter);
  metrics.seconds = round((performance.now() - summary.started) / 1000, 3);
  return { moves: described, metrics, units, shortfalls };
}
