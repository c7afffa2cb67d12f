// The last step of the plan in flight (in-flight.ts): a pending move given up while the plan makes it
// again as a new one is kept instead.
import { realizedBy, type Attempt } from "./held-moves.ts";
import type { PlanDropped, PlanInFlight, PlanInput } from "./types.ts";

/**
 * The dropped pending moves the plan makes itself, the same person to the same place and role
 * (`realizedBy`, with each person like only themselves), kept instead and taken out of `dropped`: given
 * up, as no longer needed or replaced, and proposed again as new, the team would decide them twice. A
 * round of `unneeded` drops its moves at once, and one move may be needed only once another dropped with
 * it no longer takes the last arrival a place's cap allows.
 */
export function keptAsMade(
  attempt: Attempt,
  input: PlanInput,
  candidates: readonly PlanInFlight[],
  dropped: PlanDropped[],
): Attempt {
  const given = new Set(dropped.map((row) => row.employee));
  const self = (employee: string) => employee;
  const made = realizedBy(
    attempt.plan,
    input,
    candidates.filter((move) => given.has(move.employee)),
    self,
  );
  if (made.length === 0) return attempt;
  const movers = new Set(made.map((move) => move.employee));
  dropped.splice(0, dropped.length, ...dropped.filter((row) => !movers.has(row.employee)));
  return {
    held: [...attempt.held, ...made],
    plan: { ...attempt.plan, moves: attempt.plan.moves.filter((move) => !movers.has(move.employee)) },
  };
}
