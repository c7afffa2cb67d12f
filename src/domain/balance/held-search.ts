// The search for the pending moves to keep when the model of held-most.ts has no answer in time
// (in-flight.ts): plans holding sets of pending moves, weighed against the reference.
import { realizedBy, referenceAttempt, suspects, worse, type Attempt } from "./held-moves.ts";
import type { Plan, PlanInFlight, PlanInput } from "./types.ts";

/**
 * What the search needs: the district, a plan holding given moves, whether those moves keep the caps
 * together (with the moves already counted), and whether time is up.
 */
export interface Search {
  current: PlanInput;
  solveHolding: (held: PlanInFlight[]) => Promise<Attempt>;
  fits: (held: readonly PlanInFlight[]) => boolean;
  late: () => boolean;
}

/**
 * The plan holding those of `left` that are in any of `sets` (in the order of `left`); null when they
 * break a cap together (since the last check a transfer took effect, a cap was lowered or the window
 * lengthened), so that no plan can hold them all.
 */
function holdingOf(left: readonly PlanInFlight[], search: Search) {
  return async (...sets: Iterable<PlanInFlight>[]): Promise<Attempt | null> => {
    const held = new Set(sets.flatMap((set) => [...set]));
    const chosen = left.filter((move) => held.has(move));
    return search.fits(chosen) ? search.solveHolding(chosen) : null;
  };
}

/** The attempt when it exists (it kept the caps) and is as good on tiers 1–2 as the reference. */
const asGoodAs = (attempt: Attempt | null, reference: Plan): Attempt | null =>
  attempt !== null && !worse(attempt.plan, reference) ? attempt : null;

/**
 * When the plan holding every pending move is worse than the reference: the plan holding as many as
 * still fit, found move by move. While there is time, first without the suspect moves (`suspects`); if
 * that is still worse, with only those the reference makes too (it pairs its moves as the pending ones
 * where it can, and the plan holding them makes more of the others again). When that is worse too, or
 * time is short, the reference holding the ones it makes (`referenceAttempt`, no plan solved again: on
 * a province such a plan took 8–10 s, and came back with nothing proven when it started late). Then,
 * all at once, those the plan found makes itself again (holding them leaves it as it is); then each
 * other one, while it fits and time allows. On M with ten schools hiring a teacher each, starting
 * from the reference's moves and trying the others one at a time kept 132 of 366 proposals within the
 * check's 20 s; this keeps 360.
 */
export async function keepWhatFits(
  holdingAll: Attempt | null,
  reference: Plan,
  left: readonly PlanInFlight[],
  context: Search,
): Promise<Attempt> {
  const { current, late } = context;
  const holding = holdingOf(left, context);
  let attempt: Attempt | null = null;
  const suspect =
    holdingAll === null ? new Set() : suspects(holdingAll.plan, reference, holdingAll.held, current);
  if (suspect.size > 0 && !late()) attempt = await holding(left.filter((move) => !suspect.has(move)));
  if (asGoodAs(attempt, reference) === null && !late())
    attempt = await holding(realizedBy(reference, current, left));
  const found = asGoodAs(attempt, reference) ?? referenceAttempt(reference, current, left);
  return holdMore(found, reference, left, context);
}

/**
 * From a plan as good as the reference, more of the pending moves `left`: all at once, those the plan
 * makes itself again (holding them leaves it as it is), then each other one, while it fits and time
 * allows.
 */
export async function holdMore(
  from: Attempt,
  reference: Plan,
  left: readonly PlanInFlight[],
  context: Search,
): Promise<Attempt> {
  const { current, late } = context;
  const holding = holdingOf(left, context);
  const notHeld = (attempt: Attempt) => {
    const held = new Set(attempt.held);
    return left.filter((move) => !held.has(move));
  };
  let attempt = from;
  for (let back = realizedBy(attempt.plan, current, notHeld(attempt)); back.length > 0 && !late();) {
    const trial = asGoodAs(await holding(attempt.held, back), reference);
    if (trial === null) break;
    attempt = trial;
    back = realizedBy(attempt.plan, current, notHeld(attempt));
  }
  for (const extra of notHeld(attempt)) {
    if (late()) break;
    attempt = asGoodAs(await holding(attempt.held, [extra]), reference) ?? attempt;
  }
  return attempt;
}
