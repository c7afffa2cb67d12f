/**
 * Time limits that hold (issue 30; npm run bench:engine-limit): on districts with each role's standard
 * hours (what a district's database gives) and with mixed hours (a stress case), plan v2 runs with the
 * same time limit in-process (planTransfers, as before) and through planWithin (a worker stopped at
 * the limit), side by side in one run. Wall seconds from the call to the answer, the method that
 * answered and the tiers proven. Results replace the "## Engine: time limits" section of BENCHMARKS.md.
 */
import { cpus, loadavg } from "node:os";
import { planTransfers, type Plan, type PlanInput } from "../src/domain/balance/index.ts";
import { planWithin } from "../src/engine/plan-within.ts";
import { writeBenchmarkSection } from "./benchmarks-file.ts";
import { asVersion2, generateDistrict } from "./engine-district.ts";

interface Case {
  name: string;
  units: number;
  people: number;
  hours: "standard" | "mixed";
  limit: number;
}

const CASES: Case[] = [
  { name: "M", units: 300, people: 5_000, hours: "standard", limit: 10 },
  { name: "M", units: 300, people: 5_000, hours: "mixed", limit: 10 },
  { name: "L", units: 3_000, people: 50_000, hours: "standard", limit: 25 },
  // The weekly check's default limit: what a province gets.
  { name: "L", units: 3_000, people: 50_000, hours: "standard", limit: 60 },
  // Where the stages' branch and bound on the whole model came back 14 s late in-process.
  { name: "L", units: 3_000, people: 50_000, hours: "mixed", limit: 60 },
  { name: "XL", units: 10_000, people: 150_000, hours: "standard", limit: 60 },
];

async function timed(run: () => Promise<Plan>): Promise<{ seconds: number; plan: Plan }> {
  const started = performance.now();
  const plan = await run();
  return { seconds: (performance.now() - started) / 1000, plan };
}

const row = (c: Case, how: string, r: { seconds: number; plan: Plan }) =>
  `| ${c.name} (${c.units.toLocaleString("en-US")} / ${c.people.toLocaleString("en-US")}), ${c.hours} hours | ${how} | ${c.limit} s | ${r.seconds.toFixed(2)} s | ${(r.seconds - c.limit).toFixed(2)} s | ${r.plan.metrics.method} | ${r.plan.metrics.tiersProven.join(", ") || "none"} | ${r.plan.metrics.unmetAfter.toLocaleString("en-US")} | ${r.plan.metrics.km.toLocaleString("en-US")} |`;

const lines: string[] = [];
for (const c of CASES) {
  const input: PlanInput = asVersion2(
    generateDistrict({ units: c.units, people: c.people }, undefined, c.hours),
  );
  const inProcess = await timed(() => planTransfers(input, { timeLimitSeconds: c.limit }));
  lines.push(row(c, "in-process", inProcess));
  const within = await timed(() => planWithin(input, { timeLimitSeconds: c.limit, inWorker: true }));
  lines.push(row(c, "planWithin (worker)", within));
  process.stdout.write(`${lines.slice(-2).join("\n")}\n`);
}

const section = [
  "## Engine: time limits",
  "",
  `Run ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores (load ${loadavg()[0]?.toFixed(1)}), plan v2, districts of bench/engine-district.ts (\`maxMovesPerUnit\` 3, \`maxDistanceKm\` 120). \`npm run bench:engine-limit\`. "Over" is wall time past the limit; the goal is under 1 s.`,
  "",
  "| district | engine | limit | wall | over | answered by | tiers proven | unmet after (h) | km |",
  "| --- | --- | ---: | ---: | ---: | --- | --- | ---: | ---: |",
  ...lines,
  "",
].join("\n");
writeBenchmarkSection("## Engine: time limits", section);
process.stdout.write(`${section}\n`);
