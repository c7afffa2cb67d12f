/**
 * Benchmark of the balancing engine on synthetic districts (npm run bench:engine): plan format v2,
 * v1 and the greedy baseline side by side on the same districts, in one run.
 *
 * Each size runs in its own child process so that its peak memory (maxRSS) is its own. The results
 * replace the "## Engine" section of BENCHMARKS.md and leave other sections alone.
 */
import { execFileSync } from "node:child_process";
import { cpus, loadavg, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import {
  planTransfers,
  planTransfersGreedy,
  type Plan,
  type PlanInput,
} from "../src/domain/balance/index.ts";
import { writeBenchmarkSection } from "./benchmarks-file.ts";
import { asVersion2, generateDistrict, SEED } from "./engine-district.ts";

interface Size {
  /** S, M, L: mixed hours (15 % of teachers at 18 or 12 JP, the stress case); "M std", "L std": every
   * teacher at the role's 24 JP, as a district's database gives (issue 30). */
  name: "S" | "M" | "L" | "M std" | "L std";
  hours: "mixed" | "standard";
  units: number;
  people: number;
  runs: number;
  /** The engine's `timeLimitSeconds`; L gets 25 s so that a run, pairing included, ends within 30 s. */
  timeLimitSeconds: number;
}

const SIZES: Size[] = [
  { name: "S", hours: "mixed", units: 50, people: 500, runs: 3, timeLimitSeconds: 60 },
  { name: "M", hours: "mixed", units: 300, people: 5_000, runs: 3, timeLimitSeconds: 60 },
  { name: "L", hours: "mixed", units: 3_000, people: 50_000, runs: 2, timeLimitSeconds: 25 },
  { name: "M std", hours: "standard", units: 300, people: 5_000, runs: 3, timeLimitSeconds: 60 },
  { name: "L std", hours: "standard", units: 3_000, people: 50_000, runs: 1, timeLimitSeconds: 60 },
];
const SCRIPT = fileURLToPath(import.meta.url);

type Method = "v2" | "v1" | "greedy";

interface Measured {
  method: Method;
  metrics: Plan["metrics"];
  shortfalls: number;
  medianSeconds: number;
  medianCpuSeconds: number;
  runs: number;
  allSeconds: number[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Wall seconds as the engine reports them, and this process's CPU seconds, which sharing the cores distorts less. */
async function measure(method: Method, input: PlanInput, size: Size): Promise<Measured> {
  const seconds: number[] = [];
  const cpuSeconds: number[] = [];
  let plan: Plan | undefined;
  const runs = method === "greedy" ? 1 : size.runs;
  for (let run = 0; run < runs; run++) {
    const cpu = process.cpuUsage();
    plan =
      method === "greedy"
        ? planTransfersGreedy(input)
        : await planTransfers(input, { timeLimitSeconds: size.timeLimitSeconds });
    const used = process.cpuUsage(cpu);
    cpuSeconds.push((used.user + used.system) / 1e6);
    seconds.push(plan.metrics.seconds);
  }
  if (plan === undefined) throw new Error("no run");
  return {
    method,
    metrics: plan.metrics,
    shortfalls: plan.shortfalls?.length ?? 0,
    medianSeconds: median(seconds),
    medianCpuSeconds: median(cpuSeconds),
    runs,
    allSeconds: seconds,
  };
}

interface SizeResult {
  size: Size;
  employees: number;
  results: Measured[];
  peakRssMb: number;
}

/** Runs one size in this process (the child side) and prints its result as JSON. */
async function runChild(name: string): Promise<void> {
  const size = SIZES.find((candidate) => candidate.name === name);
  if (size === undefined) throw new Error(`unknown size ${name}`);
  const v1 = generateDistrict(size, undefined, size.hours);
  const v2 = asVersion2(v1);
  const results = [
    await measure("greedy", v1, size),
    await measure("v1", v1, size),
    await measure("v2", v2, size),
  ];
  const result: SizeResult = {
    size,
    employees: v1.employees.length,
    results,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function runSizeInChild(size: Size): SizeResult {
  const output = execFileSync(process.execPath, ["--import", "tsx", SCRIPT, "--child", size.name], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = output.trim().split("\n").at(-1) ?? "{}";
  return JSON.parse(line) as SizeResult;
}

const number = (value: number, digits = 0) =>
  value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Tiers proven of the version's tiers, "greedy" for the baseline. */
function quality(result: Measured): string {
  if (result.method === "greedy") return "heuristic";
  const tiers = result.method === "v2" ? 4 : 3;
  const proven = result.metrics.tiersProven;
  return proven.length === tiers
    ? `optimal (${tiers}/${tiers})`
    : `tiers ${proven.join(", ") || "none"} of ${tiers}`;
}

function renderRow({ size, peakRssMb }: SizeResult, result: Measured): string {
  const m = result.metrics;
  return [
    `${size.name} (${number(size.units)} / ${number(size.people)})`,
    result.method,
    `${number(result.medianSeconds, 3)} (${result.runs})`,
    number(result.medianCpuSeconds, 3),
    quality(result),
    number(m.unmetBefore, 1),
    number(m.unmetAfter, 1),
    number(m.severityAfter, 1),
    `${number(m.worstShareAfter * 100, 1)} %`,
    number(m.moves),
    number(m.km, 1),
    number(result.shortfalls),
    result.method === "v2" ? number(peakRssMb) : "",
  ].join(" | ");
}

function find(result: SizeResult, method: Method): Measured | undefined {
  return result.results.find((entry) => entry.method === method);
}

/** The targets, met or missed, from this run's medians. */
function targets(results: SizeResult[]): string[] {
  const lines: string[] = [];
  const bySize = (name: Size["name"]) => results.find((result) => result.size.name === name);
  const m = bySize("M") && find(bySize("M") as SizeResult, "v2");
  if (m !== undefined) {
    const met = m.metrics.tiersProven.length === 4 && m.medianSeconds < 2;
    lines.push(
      `- M, v2 proven optimal on all four tiers in < 2 s: ${quality(m)}, ${number(m.medianSeconds, 3)} s — ${met ? "met" : "**missed**"}.`,
    );
  }
  const mStd = bySize("M std") && find(bySize("M std") as SizeResult, "v2");
  if (mStd !== undefined) {
    const met = mStd.metrics.tiersProven.length === 4 && mStd.medianSeconds <= 1;
    lines.push(
      `- M with standard hours, v2 all four tiers proven within 1 s of solving (issue 30): ${quality(mStd)}, ${number(mStd.medianSeconds, 3)} s — ${met ? "met" : "**missed**"}.`,
    );
  }
  const lStd = bySize("L std") && find(bySize("L std") as SizeResult, "v2");
  if (lStd !== undefined) {
    const all = lStd.metrics.tiersProven.length === 4 && Math.max(...lStd.allSeconds) <= 60;
    lines.push(
      `- L with standard hours, v2 all four tiers within 60 s (issue 30): tiers ${lStd.metrics.tiersProven.join(", ")}, ${number(Math.max(...lStd.allSeconds), 3)} s — ${all ? "met" : "**missed**"}.`,
    );
  }
  const l = bySize("L") && find(bySize("L") as SizeResult, "v2");
  if (l !== undefined) {
    const met = l.metrics.tiersProven.includes(2) && Math.max(...l.allSeconds) < 30;
    lines.push(
      `- L, v2 tiers 1–2 proven in < 30 s: tiers ${l.metrics.tiersProven.join(", ")}, slowest run ${number(Math.max(...l.allSeconds), 3)} s — ${met ? "met" : "**missed**"}.`,
    );
  }
  for (const result of results) {
    const v1 = find(result, "v1");
    const v2 = find(result, "v2");
    if (v1 === undefined || v2 === undefined) continue;
    const ratio = v1.metrics.severityAfter > 0 ? v2.metrics.severityAfter / v1.metrics.severityAfter : 1;
    lines.push(
      `- ${result.size.name}: v2 / v1 severity after ${number(ratio, 3)}, worst share ${number(v2.metrics.worstShareAfter * 100, 1)} % / ${number(v1.metrics.worstShareAfter * 100, 1)} %, seconds ${number(v2.medianSeconds / Math.max(v1.medianSeconds, 1e-3), 2)}×, unmet after equal: ${Math.abs(v2.metrics.unmetAfter - v1.metrics.unmetAfter) < 1e-6 ? "yes" : "no"}.`,
    );
  }
  return lines;
}

function renderSection(results: SizeResult[]): string {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  return [
    "## Engine",
    "",
    `Command: \`npm run bench:engine\` (\`tsx bench/engine.ts\`). Date: ${new Date().toISOString().slice(0, 10)}.`,
    `Machine: ${cpus().length} cores (${cpu}), ${number(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, highs 1.15.3.`,
    "The cores are shared with other work, so timings are noisy; medians are over the runs shown in brackets,",
    "all from this one run.",
    "",
    `Synthetic districts (seed ${SEED}, bench/engine-district.ts): 65 % SD short of class teachers, 35 % SMP with`,
    "surplus subject teachers, 9 roles, 4 SMP subjects may fill Guru Kelas SD, 70 % of people movable, units spread",
    "over about 100 × 100 km around Salor. S, M and L have mixed hours (15 % of teachers at 18 or 12 JP, the stress",
    "case); M std and L std give every teacher the role's 24 JP, as a district's database does (issue 30).",
    "Policy maxMovesPerUnit 3, maxDistanceKm 120 for all three methods",
    "(v2 without separate in/out bounds, so the objectives compare on equal terms). Hours a week; severity as in",
    'docs/plan-format.md; worst share = largest unmet / need. "shortfalls" = needs still short, each with its reason.',
    "",
    "| size (units / people) | method | wall s, median (runs) | CPU s, median | proven | unmet before | unmet after | severity after | worst share after | moves | km | shortfalls | peak RSS MB |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...results.flatMap((result) =>
      (["v2", "v1", "greedy"] as const).flatMap((method) => {
        const measured = find(result, method);
        return measured === undefined ? [] : [`| ${renderRow(result, measured)} |`];
      }),
    ),
    "",
    "Targets (issue 14):",
    ...targets(results),
    "",
    "Exact: tiers in order on a pooled MILP (HiGHS, LP first with lazily separated cuts) — unmet hours, (v2)",
    "severity, moves — then kilometres on an arc model priced in by column generation. When the time limit stops a",
    "later tier, `tiersProven` lists the tiers proved. Peak RSS is the child process's maxRSS over the whole size.",
    `Load average when the run ended: ${loadavg()
      .map((value) => number(value, 1))
      .join(" / ")} on ${cpus().length} CPUs.`,
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const childIndex = process.argv.indexOf("--child");
  if (childIndex !== -1) {
    await runChild(process.argv[childIndex + 1] ?? "");
    return;
  }
  const only = process.argv.slice(2).filter((arg) => SIZES.some((size) => size.name === arg));
  const results: SizeResult[] = [];
  for (const size of SIZES.filter((candidate) => only.length === 0 || only.includes(candidate.name))) {
    process.stderr.write(`engine benchmark: size ${size.name}…\n`);
    const result = runSizeInChild(size);
    process.stderr.write(`${JSON.stringify(result)}\n`);
    results.push(result);
  }
  const section = renderSection(results);
  if (only.length === 0) writeBenchmarkSection("## Engine", section);
  process.stdout.write(section);
}

await main();
