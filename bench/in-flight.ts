// bench:in-flight — what the plan in flight (issue 24) costs a weekly check, side by side in one run:
// the first check (nothing in flight), the next week with nothing changed (every pending move kept),
// and a week in which one school's need grew (the plan kept, a few moves added). On the benchmark
// districts S and M with each role's standard hours (what a district's database gives: capacity is
// the role's standard, issue 30), medians of a few runs; results go to BENCHMARKS.md.
import { type Plan, type PlanInput, planTransfers } from "../src/domain/balance/index.ts";
import { writeBenchmarkSection } from "./benchmarks-file.ts";
import { asVersion2, generateDistrict } from "./engine-district.ts";

const SIZES = [
  { name: "S", units: 50, people: 500, runs: 5 },
  { name: "M", units: 300, people: 5_000, runs: 3 },
];
const TIME_LIMIT_SECONDS = 60;

/** Every person brings their role's standard hours, as a district's own database gives them. */
function withStandardHours(input: PlanInput): PlanInput {
  const standard = new Map(input.roles.map((role) => [role.id, role.standardHours ?? 24]));
  return {
    ...input,
    employees: input.employees.map((e) => ({ ...e, hours: standard.get(e.role) ?? e.hours })),
  };
}

/**
 * One school that receives a single move in `plan` needs one class teacher (24 JP) more: room under
 * its caps, so the week after has something to add.
 */
function growOneNeed(input: PlanInput, plan: Plan): PlanInput {
  const arrivals = new Map<string, number>();
  for (const move of plan.moves) arrivals.set(move.to, (arrivals.get(move.to) ?? 0) + 1);
  const target = plan.moves.find((move) => arrivals.get(move.to) === 1) ?? plan.moves[0];
  if (target === undefined) return input;
  return { ...input, demand: [...input.demand, { unit: target.to, role: target.role, hours: 24 }] };
}

async function measure(input: PlanInput, runs: number) {
  const seconds: number[] = [];
  let plan: Plan | undefined;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    plan = await planTransfers(input, { timeLimitSeconds: TIME_LIMIT_SECONDS });
    seconds.push((performance.now() - started) / 1000);
  }
  seconds.sort((a, b) => a - b);
  if (plan === undefined) throw new Error("no run");
  return { plan, median: seconds[Math.floor(seconds.length / 2)] ?? 0 };
}

const rows: string[] = [];
for (const size of SIZES) {
  const input = withStandardHours(asVersion2(generateDistrict(size)));
  const first = await measure(input, size.runs);
  const pending = first.plan.moves.map(({ employee, to, role }) => ({
    employee,
    to,
    role,
    state: "pending" as const,
  }));
  const unchanged = await measure({ ...input, inFlight: pending }, size.runs);
  const grown = await measure({ ...growOneNeed(input, first.plan), inFlight: pending }, size.runs);
  const leaving = new Set(first.plan.moves.filter((_, index) => index % 20 === 0).map((m) => m.employee));
  const objected = await measure(
    {
      ...input,
      employees: input.employees.map((e) =>
        leaving.has(e.id) ? { ...e, movable: false, why: "objection" as const } : e,
      ),
      inFlight: pending,
    },
    size.runs,
  );
  const kept = (plan: Plan) => plan.metrics.inFlight?.pendingKept ?? 0;
  const fresh = (plan: Plan) => plan.moves.length - kept(plan);
  const line = (label: string, m: { plan: Plan; median: number }) =>
    `| ${size.name} | ${label} | ${m.median.toFixed(2)} | ${kept(m.plan)} | ${m.plan.dropped?.length ?? 0} | ${fresh(m.plan)} | ${m.plan.metrics.tiersProven.join(", ")} |`;
  rows.push(
    line("first check (nothing in flight)", first),
    line("next week, nothing changed", unchanged),
    line("next week, one receiving school needs 24 JP more", grown),
    line("next week, every 20th pending person objects", objected),
  );
  console.log(rows.slice(-4).join("\n"));
}

const section = [
  "## The plan in flight (`npm run bench:in-flight`)",
  "",
  `Measured ${new Date().toISOString().slice(0, 10)} on this machine (2 cores), one process; districts of`,
  "bench/engine-district.ts (seed 20240601) in plan v2 with each role's standard hours; medians of 5 (S)",
  "and 3 (M) runs, time limit 60 s. A week with proposals in flight solves the district twice (free, the",
  "reference for tiers 1–2; and with every pending move held); a week where that is worse solves more",
  "(src/domain/balance/in-flight.ts).",
  "",
  "| district | week | median s | pending kept | dropped | new moves | tiers proven |",
  "| --- | --- | ---: | ---: | ---: | ---: | --- |",
  ...rows,
  "",
].join("\n");
writeBenchmarkSection("## The plan in flight (`npm run bench:in-flight`)", section);
