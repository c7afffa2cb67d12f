/**
 * A what-if on a province (issue 30), as `simulateWhatIf` plans it: both sides through `planWithin`. L
 * (3,000 units / 50,000 people, standard hours, the cap of 3 moves per unit); the change: every 500th
 * person leaves (100 people). With nothing in flight: one after the other at 10 s each with every tier
 * (the first version) and at 30 s each without the kilometres (the last version), against `whatIfOptions`
 * (40 s each) at once, each side in its own worker thread (now). A week after a check, its moves
 * pending: 30 s one after the other (the last version), and `whatIfOptions` at once (not chosen) and one
 * after the other (now). One run each, alternating twice; then with the plans remembered, a first
 * what-if and the team's next with another change, at once. Then M (300 units / 5,000 people) with a new
 * worker per side, as before, against the worker kept warm between plans: the first what-if after a pause
 * (its first side cold) and the next one. npm run bench:what-if; the section "What-if" of BENCHMARKS.md.
 */
import type { Plan, PlanInput, PlanOptions } from "../src/domain/balance/index.ts";
import { createHash } from "node:crypto";
import { PlanMemo } from "../src/engine/plan-memo.ts";
import { planWithin, releaseWarmWorker } from "../src/engine/plan-within.ts";
import { applyChanges, whatIfOptions } from "../src/use-cases/balancing-check/what-if.ts";
import { writeBenchmarkSection } from "./benchmarks-file.ts";
import { asVersion2, generateDistrict } from "./engine-district.ts";

/** A district and the same with every 500th person gone (from `offset`), as `simulateWhatIf` changes it. */
function whatIf(
  size: { units: number; people: number },
  offset = 0,
  base = asVersion2(generateDistrict(size, undefined, "standard")),
): [PlanInput, PlanInput] {
  const leaving = base.employees.filter((_, index) => index % 500 === offset).map((employee) => employee.id);
  const { changed } = applyChanges(
    base,
    { needs: [], rombel: [], leaving, policy: {} },
    base.roles.map((role) => ({ code: role.id, hoursPerRombel: null })),
  );
  return [base, changed];
}

type Options = Omit<PlanOptions, "trace"> & { timeLimitSeconds: number };
const side = (plan: Plan) =>
  `${plan.metrics.method} ${plan.metrics.tiersProven.join(", ") || "none"}; ${plan.metrics.unmetAfter.toLocaleString("en-US")} h, severity ${plan.metrics.severityAfter.toLocaleString("en-US")}`;

/** Both sides one after the other; `fresh` stops the warm worker before each, as every plan had a new one. */
async function bothSides([base, changed]: [PlanInput, PlanInput], options: Options, fresh: boolean) {
  const started = performance.now();
  if (fresh) await releaseWarmWorker();
  const before = await planWithin(base, options);
  if (fresh) await releaseWarmWorker();
  const after = await planWithin(changed, options);
  return { seconds: (performance.now() - started) / 1000, before, after };
}

/** Both sides at once, each in its own worker thread: a province's what-if now. */
async function atOnce([base, changed]: [PlanInput, PlanInput], options: Options) {
  const started = performance.now();
  const [before, after] = await Promise.all([planWithin(base, options), planWithin(changed, options)]);
  return { seconds: (performance.now() - started) / 1000, before, after };
}

const L = { units: 3_000, people: 50_000 };
const province = whatIf(L);
const now = whatIfOptions(province[0].employees.length);
// A week after a check: its moves pending (in flight), each side a plan in flight.
const checked = await planWithin(province[0], { timeLimitSeconds: 60 });
const pending = checked.moves.map(({ employee, to, role }) => ({
  employee,
  to,
  role,
  state: "pending" as const,
}));
const inFlight = whatIf(L, 0, { ...province[0], inFlight: pending });
const thirty: Options = { ...now, timeLimitSeconds: 30 };
const routes: Record<string, () => ReturnType<typeof atOnce>> = {
  "10 s each, every tier, one after the other (the first version)": () =>
    bothSides(province, { timeLimitSeconds: 10 }, true),
  "30 s each, no kilometres, one after the other (before)": () => bothSides(province, thirty, true),
  "`whatIfOptions` (40 s each, no kilometres), at once (now)": () => atOnce(province, now),
  [`${pending.length} in flight: 30 s each, one after the other (before)`]: () =>
    bothSides(inFlight, thirty, true),
  [`${pending.length} in flight: \`whatIfOptions\`, at once (not chosen)`]: () => atOnce(inFlight, now),
  [`${pending.length} in flight: \`whatIfOptions\`, one after the other (now)`]: () =>
    bothSides(inFlight, now, true),
};
const rows: string[] = [];
for (let round = 0; round < 2; round++) {
  for (const [name, route] of Object.entries(routes)) {
    const run = await route();
    const row = `| ${name} | ${run.seconds.toFixed(1)} | ${side(run.before)} | ${side(run.after)} |`;
    console.log(row);
    rows.push(row);
  }
}

// The team's next what-if, another 100 people leaving, with the plans remembered (engine/plan-memo.ts):
// its "before" is the first what-if's.
const next = whatIf(L, 250, province[0]);
const memoRows: string[] = [];
const plans = new PlanMemo();
for (const [name, sides] of [
  ["first what-if", province],
  ["next what-if, another change", next],
] as const) {
  const started = performance.now();
  const options = whatIfOptions(sides[0].employees.length);
  const [before, after] = await Promise.all([plans.plan(sides[0], options), plans.plan(sides[1], options)]);
  const row = `| ${name} | ${((performance.now() - started) / 1000).toFixed(1)} | ${side(before)} | ${side(after)} |`;
  console.log(row);
  memoRows.push(row);
}
const hashing = performance.now();
createHash("sha256").update(JSON.stringify(province[0])).digest("base64");
const keyMs = performance.now() - hashing;
const planKb = JSON.stringify(await plans.plan(province[0], whatIfOptions(50_000))).length / 1024;

const district = whatIf({ units: 300, people: 5_000 });
const options = whatIfOptions(district[0].employees.length);
const [fresh, firstWarm, nextWarm] = [
  "a new worker per side (before)",
  "kept warm, first what-if",
  "kept warm, next what-if",
];
const seconds = new Map<string, number[]>([fresh, firstWarm, nextWarm].map((name) => [name, []]));
for (let round = 0; round < 5; round++) {
  seconds.get(fresh)?.push((await bothSides(district, options, true)).seconds);
  await releaseWarmWorker();
  seconds.get(firstWarm)?.push((await bothSides(district, options, false)).seconds);
  seconds.get(nextWarm)?.push((await bothSides(district, options, false)).seconds);
}
await releaseWarmWorker();
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const warmRows = [...seconds].map(
  ([name, values]) =>
    `| ${name} | ${median(values).toFixed(2)} | ${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)} |`,
);
console.log(warmRows.join("\n"));

writeBenchmarkSection(
  "## What-if",
  [
    "## What-if",
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} on this machine (2 cores), \`npm run bench:what-if\`: both`,
    "sides of a what-if through `planWithin`, one after the other or at once, each in its own worker thread",
    "(`simulateWhatIf` runs a province's at once while no move is in flight), with every 500th person",
    "leaving; each role's standard hours and the cap of 3 moves per unit. Then the same a week after a",
    "check, its moves pending: each side is a plan in flight.",
    "",
    "L (3,000 units / 50,000 people), two rounds, alternating. The sides: the engine's method, the tiers it",
    "proved, the hours still unmet after the plan and their severity.",
    "",
    "| options | wall s (both sides) | before the change | after the change |",
    "| --- | ---: | --- | --- |",
    ...rows,
    "",
    "The same with the plans remembered (`engine/plan-memo.ts`, as `simulateWhatIf` asks, both sides at once):",
    "a first what-if, then the team's next one, with another 100 people leaving: its district as it is comes",
    "from memory.",
    `Its key, the input hashed, took ${keyMs.toFixed(0)} ms on L; a remembered L plan is ${Math.round(planKb).toLocaleString("en-US")} kB as JSON.`,
    "",
    "| what-if | wall s (both sides) | before the change | after the change |",
    "| --- | ---: | --- | --- |",
    ...memoRows,
    "",
    "M (300 units / 5,000 people), 10 s a side, five rounds, alternating: a new worker thread per side",
    "against the worker kept warm between plans (`engine/plan-within.ts`), in a what-if after a pause (its",
    "first side starts the thread) and in the next one.",
    "",
    "| workers | median s (both sides) | range |",
    "| --- | ---: | --- |",
    ...warmRows,
    "",
  ].join("\n"),
);
