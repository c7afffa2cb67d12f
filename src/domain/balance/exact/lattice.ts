import type { Instance } from "../input/instance.ts";
import type { Stage } from "./stage-trace.ts";

/** Hours are eighths of an hour or coarser in every file the district makes (24, 37.5, 12.5 …). */
const EIGHTH = 1 / 8;

const onLattice = (value: number, step: number) => Math.abs(value / step - Math.round(value / step)) < 1e-9;

/**
 * The step every plan's objective moves in, when the data allows one (issue 30): with every need and
 * every person's hours a multiple of ⅛ hour, unmet demand is a multiple of ⅛ and severity — quarters
 * of a need (1/32), integer weights, a private unit's ½ — of 1/64. A proven LP bound then rounds up to
 * the next step, and an integral plan on it is optimal without branch and bound. Null when some value
 * is off the lattice (or for moves, already whole, and kilometres, which have none).
 */
export function objectiveStep(instance: Instance, stage: Stage): number | null {
  if (stage !== "unmet" && stage !== "severity") return null;
  const hours = [...instance.demand, ...instance.input.employees.map((e) => e.hours)];
  if (!hours.every((value) => onLattice(value, EIGHTH))) return null;
  return stage === "unmet" ? EIGHTH : EIGHTH / 8;
}

/** The bound rounded up to the step (after the solver's tolerance is taken off). */
export function boundOnStep(bound: number, tolerance: number, step: number | null): number {
  if (step === null) return bound;
  return Math.max(bound, Math.ceil((bound - tolerance) / step - 1e-9) * step);
}
