import type { LpResult, SolverSession, StageResult } from "./highs-session.ts";
import { boundOnStep } from "./lattice.ts";

export type { Stage, StageStep, StageTrace } from "./stage-trace.ts";
import type { Stage, StageStep, StageTrace } from "./stage-trace.ts";

/**
 * Unmet demand, severity and moves must be exact: hours are often whole numbers, so HiGHS's default
 * 0.01 % gap could stop one person short. Kilometres only need to be right to the metre.
 */
export const RELATIVE_GAP: Record<Stage, number> = { unmet: 0, severity: 0, moves: 0, km: 1e-7 };

/**
 * Unmet demand (and severity) kept at its optimum in later stages, with room for rounding only: the
 * bound is tight by construction, and HiGHS's presolve can declare a row with less room than its
 * tolerances infeasible. With `step` (the data on lattice.ts's lattice) every sum is exact in binary
 * floating point and the room is absolute. Room relative to the value loosens the later stages' LP
 * bounds: on L, 2.7·10⁻⁴ of severity let the kilometre LP save 6 m that no plan can, and the tier was
 * never proven.
 */
export function unmetLimit(unmet: number, step: number | null): number {
  return unmet + 1e-6 + (step === null ? 1e-9 * Math.abs(unmet) : 0);
}

/** Kilometres are proved to the metre, as the flow core proves them to the centimetre. */
const KM_GRANULARITY = 1e-3;

/** What the solver's LP objective may be off by, per objective (kilometres: a metre). */
export function toleranceOf(stage: Stage, bound: number): number {
  if (stage === "unmet" || stage === "severity") return 1e-6 + 1e-9 * Math.abs(bound);
  const relative = 1e-7 * Math.max(1, Math.abs(bound));
  return stage === "km" ? Math.max(KM_GRANULARITY, relative) : relative;
}

/**
 * Whether an integral solution reaches a proven lower bound, within each objective's granularity; with
 * a lattice `step` (lattice.ts) the bound first rounds up to it.
 */
function reachesBound(stage: Stage, objective: number, bound: number, step: number | null): boolean {
  if (stage === "moves") return Math.round(objective) <= Math.ceil(bound - 1e-6);
  const tolerance = toleranceOf(stage, bound);
  return objective <= boundOnStep(bound, tolerance, step) + tolerance;
}

/**
 * How many times the stage's LP time must be left for branch and bound on the whole model. Its root
 * solves the LP again from nothing, on the presolved model, before HiGHS first looks at its clock: on
 * L with mixed hours (severity's LP 18 s, 27 s left) it came back after 41 s, 14 s past the limit, with
 * a plan worse than the one it started from.
 */
const BRANCH_AND_BOUND_LPS = 2;

/**
 * One objective: the LP relaxation first (optimal when its vertex is integral), then branch and bound
 * around its fractional units (optimal when it reaches the LP bound), then the full branch and bound.
 */
export function solveStage(
  session: SolverSession,
  stage: Stage,
  start?: Float64Array,
  relaxation: LpResult | null = session.solveRelaxation(),
  trace?: StageTrace,
  /** The step the objective moves in at integral plans, when the data has one (lattice.ts). */
  step: number | null = null,
  /** Seconds the stage's LP took: branch and bound on the whole model starts only with more time left. */
  lpSeconds = 0,
): StageResult | null {
  const gap = RELATIVE_GAP[stage];
  const search = () => session.remainingSeconds() > BRANCH_AND_BOUND_LPS * lpSeconds;
  const tell = (
    step: StageStep["step"],
    result: { objective: number; bound: number; optimal: boolean } | null,
  ) =>
    trace?.({
      stage,
      step,
      objective: result?.objective ?? null,
      bound: result?.bound ?? null,
      optimal: result?.optimal ?? false,
      at: performance.now(),
    });
  const startBranchAndBound = () =>
    trace?.({
      stage,
      step: "model",
      objective: null,
      bound: null,
      optimal: false,
      at: performance.now(),
      mps: () => session.exportMps(),
    });
  if (relaxation === null) {
    if (!search()) return null;
    startBranchAndBound();
    const full = session.solveInteger(gap, start);
    tell("branch-and-bound", full);
    return full;
  }
  const bound = relaxation.objective;
  tell("lp", { objective: bound, bound, optimal: relaxation.integral });
  if (relaxation.integral) return { values: relaxation.values, optimal: true, bound, objective: bound };
  // Where branch and bound cannot follow, the neighbourhood is the last search: it may take as long as
  // a quarter of the stage's LP, not only a quarter of the time left.
  const local = session.solveNeighbourhood(
    relaxation.values,
    session.fractionalUnits(relaxation.values),
    gap,
    search() ? 0 : lpSeconds / 4,
  );
  const localReaches = local !== null && reachesBound(stage, local.objective, bound, step);
  tell("neighbourhood", local && { objective: local.objective, bound, optimal: localReaches });
  if (local !== null && localReaches) return { ...local, optimal: true, bound };
  if (!search()) return local && { ...local, optimal: false, bound };
  startBranchAndBound();
  const full = session.solveInteger(gap, local?.values ?? start);
  tell("branch-and-bound", full && { ...full, bound: Math.max(bound, full.bound) });
  const best = full ?? local;
  if (best === null) return null;
  return { ...best, optimal: full?.optimal ?? false, bound: Math.max(bound, full?.bound ?? -Infinity) };
}
