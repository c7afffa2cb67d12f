import { z } from "zod";
import type { DbTx } from "../../db/client.ts";
import { buildPlanInput } from "../../db/build-plan-input.ts";
import type { Actor } from "../../domain/actor.ts";
import type { Plan, PlanInput } from "../../domain/balance/index.ts";
import { planRemembered, type PlanMemo } from "../../engine/plan-memo.ts";
import { PROVINCE_PEOPLE } from "./compute-balancing-plan.ts";
import { DomainError } from "../../domain/errors.ts";
import { roleHoursKind, type HoursKind } from "../../domain/hours.ts";

/** What a what-if changes (POST /api/v1/what-if, docs/web.md). Nothing is written. */
export const whatIfChangesSchema = z
  .object({
    /** A unit and role's weekly need, in the role's hours (JP or jam). */
    needs: z
      .array(z.object({ unit: z.string(), role: z.string(), hours: z.number().min(0).max(5000) }).strict())
      .max(1000)
      .default([]),
    /** A school's number of rombel: each of its roles counted by rombel needs rombel × its JP per rombel. */
    rombel: z
      .array(z.object({ unit: z.string(), rombel: z.number().int().min(0).max(500) }).strict())
      .max(1000)
      .default([]),
    /** People who leave (retirement, cuti, tugas belajar): by NIP. */
    leaving: z
      .array(z.string().regex(/^\d{18}$/))
      .max(10_000)
      .default([]),
    /** The policy's caps and distance; null lifts one. */
    policy: z
      .object({
        maxMovesOutPerUnit: z.number().int().min(0).max(1000).nullable().optional(),
        maxMovesInPerUnit: z.number().int().min(0).max(1000).nullable().optional(),
        maxDistanceKm: z.number().min(0).max(10_000).nullable().optional(),
      })
      .strict()
      .default({}),
  })
  .strict();

export type WhatIfChanges = z.infer<typeof whatIfChangesSchema>;

export interface WhatIfSide {
  /** Hours nobody covers after the plan, JP and jam apart. */
  shortfall: Record<HoursKind, number>;
  severity: number;
  moves: number;
  km: number;
  optimal: boolean;
  tiersProven: number[];
}

export interface WhatIfUnit {
  unit: string;
  name: string;
  role: string;
  roleName: string;
  hoursUnit: HoursKind;
  need: { before: number; after: number };
  shortfall: { before: number; after: number };
}

export interface WhatIfAnswer {
  before: WhatIfSide;
  after: WhatIfSide;
  /** The units and roles whose need or remaining shortfall differ. */
  units: WhatIfUnit[];
  /** Codes or NIPs the changes named that the district does not have. */
  unknown: string[];
}

/**
 * Each side's engine options. A district's plans are the weekly check's, within 10 s each. On a province
 * (beyond 10,000 people) 10 s a side gave greedy plans, or one greedy and one proving tier 1 alone: 100
 * people leaving seemed to cost 982.5 h or 5,113.5 h where they cost 985.5 h (50,000 people). It gets
 * 40 s a side and no kilometre tier, which alone would take the rest: both sides exact on tiers 1–3, in
 * 26–29 s one after the other and 17–18 s at once (`npm run bench:what-if`, BENCHMARKS.md, "What-if"). Not
 * 30 s: with moves in flight, a side is a plan in flight whose reference plan has half the worker's
 * limit (domain/balance/in-flight.ts), and on L with 3,628 pending it takes 12–17 s. At 30 s a side (12 s
 * for it) the first what-if of a process, on bench:check's district a week after its check, proved tier 1
 * alone in three runs of three; at 40 s every tier but the kilometres, in the same 40–43 s.
 */
export function whatIfOptions(people: number): { timeLimitSeconds: number; kilometres?: false } {
  return people > PROVINCE_PEOPLE ? { timeLimitSeconds: 40, kilometres: false } : { timeLimitSeconds: 10 };
}

/**
 * Plans the district as it is and as changed, side by side (HR and admins only). Both plans run the
 * weekly check's engine on the check's own input, so the "before" is what Monday would propose.
 */
export async function simulateWhatIf(
  db: DbTx,
  input: {
    actor: Actor;
    changes: WhatIfChanges;
    now: Date;
    timeZone: string;
    /** The process's plans remembered: the district as it is, planned by the last what-if, is reused. */
    plans?: PlanMemo | undefined;
  },
): Promise<WhatIfAnswer> {
  if (!input.actor.admin && input.actor.approverOf === null) throw new DomainError("approver_only");
  const { input: base, district } = await buildPlanInput(db, { now: input.now, timeZone: input.timeZone });
  const { changed, unknown } = applyChanges(base, input.changes, district.roles);
  const options = { locale: "id" as const, ...whatIfOptions(base.employees.length) };
  // The district as it is was most likely planned by the team's last what-if, and is then answered from
  // memory (plan-memo.ts). A province's two sides run at once, each in its own worker thread, while no
  // move is in flight: on two cores both sides of L took 17–18 s together, against 26–29 s one after
  // the other, with the same plans (`npm run bench:what-if`). With moves in flight each side is a plan
  // in flight, whose reference plan has half the limit (domain/balance/in-flight.ts): on L with 3,628
  // pending, at once the side with the change proved tier 1 alone, and its plan was worse (severity
  // 356,929 where one after the other finds 275,372, in 41–50 s). The sides then run one after the
  // other, as a district's do, each within its limit: in process both share one HiGHS, and in a worker
  // the second plan takes the thread the first left warm (engine/plan-within.ts); at 5,000 people at
  // once was within the noise.
  const plan = (asked: PlanInput) => planRemembered(input.plans, asked, options);
  const atOnce = base.employees.length > PROVINCE_PEOPLE && (base.inFlight ?? []).length === 0;
  const [before, after] = atOnce
    ? await Promise.all([plan(base), plan(changed)])
    : [await plan(base), await plan(changed)];

  const kinds = new Map(district.roles.map((r) => [r.code, roleHoursKind(r)]));
  const roleNames = new Map(district.roles.map((r) => [r.code, r.name]));
  const kindOf = (role: string) => kinds.get(role) ?? ("jam" as const);
  const names = new Map(base.units.map((u) => [u.id, u.name]));
  const rows = (plan: Plan) =>
    new Map(plan.units.flatMap((u) => u.roles.map((r) => [`${u.unit}|${r.role}`, r] as const)));
  const was = rows(before);
  const now = rows(after);
  const units: WhatIfUnit[] = [];
  for (const key of new Set([...was.keys(), ...now.keys()])) {
    const [unit = "", role = ""] = key.split("|");
    const a = was.get(key);
    const b = now.get(key);
    const need = { before: a?.demand ?? 0, after: b?.demand ?? 0 };
    const shortfall = { before: a?.unmetAfter ?? 0, after: b?.unmetAfter ?? 0 };
    if (need.before === need.after && shortfall.before === shortfall.after) continue;
    units.push({
      unit,
      name: names.get(unit) ?? unit,
      role,
      roleName: roleNames.get(role) ?? role,
      hoursUnit: kindOf(role),
      need,
      shortfall,
    });
  }
  units.sort((x, y) => y.shortfall.after - x.shortfall.after || x.unit.localeCompare(y.unit));
  return { before: side(before, kindOf), after: side(after, kindOf), units, unknown };
}

function side(plan: Plan, kindOf: (role: string) => HoursKind): WhatIfSide {
  const shortfall: Record<HoursKind, number> = { JP: 0, jam: 0 };
  for (const unit of plan.units)
    for (const role of unit.roles) shortfall[kindOf(role.role)] += role.unmetAfter;
  const { metrics } = plan;
  return {
    shortfall,
    severity: metrics.severityAfter,
    moves: metrics.moves,
    km: Math.round(metrics.km * 10) / 10,
    optimal: metrics.optimal,
    tiersProven: metrics.tiersProven,
  };
}

/** The plan input with the changes applied; names the district does not know are returned, not guessed. */
export function applyChanges(
  base: PlanInput,
  changes: WhatIfChanges,
  roles: ReadonlyArray<{ code: string; hoursPerRombel: number | null }>,
): { changed: PlanInput; unknown: string[] } {
  const units = new Set(base.units.map((u) => u.id));
  const roleCodes = new Set(base.roles.map((r) => r.id));
  const unknown: string[] = [];
  const demand = new Map(base.demand.map((d) => [`${d.unit}|${d.role}`, d.hours]));

  // A rombel count changes the needs the school already has in roles counted by rombel.
  for (const { unit, rombel } of changes.rombel) {
    if (!units.has(unit)) unknown.push(unit);
    else
      for (const role of roles)
        if (role.hoursPerRombel !== null && demand.has(`${unit}|${role.code}`))
          demand.set(`${unit}|${role.code}`, rombel * role.hoursPerRombel);
  }
  for (const { unit, role, hours } of changes.needs) {
    if (!units.has(unit)) unknown.push(unit);
    else if (!roleCodes.has(role)) unknown.push(role);
    else demand.set(`${unit}|${role}`, hours);
  }
  const leaving = new Set(changes.leaving);
  const nips = new Set(base.employees.map((e) => e.id));
  unknown.push(...changes.leaving.filter((nip) => !nips.has(nip)));

  const changed: PlanInput = {
    ...base,
    demand: [...demand].map(([key, hours]) => {
      const [unit = "", role = ""] = key.split("|");
      return { unit, role, hours };
    }),
    employees: base.employees.filter((e) => !leaving.has(e.id)),
    inFlight: base.inFlight?.filter((m) => !leaving.has(m.employee)),
    policy: { ...base.policy, ...changes.policy },
  };
  return { changed, unknown: [...new Set(unknown)] };
}
