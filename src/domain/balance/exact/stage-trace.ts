// What a stage of the exact engine reports as it goes (types only, so the plan's types can name them).
export type Stage = "unmet" | "severity" | "moves" | "km";

/** One step of a stage as it ends, for benchmarks: where the time goes and how far the bound is. */
export interface StageStep {
  /** "flow": the flow core, before the MILP (one step: what it proved, or why it gave up). */
  stage: Stage | "flow";
  /** "model": branch and bound on the whole model starts now (objective and bound are null). */
  step:
    | "lp"
    | "neighbourhood"
    | "model"
    | "branch-and-bound"
    /** Kilometres: branch and bound again, with every arc that could beat its gap priced in. */
    | "proof"
    /** The flow core (stage "flow") proved every tier, or left the problem to the MILP and why. */
    | "proven"
    | "mixed-hours"
    | "caps"
    | "time";
  /** Objective of the step's solution (null: none found). */
  objective: number | null;
  /** Proven lower bound after the step. */
  bound: number | null;
  optimal: boolean;
  /** performance.now() when the step ended. */
  at: number;
  /**
   * "model" only: that model as MPS, to measure other solvers on exactly what this one solves. Call it
   * while the step is told: branch and bound changes the model next, and frees it at the end.
   */
  mps?: () => Uint8Array;
}

export type StageTrace = (step: StageStep) => void;
