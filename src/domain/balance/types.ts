import type { StageTrace } from "./exact/stage-trace.ts";
/** A work unit (unit kerja: a school, an office); coordinates are optional. */
export interface PlanUnit {
  id: string;
  name: string;
  lat?: number | null;
  lon?: number | null;
  /**
   * v2 only: a school run by the community (sekolah swasta) that may receive ASN teachers
   * (Permendikdasmen 1/2025). Its unmet hours weigh half in severity, so a state school at equal or
   * worse shortfall is filled first (docs/plan-format.md).
   */
  private?: boolean;
}

/** A role (jabatan) such as Guru Kelas SD; `standardHours` is the usual weekly load of one person. */
export interface PlanRole {
  id: string;
  name: string;
  standardHours?: number | null;
}

/** Weekly hours a unit needs in a role; rows for the same unit and role add up. */
export interface PlanDemand {
  unit: string;
  role: string;
  hours: number;
}

/** Why someone may not move (v2): objection, under 2 years in post, near the BUP, a pending proposal. */
export type IneligibleWhy =
  "objection" | "tenure" | "retirement" | "pending" | "inactive" | "rejected" | "other";

/** A civil servant (pegawai, identified by NIP) and the weekly hours they bring. */
export interface PlanEmployee {
  id: string;
  name?: string;
  unit: string;
  role: string;
  hours: number;
  movable: boolean;
  /** v2 only, for `movable: false`: why, so that a shortfall can say whose candidates cannot move. */
  why?: IneligibleWhy | null;
  /** v2 only: said they are willing to move (bersedia, sukarela); tier 5 prefers them. */
  volunteer?: boolean;
  /** v2 only: unit ids they asked to go to (at most a few); tier 6 prefers sending them there. */
  preferredUnits?: string[];
  /** v2 only: unit ids they may not be sent to (a rejection for that school, within its cooldown). */
  excludedUnits?: string[];
}

/**
 * v2 only: a proposal in flight. `committed` (approved, or with an SK, waiting for the TMT) is held
 * fixed; `pending` is where the plan starts from, kept where it is still optimal (the tier after
 * severity). The employee is listed where they are now.
 */
export interface PlanInFlight {
  employee: string;
  to: string;
  role: string;
  state: "pending" | "committed";
}

/** v2 only: a move that took effect within the cap window; it counts against the caps. */
export interface PlanRecentMove {
  employee?: string;
  from: string;
  to: string;
}

/** Why a pending proposal in flight is not in the new plan. */
export type DroppedWhy =
  /** The person can no longer move (retirement near, an objection, left, rejected…). */
  | "ineligible"
  /** The destination no longer needs the person: already filled. */
  | "not_needed"
  /** Not a valid move any more (role, distance, a unit gone). */
  | "invalid"
  /**
   * A cap at its origin or destination is used up by the moves counted since it was proposed (transfers
   * that took effect, committed moves, a cap lowered or a window lengthened), alone or with the pending
   * moves kept.
   */
  | "cap"
  /** The plan does better without it (the district changed). */
  | "replaced";

export interface PlanDropped {
  employee: string;
  to: string;
  role: string;
  why: DroppedWhy;
}

/** A person of role `from` may fill role `to`; every role fills itself without a row. */
export interface PlanCompatibility {
  from: string;
  to: string;
}

/** Bounds on a plan; a missing or null field means no bound. */
export interface PlanPolicy {
  /** Moves in plus moves out of each unit. */
  maxMovesPerUnit?: number | null;
  maxDistanceKm?: number | null;
  maxMoves?: number | null;
  /** v2 only: moves out of each unit. */
  maxMovesOutPerUnit?: number | null;
  /** v2 only: moves into each unit (a school with no teacher may receive more than a school may lose). */
  maxMovesInPerUnit?: number | null;
}

/**
 * Input of the balancing engine: the "Plan format" of DESIGN.md (version 1: unmet hours, moves, km) and
 * "Plan format v2" (unmet hours, shortfall severity, moves, km; in/out caps; `why`), see docs/plan-format.md.
 */
export interface PlanInput {
  version: 1 | 2;
  units: PlanUnit[];
  roles: PlanRole[];
  demand: PlanDemand[];
  employees: PlanEmployee[];
  compatibility: PlanCompatibility[];
  policy: PlanPolicy;
  /** v2 only: the proposals in flight (docs/plan-format.md, "The plan in flight"). */
  inFlight?: PlanInFlight[];
  /** v2 only: moves that took effect within the cap window, counted against the caps. */
  recentMoves?: PlanRecentMove[];
}

/** One proposed transfer (mutasi): `role` is the role the person fills at `to`. */
export interface PlanMove {
  employee: string;
  from: string;
  to: string;
  role: string;
  reason: string;
}

/** How the plan was found and how good it is; see docs/plan-format.md for the JSON contract. */
export interface PlanMetrics {
  unmetBefore: number;
  unmetAfter: number;
  moves: number;
  km: number;
  /** Every tier of the input's version is proven optimal. */
  optimal: boolean;
  seconds: number;
  /**
   * Σ over needs of the unmet hours weighted 1, 2, 4, 8 by the quarter of the need they lie in (v2's
   * second tier; measured for every plan so that plans of both versions compare).
   */
  severityBefore: number;
  severityAfter: number;
  /** Largest unmet / need over all needs > 0 (0 when nothing is short). */
  worstShareBefore: number;
  worstShareAfter: number;
  /**
   * Tiers of the objective proven optimal, in order: v1 1 unmet, 2 moves, 3 km; v2 1 unmet, 2 severity,
   * 3 moves, 4 km. A tier counts only when every earlier one is proven too.
   */
  tiersProven: number[];
  /**
   * When not proved optimal: relative gap of the first objective, (unmetAfter − unmetBound) / unmetAfter.
   * 0 means unmet demand is proved least and only moves or kilometres may still improve.
   */
  gap?: number;
  /** When not proved optimal: a proven lower bound on unmet demand after any valid plan. */
  unmetBound?: number;
  /**
   * "flow": proved by the flow core (every key's movers bring the same hours, the caps do not bind);
   * "exact": the MILP's stages; "greedy": the baseline, or the fallback when no solver finished.
   */
  method: "flow" | "exact" | "greedy";
  /** Movers who said they are willing (v2 tier 5). */
  volunteersMoved: number;
  /** Movers sent to a unit they asked for (v2 tier 6). */
  preferredDestinationsMet: number;
  /**
   * With `inFlight`: the committed moves held fixed, the pending ones kept and dropped, and the
   * district after the committed moves alone ("before" is the district as it is, "after" adds the
   * committed moves and this plan's moves).
   */
  inFlight?: {
    committed: number;
    pendingKept: number;
    pendingDropped: number;
    unmetAfterCommitted: number;
    severityAfterCommitted: number;
  };
}

/** Load of one unit and role: demand / capacity, `null` when there is demand but no capacity. */
export interface PlanRoleLoad {
  role: string;
  demand: number;
  capacityBefore: number;
  capacityAfter: number;
  ratioBefore: number | null;
  ratioAfter: number | null;
  unmetBefore: number;
  unmetAfter: number;
}

/** Load of a unit over all its roles (total demand / total capacity) and per role. */
export interface UnitLoad {
  unit: string;
  demand: number;
  capacityBefore: number;
  capacityAfter: number;
  ratioBefore: number | null;
  ratioAfter: number | null;
  roles: PlanRoleLoad[];
}

/**
 * Why a unit and role is still short after the plan (issue 14), as the engine found it, most binding first:
 * - `no_compatible_supply`: no surplus person of a role that may fill it exists anywhere;
 * - `beyond_distance`: compatible surplus exists, but only farther than `maxDistanceKm`;
 * - `candidates_ineligible`: the only candidates within reach are not movable (objection, under 2 years
 *   in post, within 12 months of retirement, a pending proposal);
 * - `unit_intake_cap`: candidates exist but the unit already receives its `maxMovesInPerUnit` /
 *   `maxMovesPerUnit`;
 * - `origin_cap`: candidates exist but every origin already gives its `maxMovesOutPerUnit` / `maxMovesPerUnit`;
 * - `total_cap`: `maxMoves` is reached;
 * - `supply_exhausted`: every compatible surplus was used elsewhere; this need is for hiring (formasi).
 */
export type ShortfallReason =
  | "no_compatible_supply"
  | "beyond_distance"
  | "candidates_ineligible"
  | "unit_intake_cap"
  | "origin_cap"
  | "total_cap"
  | "supply_exhausted";

/** A unit and role still short after the plan, with its binding reason. */
export interface Shortfall {
  unit: string;
  role: string;
  needHours: number;
  unmetHours: number;
  reason: ShortfallReason;
  /** Candidates the reason is about (ineligible people, capped origins), when it names any. */
  candidates?: number;
  /**
   * For `origin_cap`: the units whose candidates could go but whose caps are used up, the first ten in
   * input order.
   */
  origins?: string[];
  /** For `origin_cap`, when there are more origins than `origins` lists: how many there are. */
  originCount?: number;
  /** For `candidates_ineligible`: how many of them cannot move for each reason given in the input. */
  ineligible?: Partial<Record<IneligibleWhy, number>>;
}

/** Output of `plan`: the contract fields plus per-unit loads for callers that render them. */
export interface Plan {
  moves: PlanMove[];
  metrics: PlanMetrics;
  units: UnitLoad[];
  /** Every unit and role still short, with why (issue 14); absent from plans of engines that do not say. */
  shortfalls?: Shortfall[];
  /** With `inFlight`: the pending proposals this plan does not keep, and why. */
  dropped?: PlanDropped[];
}

export type PlanLocale = "id" | "en";

export interface PlanOptions {
  method?: "exact" | "greedy";
  /** Wall-clock budget of the exact solver over all stages. */
  timeLimitSeconds?: number;
  locale?: PlanLocale;
  /** Told as each step of the exact solver's stages ends (bench/engine-stages.ts). */
  trace?: StageTrace;
  /** false: the MILP alone, without trying the flow core first (benchmarks and tests compare both). */
  flow?: boolean;
  /**
   * Share of the time limit the exact solver keeps back from its last stage, so that pairing the moves
   * it found and writing the plan fit within the limit: 0.1 by default, at most 0.5. planWithin passes
   * 0, since it already ends the engine's clock early by a margin sized for that work.
   */
  reserveShare?: number;
  /**
   * false: no kilometre tier. The moves found are paired at least kilometres but not proved least, and
   * the last tier is never in `tiersProven`. The plan in flight's reference plan answers only for the
   * tiers before it (in-flight.ts).
   */
  kilometres?: boolean;
  /**
   * Moves the pairing of the plan's departures with its arrivals makes first, where the plan's counts
   * allow, before it pairs the rest at least kilometres (unit ids; a pair may come more than once). The
   * plan in flight's reference plan prefers the pending moves: among its many equal plans, the one that
   * keeps most of them.
   */
  preferredPairs?: ReadonlyArray<{ from: string; to: string }>;
}
