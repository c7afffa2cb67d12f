// The last step of the plan in flight (in-flight.ts): a pending move given up while the plan makes it
// again as a new one is kept instead.
import type { Attempt } from "./held-moves.ts";
import type { PlanDropped, PlanInFlight } from "./types.ts";

type MoveLike = Pick<PlanInFlight, "employee" | "to" | "role">;

const nameOf = (move: MoveLike) => `${move.employee}|${move.to}|${move.role}`;

/**
 * The dropped pending moves the plan makes itself, the same person to the same place and role, kept
 * instead (taken out of `dropped`): given up, as no longer needed or replaced, and proposed again as new,
 * the team would decide them twice. A round of `unneeded` drops its moves at once, and one move may be
 * needed only once another dropped with it no longer takes the last arrival a place's cap allows.
 */
export function keptAsMade(
  attempt: Attempt,
  candidates: readonly PlanInFlight[],
  dropped: PlanDropped[],
): Attempt {
  const given = new Set(dropped.map(nameOf));
  const planned = new Set(attempt.plan.moves.map(nameOf));
  const made = new Set(candidates.map(nameOf).filter((name) => given.has(name) && planned.has(name)));
  if (made.size === 0) return attempt;
  const stays = dropped.filter((row) => !made.has(nameOf(row)));
  dropped.splice(0, dropped.length, ...stays);
  return {
    held: [...attempt.held, ...candidates.filter((move) => made.has(nameOf(move)))],
    plan: { ...attempt.plan, moves: attempt.plan.moves.filter((row) => !made.has(nameOf(row))) },
  };
}
