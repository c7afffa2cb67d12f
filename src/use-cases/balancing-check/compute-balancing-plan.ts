import type { DbTx } from "../../db/client.ts";
import { buildPlanInput, readFlightPolicy, type Redistribution } from "../../db/build-plan-input.ts";
import type { CheckShortfall } from "../../messages/balancing-alert.ts";
import type { District } from "../../db/read-district.ts";
import { getBlackouts } from "../../db/settings.ts";
import { approvalFrozenOn, type Blackout } from "../../domain/blackout.ts";
import type { Plan, PlanInput } from "../../domain/balance/index.ts";
import { planRemembered, type PlanMemo } from "../../engine/plan-memo.ts";
import type { Clock } from "../../domain/clock.ts";
import { localDate } from "../../domain/time.ts";

/** Beyond this many people, a district is planned as a province: longer limits (and the what-if's own). */
export const PROVINCE_PEOPLE = 10_000;

/**
 * How many people a check would plan, when they are more than a district's (PROVINCE_PEOPLE); null for
 * a district. The bot runs a province's check, formasi and what-if beside its update loop
 * (bot/province-work.ts).
 */
export async function provincePeople(db: DbTx): Promise<number | null> {
  const people = await db.employee.count({ where: { status: { not: "PENSIUN" } } });
  return people > PROVINCE_PEOPLE ? people : null;
}

/**
 * The engine's time limit for a check. Salor (about 400 people) is proved optimal in a fraction of a
 * second, and a district of 5,000 in 1–3 s: the limit only binds on a province. There 20 s left the
 * second week's plan unproved (50,000 people, every proposal of the first week pending: tier 1 only, or
 * the greedy plan when a few had to be dropped), while 60 s proves all five tiers in 20–22 s
 * (BENCHMARKS.md, "The plan in flight"). The engine runs in a worker thread, stopped at the limit
 * (engine/plan-within.ts), so the bot stays responsive either way.
 */
export function checkTimeLimitSeconds(people: number): number {
  return people > PROVINCE_PEOPLE ? 60 : 20;
}

export interface BalancingPlan {
  /** The district as the engine read it (codes, NIP) and as the database holds it (ids, rows). */
  input: PlanInput;
  district: District;
  plan: Plan;
  /** Private schools planned for, and each teacher's bars to them (issue 29). */
  redistribution: Redistribution;
}

/**
 * The election freeze (UU 10/2016 Pasal 71(2)) covering today's date in the schedule's zone, if any;
 * a period for which the Minister's written approval is recorded does not stop the check.
 */
export async function activeBlackout(db: DbTx, clock: Clock, timeZone: string): Promise<Blackout | null> {
  const today = localDate(clock.now(), timeZone).toISOString().slice(0, 10);
  return approvalFrozenOn(await getBlackouts(db), today);
}

/**
 * Reads the district and runs the engine on it; stores nothing. With the process's `plans`, the same
 * district asked again (the formasi sheet, then `/cek`; a check that proposed nothing, asked again) is
 * answered from memory (engine/plan-memo.ts): on a province each plan takes up to a minute.
 */
export async function computeBalancingPlan(
  db: DbTx,
  clock: Clock,
  options: { timeZone: string; plans?: PlanMemo | undefined },
): Promise<BalancingPlan> {
  const { input, district, redistribution } = await buildPlanInput(db, {
    now: clock.now(),
    timeZone: options.timeZone,
  });
  const timeLimitSeconds = checkTimeLimitSeconds(input.employees.length);
  const plan = await planRemembered(options.plans, input, { locale: "id", timeLimitSeconds });
  const { capWindowMonths } = await readFlightPolicy(db);
  return {
    input,
    district,
    redistribution,
    plan: withRedistributionBars(input, withCapUse(input, plan, capWindowMonths), redistribution),
  };
}

/**
 * A private school still short says how many teachers who could fill it the criteria of
 * Permendikdasmen 1/2025 keep out, and by which criterion (issue 29).
 */
function withRedistributionBars(input: PlanInput, plan: Plan, redistribution: Redistribution): Plan {
  if (redistribution.privateUnits.size === 0 || !plan.shortfalls) return plan;
  const fills = new Set(input.compatibility.map((c) => `${c.from}>${c.to}`));
  const shortfalls = plan.shortfalls.map((s): CheckShortfall => {
    if (!redistribution.privateUnits.has(s.unit)) return s;
    const barred = input.employees.filter(
      (e) => redistribution.bars.has(e.id) && (e.role === s.role || fills.has(`${e.role}>${s.role}`)),
    );
    const by: NonNullable<CheckShortfall["redistribution"]>["by"] = {};
    for (const e of barred)
      for (const criterion of new Set((redistribution.bars.get(e.id) ?? []).map((b) => b.criterion)))
        by[criterion] = (by[criterion] ?? 0) + 1;
    return { ...s, redistribution: { barred: barred.length, by } };
  });
  return { ...plan, shortfalls };
}

/**
 * A need short because a unit's cap is used up says by what (issue 24): the moves touching that unit
 * that took effect within the window, those approved or decreed, and those this plan proposes.
 */
function withCapUse(input: PlanInput, plan: Plan, windowMonths: number): Plan {
  // Moves in or out of each unit, counted once per list: a province's why-nots ask for thousands.
  const tally = (moves: ReadonlyArray<{ from?: string | undefined; to: string }>) => {
    const counts = new Map<string, number>();
    for (const move of moves)
      for (const unit of new Set([move.from, move.to]))
        if (unit !== undefined) counts.set(unit, (counts.get(unit) ?? 0) + 1);
    return (unit: string) => counts.get(unit) ?? 0;
  };
  const fromOf = new Map(input.employees.map((e) => [e.id, e.unit]));
  const committed = (input.inFlight ?? [])
    .filter((m) => m.state === "committed")
    .map((m) => ({ from: fromOf.get(m.employee), to: m.to }));
  const [effective, committedAt, proposed] = [
    tally(input.recentMoves ?? []),
    tally(committed),
    tally(plan.moves),
  ];
  const use = (unit: string) => ({
    unit,
    effective: effective(unit),
    committed: committedAt(unit),
    proposed: proposed(unit),
  });
  const shortfalls = plan.shortfalls?.map((s): CheckShortfall => {
    if (s.reason === "unit_intake_cap") return { ...s, capUse: { windowMonths, units: [use(s.unit)] } };
    if (s.reason === "origin_cap")
      return { ...s, capUse: { windowMonths, units: (s.origins ?? []).map(use) } };
    return s;
  });
  return shortfalls === undefined ? plan : { ...plan, shortfalls };
}
