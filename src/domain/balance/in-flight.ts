// The plan in flight (DESIGN.md "The plan in flight"; docs/plan-format.md): a check plans the district
// as it is, holds the committed moves fixed and starts from the pending ones, keeping as many of them
// as the first two tiers allow. Tiers with `inFlight`: 1 unmet, 2 severity, 3 most pending kept,
// 4 fewest moves, 5 least km.
import { arrivalNeed, EPSILON } from "./exact/pool-network.ts";
import { referenceAttempt, unneeded, withMovesHeld, worse, type Attempt } from "./held-moves.ts";
import { holdMore, keepWhatFits } from "./held-search.ts";
import { holdTheMost, type HoldTheMost } from "./held-most.ts";
import { keptAsMade } from "./made-again.ts";
import { reserveShare, timeLimitSeconds } from "./time-limits.ts";
import { buildInstance, reachability, type Instance } from "./input/instance.ts";
import { capViolations } from "./output/evaluate.ts";
import { employeeIndex, finish, moveIndex } from "./in-flight-finish.ts";
import type { DroppedWhy, Plan, PlanDropped, PlanInFlight, PlanInput, PlanOptions } from "./types.ts";

export { withMovesHeld } from "./held-moves.ts";

/** One plan of the engine without the in-flight tier (exact or greedy, per the options). */
export type SolveOnce = (instance: Instance, options: PlanOptions, started: number) => Promise<Plan>;

/**
 * Share of the time limit the plan without pending moves (the reference for tiers 1 and 2) may take when
 * plans holding pending moves follow it; with none to hold, it is the plan, and takes all the time. A
 * province's reference takes 12.6–17 s; in the worker, whose engine has 48 s of the check's 60, 40 %
 * (19 s) left severity unproven in two runs of four.
 */
const REFERENCE_SHARE = 0.5;
/** Share of the time limit each further plan with pending moves held may take. */
const ATTEMPT_SHARE = 0.2;

/**
 * Why a pending move cannot be kept before any plan is made, or null when it is a candidate. A cap used
 * up at its origin or destination by the moves counted since (transfers that took effect, committed
 * moves, a cap lowered or a window lengthened) leaves no room for it in any plan. Not needed
 * only where no plan could leave its place short: the hours of those who cannot move cover the demand.
 * A place full as it stands may need the move once others leave it (two science teachers to an SD, a
 * physics teacher to fill their hours): dropped here as not needed, the move came back as a new one.
 * Whether a place still needs it is then the plans' to say (`unneeded`, the model's rows).
 */
function cannotKeep(
  instance: Instance,
  indexOf: ReadonlyMap<string, number>,
  reachable: (from: number, to: number) => boolean,
  move: PlanInFlight,
): DroppedWhy | null {
  const employee = indexOf.get(move.employee) ?? -1;
  const row = instance.input.employees[employee];
  const to = instance.unitIndex.get(move.to);
  const role = instance.roleIndex.get(move.role);
  if (row === undefined || to === undefined || role === undefined) return "invalid";
  if (!row.movable || row.hours <= 0 || (row.excludedUnits ?? []).includes(move.to)) return "ineligible";
  const from = instance.employeeUnit[employee] ?? 0;
  if (from === to || !(instance.targets[instance.employeeRole[employee] ?? 0] ?? []).includes(role))
    return "invalid";
  if (!reachable(from, to)) return "invalid";
  if (capViolations(instance, [{ employee, to, role }]).length > 0) return "cap";
  if (arrivalNeed(instance, to * instance.roleCount + role) <= EPSILON) return "not_needed";
  return null;
}

/**
 * Plans a district with proposals in flight: committed moves fixed, pending ones kept where the first
 * two tiers allow (all of them when that is as good; else as many as the model of `holdMost` finds,
 * and when it finds none in time, those the search of held-search.ts keeps), the rest of the plan
 * solved around them.
 */
export async function planWithInFlight(
  input: PlanInput,
  options: PlanOptions,
  started: number,
  solveOnce: SolveOnce,
  holdMost: HoldTheMost = holdTheMost,
): Promise<Plan> {
  const inFlight = input.inFlight ?? [];
  const committed = inFlight.filter((move) => move.state === "committed");
  const pending = inFlight.filter((move) => move.state === "pending");
  const current = withMovesHeld(input, committed);
  const instance = buildInstance(current);
  const limit = timeLimitSeconds(options) * 1000;
  const deadline = started + limit;
  const budget = (share: number) =>
    Math.max(0.5, Math.min(share * limit, deadline - performance.now()) / 1000);

  const dropped: PlanDropped[] = [];
  const drop = (move: PlanInFlight, why: DroppedWhy) =>
    dropped.push({ employee: move.employee, to: move.to, role: move.role, why });
  const indexOf = employeeIndex(instance);
  const reachable = reachability(instance);
  const candidates = pending.filter((move) => {
    const why = cannotKeep(instance, indexOf, reachable, move);
    if (why !== null) drop(move, why);
    return why === null;
  });

  // With nothing pending to hold, 60 % of the limit went unused: a province's check (50,000 people, 20 s)
  // came back with the greedy plan at 9.7 s, with tier 1 proven at 15.7 s once it had the whole limit.
  // With moves to hold, the reference answers for tiers 1 and 2 (and names the pending moves it makes
  // too); its kilometres are never the plan's, and on a province its kilometre stage took 17–30 s.
  // Among its equal plans, the reference pairs its moves as the pending ones where it can: on a
  // province, pairing at least kilometres alone made a fifth of them (687 of 3,628).
  const preferredPairs = candidates.map((move) => ({
    from: instance.input.employees[indexOf.get(move.employee) ?? -1]?.unit ?? "",
    to: move.to,
  }));
  const reference = await solveOnce(
    instance,
    candidates.length > 0
      ? { ...options, kilometres: false, preferredPairs, timeLimitSeconds: budget(REFERENCE_SHARE) }
      : { ...options, timeLimitSeconds: budget(1) },
    started,
  );
  const solveHolding = async (held: PlanInFlight[]): Promise<Attempt> => ({
    held,
    plan: await solveOnce(
      buildInstance(withMovesHeld(current, held)),
      { ...options, timeLimitSeconds: budget(ATTEMPT_SHARE) },
      performance.now(),
    ),
  });
  const hours = new Map(input.employees.map((row) => [row.id, row.hours]));
  const fits = (held: readonly PlanInFlight[]) =>
    capViolations(
      instance,
      held.map((move) => moveIndex(instance, indexOf, move)),
    ).length === 0;

  // Every kept move must still be needed. Those whose place was filled meanwhile go before the plan is
  // weighed against the reference: held, their people could fill a shortage elsewhere, and the plan
  // holding every proposal would be worse for them alone. All of a round at once: a province's plan
  // takes seconds, and was made again for each such move.
  const withoutUnneeded = async (from: Attempt): Promise<Attempt> => {
    let at = from;
    for (let extra = unneeded(at.plan, at.held, hours); extra.length > 0;) {
      const removed = new Set(extra);
      at = await solveHolding(at.held.filter((move) => !removed.has(move)));
      for (const move of extra) drop(move, "not_needed");
      extra = unneeded(at.plan, at.held, hours);
    }
    return at;
  };
  let attempt: Attempt = { held: [], plan: reference };
  const beforePlans = dropped.length;
  // Tier 3 is proven when every candidate is kept, or when the model proved that no plan as good as the
  // reference keeps more; the search keeps a maximal set.
  let keptMost = false;
  let byRule = false;
  if (candidates.length > 0) {
    const droppedBefore = dropped.length;
    // Each fits its caps alone; together they may not, and then no plan holds them all.
    const holdingAll = fits(candidates) ? await withoutUnneeded(await solveHolding(candidates)) : null;
    if (holdingAll !== null) attempt = holdingAll;
    // Of the pending moves to a place that needs fewer now, the newest gave way in that plan. When it is
    // worse than the reference, the model chooses among all of them (it keeps only moves still needed):
    // the newest may be the one to keep while an older one's person is needed elsewhere, and dropped as
    // no longer needed, it came back as a new move. Those not held at the end are dropped so below.
    const unneededThere = dropped.splice(droppedBefore);
    const gaveWay = new Set(unneededThere.map((row) => row.employee));
    // A plan as good may keep a move the plan found calls no longer needed: it chose, among equal
    // plans, to fill the place another way (a drawn week: a second teacher there stayed, where an
    // equal plan sends him to the SD next door). Only the model says how many can be kept then.
    const asGood = holdingAll !== null && !worse(holdingAll.plan, reference);
    if (!asGood || gaveWay.size > 0) {
      const left = candidates.filter((move) => !gaveWay.has(move.employee));
      // Another plan is solved only with its share of the limit left, and only if that share, and the
      // time left, are as long as the reference took: on a province (reference 11–15 s, a plan's share
      // 9.6 s of the worker's 48) the plan holding the model's choice ran its 9.6 s and came back with
      // nothing proven, and the week's answer was the model's own plan anyway.
      const referenceMs = reference.metrics.seconds * 1000;
      const late = () => {
        const remaining = deadline - performance.now();
        return remaining < ATTEMPT_SHARE * limit || Math.min(ATTEMPT_SHARE * limit, remaining) < referenceMs;
      };
      const search = { current, solveHolding, fits, late };
      // The model may take the time left but the engine's reserve: on a province its LP alone takes
      // 8–13 s, and its own plan is the answer when the plan holding its choice cannot follow.
      const reserve = reserveShare(options) * limit;
      const most =
        options.method === "greedy"
          ? null
          : await holdMost(instance, reference, candidates, {
              ...search,
              options,
              seconds: Math.max(0.5, (deadline - reserve - performance.now()) / 1000),
              ...(asGood && holdingAll !== null ? { known: holdingAll } : {}),
            });
      keptMost = most?.proven ?? false;
      // The model's count may rest on a spare move beside a kept one (a teacher sent away for nothing,
      // so that a proposal to her school is needed again): no plan makes it, and the model answers
      // nothing. The plan holding every proposal then stands, as the rules define tier 3: every kept
      // move needed, the newest giving way (`attempt` is that plan here whenever it was as good).
      byRule = asGood && (most === null || most.attempt.held.length <= attempt.held.length);
      if (!byRule && most === null) attempt = await keepWhatFits(holdingAll, reference, left, search);
      else if (!byRule && most !== null)
        attempt = keptMost ? most.attempt : await holdMore(most.attempt, reference, left, search);
      const before = attempt.held.length;
      attempt = await withoutUnneeded(attempt);
      if (attempt.held.length < before) keptMost = false;
      // Never worse on tiers 1–2 than the reference: on a province, a plan solved with no time left came
      // back with nothing proven (severity 343,718 against the reference's 272,966). The moves dropped
      // since were weighed against the plans given up, so they are not dropped for that reason.
      if (worse(attempt.plan, reference)) {
        dropped.length = droppedBefore;
        attempt = referenceAttempt(reference, current, left);
        keptMost = false;
      }
    }
    // Those no longer needed first, newest first, as they gave way.
    const gone = new Set([...attempt.held, ...dropped].map((row) => row.employee));
    dropped.push(...unneededThere.filter((row) => !gone.has(row.employee)));
    // A move the kept ones leave no room for under a cap gave way to them for the cap's sake.
    for (const move of candidates)
      if (!gone.has(move.employee) && !gaveWay.has(move.employee))
        drop(move, fits([...attempt.held, move]) ? "replaced" : "cap");
  }
  attempt = keptAsMade(attempt, current, candidates, dropped);
  // The plans gave up some pending moves (as no longer needed, the newest first, or for others): which
  // ones was a choice, and another of as many may need fewer moves or kilometres.
  const chosen = dropped.length > beforePlans;
  return finish(input, instance, reference, attempt, {
    committed,
    dropped,
    proofs: { kept: keptMost || byRule || !chosen, chosen },
    started,
    options,
  });
}
