/**
 * A what-if on a province (issue 30), as `simulateWhatIf` plans it: both sides through `planWithin`, one
 * after the other, with the old options (10 s each, every tier) and with `whatIfOptions` now (30 s each
 * beyond 10,000 people, no kilometre tier). L (3,000 units / 50,000 people, standard hours, the cap of
 * 3 moves per unit); the change: every 500th person leaves (100 people). One run each, alternating
 * twice. npm run bench:what-if; the section "What-if on a province" of BENCHMARKS.md.
 */
import type { Plan, PlanInput, PlanOptions } from "../src/domain/balance/index.ts";
import { planWithin } from "../src/engine/plan-within.ts";
import { applyChanges, whatIfOptions } from "../src/use-cases/balancing-check/what-if.ts";
import { writeBenchmarkSection } from "./benchmarks-file.ts";
import { asVersion2, generateDistrict } from "./engine-district.ts";

const base: PlanInput = asVersion2(generateDistrict({ units: 3_000, people: 50_000 }, undefined, "standard"));
const leaving = base.employees.filter((_, index) => index % 500 === 0).map((employee) => employee.id);
const { changed } = applyChanges(
  base,
  { needs: [], rombel: [], leaving, policy: {} },
  base.roles.map((role) => ({ code: role.id, hoursPerRombel: null })),
);
const routes: Record<string, Omit<PlanOptions, "trace"> & { timeLimitSeconds: number }> = {
  "before: 10 s each, every tier": { timeLimitSeconds: 10 },
  "now (`whatIfOptions`)": whatIfOptions(base.employees.length),
};

const side = (plan: Plan) =>
  `${plan.metrics.method} ${plan.metrics.tiersProven.join(", ") || "none"}; ${plan.metrics.unmetAfter.toLocaleString("en-US")} h, severity ${plan.metrics.severityAfter.toLocaleString("en-US")}`;
const rows: string[] = [];
for (let round = 0; round < 2; round++) {
  for (const [name, options] of Object.entries(routes)) {
    const started = performance.now();
    const before = await planWithin(base, options);
    const after = await planWithin(changed, options);
    const row = `| ${name} | ${((performance.now() - started) / 1000).toFixed(1)} | ${side(before)} | ${side(after)} |`;
    console.log(row);
    rows.push(row);
  }
}

writeBenchmarkSection(
  "## What-if on a province",
  [
    "## What-if on a province",
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} on this machine (2 cores), \`npm run bench:what-if\`: both`,
    "sides of a what-if one after the other through `planWithin`, as `simulateWhatIf` runs them, on L",
    "(3,000 units / 50,000 people, standard hours, the cap of 3 moves per unit) with every 500th person",
    "leaving. Two rounds, alternating. The sides: the engine's method, the tiers it proved, the hours still",
    "unmet after the plan and their severity.",
    "",
    "| options | wall s (both sides) | before the change | after the change |",
    "| --- | ---: | --- | --- |",
    ...rows,
    "",
  ].join("\n"),
);
