import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planTransfers, type Plan, type PlanInput } from "../../../src/domain/balance/index.ts";
import { nip, violations } from "./builders.ts";
import { expectRoutesAgree } from "./routes.ts";
import { wideDistricts, wideWeekChanges } from "./wide-districts.ts";

/** `input` a week after its `first` plan, with the changes drawn: the plan's moves in flight. */
function weekAfter(input: PlanInput, first: Plan, draw: WeekDraw) {
  const pick = (index: number) => first.moves[index % Math.max(1, first.moves.length)]?.employee;
  const objecting = new Set(draw.objecting.map(pick));
  const committed = new Set(draw.committed.map(pick));
  const at = (index: number) => `U${index % input.units.length}`;
  const recentMoves = [
    ...(input.recentMoves ?? []),
    ...draw.tookEffect.map(([from, to]) => ({ from: at(from), to: at(to) })).filter((m) => m.from !== m.to),
  ];
  return {
    ...input,
    employees: [
      ...input.employees.map((row) =>
        committed.has(row.id)
          ? { ...row, movable: false, why: "pending" as const }
          : objecting.has(row.id)
            ? { ...row, movable: false, why: "objection" as const }
            : row,
      ),
      ...draw.hires.map((hire, index) => ({
        id: nip(500 + index),
        unit: at(hire.unit),
        role: hire.role,
        hours: hire.role === "D" ? 37.5 : hire.hours,
        movable: false,
      })),
    ],
    demand: input.demand.map((row, index) => {
      const change = draw.needs.find((need) => need.at % input.demand.length === index);
      return change === undefined ? row : { ...row, hours: change.hours };
    }),
    inFlight: first.moves.map(({ employee, to, role }) => ({
      employee,
      to,
      role,
      state: committed.has(employee) ? ("committed" as const) : ("pending" as const),
    })),
    ...(recentMoves.length > 0 ? { recentMoves } : {}),
  } satisfies PlanInput;
}
type WeekDraw = typeof wideWeekChanges extends fc.Arbitrary<infer T> ? T : never;

describe("the engine on districts as real files come (issue 30)", () => {
  it("the flow first and the MILP alone prove every tier with the same values; greedy keeps every rule", async () => {
    await fc.assert(
      fc.asyncProperty(wideDistricts(), expectRoutesAgree),
      // Before the engine's last check counted only what a plan adds to the moves already made, this
      // seed failed at its first district: two transfers into a unit with an intake cap of 1 threw.
      { numRuns: 150, seed: 2 },
    );
  }, 240_000);

  it("a week later, every route keeps every rule, keeps or drops each pending move, and proves only what holds", async () => {
    const weeks = fc.record({
      district: wideDistricts().filter((input) => input.version === 2),
      changes: wideWeekChanges,
    });
    await fc.assert(
      fc.asyncProperty(weeks, async ({ district, changes }) => {
        const week = weekAfter(district, await planTransfers(district), changes);
        const routes = [
          await planTransfers(week),
          await planTransfers(week, { flow: false }),
          await planTransfers(week, { method: "greedy" }),
        ];
        const [flow, milp] = routes as [Plan, Plan, Plan];
        const pending = week.inFlight.filter((move) => move.state === "pending");
        for (const plan of routes) {
          expect(violations(week, plan.moves)).toEqual([]);
          const made = (move: (typeof pending)[number]) =>
            plan.moves.some(
              (row) => row.employee === move.employee && row.to === move.to && row.role === move.role,
            );
          const dropped = new Set((plan.dropped ?? []).map((row) => row.employee));
          for (const move of pending) expect(made(move) !== dropped.has(move.employee)).toBe(true);
          expect(plan.metrics.inFlight?.pendingKept).toBe(pending.filter(made).length);
        }
        for (const plan of [flow, milp]) expect(plan.metrics.tiersProven.slice(0, 2)).toEqual([1, 2]);
        expect(milp.metrics.unmetAfter).toBeCloseTo(flow.metrics.unmetAfter, 6);
        expect(milp.metrics.severityAfter).toBeCloseTo(flow.metrics.severityAfter, 5);
        // A route that proves a tier is no worse there than the other: the most pending moves kept (a
        // model that cannot tell whether a kept move needs a spare move beside it proves nothing), the
        // fewest moves, the least km among as many moves.
        const kept = (plan: Plan) => plan.metrics.inFlight?.pendingKept ?? 0;
        for (const [plan, other] of [
          [flow, milp],
          [milp, flow],
        ] as const) {
          if (plan.metrics.tiersProven.includes(3)) expect(kept(plan)).toBeGreaterThanOrEqual(kept(other));
          if (plan.metrics.tiersProven.includes(4) && kept(plan) === kept(other))
            expect(plan.moves.length).toBeLessThanOrEqual(other.moves.length);
          if (
            plan.metrics.tiersProven.includes(5) &&
            kept(plan) === kept(other) &&
            plan.moves.length === other.moves.length
          )
            expect(plan.metrics.km).toBeLessThanOrEqual(other.metrics.km + 0.06);
        }
      }),
      // Before a plan in flight kept the caps that moves since had used up, this seed failed at its
      // fifth week: the plan holding every pending move broke a cap, and the engine threw.
      { numRuns: 150, seed: 2 },
    );
  }, 240_000);
});
