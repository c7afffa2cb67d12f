/**
 * Benchmark of the balancing engine on synthetic districts (npm run bench:engine): plan format v2 and
 * v1, each with the new engine (the flow core first, the MILP where it cannot prove) and the old one
 * (the MILP alone), and the greedy baseline, side by side on the same districts, in one run.
 * `npm run bench:engine -- "M std"` runs the sizes named and prints without writing BENCHMARKS.md.
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
  /**
   * S, M, L: mixed hours (15 % of teachers at 18 or 12 JP, the stress case); "… std": every teacher at
   * the role's 24 JP, as a district's database gives (issue 30); "… no caps": without maxMovesPerUnit.
   */
  name: string;
  hours: "mixed" | "standard";
  caps: boolean;
  /** Runs of the old engine (the MILP alone); 0 where the flow core cannot apply (mixed hours). */
  oldRuns: number;
  units: number;
  people: number;
  runs: number;
  /** The engine's `timeLimitSeconds`; L gets 25 s so that a run, pairing included, ends within 30 s. */
  timeLimitSeconds: number;
}

const [M, L, XL] = [
  { units: 300, people: 5_000 },
  { units: 3_000, people: 50_000 },
  { units: 10_000, people: 150_000 },
];
const mixed = { hours: "mixed", caps: true, oldRuns: 0 } as const;
const standard = { hours: "standard", caps: true } as const;
const uncapped = { hours: "standard", caps: false } as const;
const SIZES: Size[] = [
  { name: "S", ...mixed, units: 50, people: 500, runs: 3, timeLimitSeconds: 60 },
  { name: "M", ...mixed, ...M, runs: 3, timeLimitSeconds: 60 },
  { name: "L", ...mixed, ...L, runs: 2, timeLimitSeconds: 25 },
  { name: "M std", ...standard, ...M, runs: 3, oldRuns: 3, timeLimitSeconds: 60 },
  { name: "L std", ...standard, ...L, runs: 1, oldRuns: 1, timeLimitSeconds: 60 },
  { name: "XL std", ...standard, ...XL, runs: 1, oldRuns: 1, timeLimitSeconds: 60 },
  { name: "M std, no caps", ...uncapped, ...M, runs: 3, oldRuns: 3, timeLimitSeconds: 60 },
  { name: "L std, no caps", ...uncapped, ...L, runs: 1, oldRuns: 1, timeLimitSeconds: 60 },
  { name: "XL std, no caps", ...uncapped, ...XL, runs: 1, oldRuns: 1, timeLimitSeconds: 60 },
];
const SCRIPT = fileURLToPath(import.meta.url);

type Method = "v2" | "v2 old" | "v1" | "v1 old" | "greedy";

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

/** One plan: wall seconds as the engine reports them, and this process's CPU seconds, which sharing the cores distorts less. */
async function runOnce(method: Method, input: PlanInput, size: Size) {
  const cpu = process.cpuUsage();
  const plan =
    method === "greedy"
      ? planTransfersGreedy(input)
      : await planTransfers(input, {
          timeLimitSeconds: size.timeLimitSeconds,
          flow: !method.endsWith("old"),
        });
  const used = process.cpuUsage(cpu);
  return { plan, seconds: plan.metrics.seconds, cpuSeconds: (used.user + used.system) / 1e6 };
}

function summary(method: Method, runs: Array<Awaited<ReturnType<typeof runOnce>>>): Measured {
  const plan = runs.at(-1)?.plan;
  if (plan === undefined) throw new Error("no run");
  const seconds = runs.map((run) => run.seconds);
  return {
    method,
    metrics: plan.metrics,
    shortfalls: plan.shortfalls?.length ?? 0,
    medianSeconds: median(seconds),
    medianCpuSeconds: median(runs.map((run) => run.cpuSeconds)),
    runs: runs.length,
    allSeconds: seconds,
  };
}

/**
 * The methods' runs in turns (new, old, new, old…), so that neither finds the process warmer than the
 * other: run one after the other, the old engine's runs came after the new one's and started warm.
 */
async function measure(methods: readonly Method[], input: PlanInput, size: Size): Promise<Measured[]> {
  const runsOf = (method: Method) =>
    method === "greedy" ? 1 : method.endsWith("old") ? size.oldRuns : size.runs;
  const done = methods.map(() => [] as Array<Awaited<ReturnType<typeof runOnce>>>);
  for (let turn = 0; turn < Math.max(...methods.map(runsOf)); turn++)
    for (const [index, method] of methods.entries())
      if (turn < runsOf(method)) done[index]?.push(await runOnce(method, input, size));
  return methods.map((method, index) => summary(method, done[index] ?? []));
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
  const generated = generateDistrict(size, undefined, size.hours);
  const v1 = size.caps ? generated : { ...generated, policy: { ...generated.policy, maxMovesPerUnit: null } };
  const v2 = asVersion2(v1);
  const old = size.oldRuns > 0;
  const results = [
    ...(await measure(["greedy"], v1, size)),
    ...(await measure(old ? ["v1", "v1 old"] : ["v1"], v1, size)),
    ...(await measure(old ? ["v2", "v2 old"] : ["v2"], v2, size)),
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
  const tiers = result.method.startsWith("v2") ? 4 : 3;
  const proven = result.metrics.tiersProven;
  return proven.length === tiers
    ? `optimal (${tiers}/${tiers})`
    : `tiers ${proven.join(", ") || "none"} of ${tiers}`;
}

function renderRow({ size, peakRssMb }: SizeResult, result: Measured): string {
  const m = result.metrics;
  return [
    `${size.name} (${number(size.units)} / ${number(size.people)})`,
    result.method.endsWith("old")
      ? result.method
      : result.method === "greedy"
        ? "greedy"
        : `${result.method} new`,
    m.method,
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

/** The issues' targets, met or missed, from this run's medians. */
function targets(results: SizeResult[]): string[] {
  const lines: string[] = [];
  const bySize = (name: string) => results.find((result) => result.size.name === name);
  const v2Of = (name: string) => {
    const result = bySize(name);
    return result && find(result, "v2");
  };
  for (const name of ["M std", "M std, no caps"]) {
    const m = v2Of(name);
    if (m === undefined) continue;
    const met = m.metrics.tiersProven.length === 4 && m.medianSeconds <= 1;
    lines.push(
      `- ${name}, v2 all four tiers proven within 1 s (issue 30): ${quality(m)} by ${m.metrics.method}, ${number(m.medianSeconds, 3)} s — ${met ? "met" : "**missed**"}.`,
    );
  }
  for (const name of ["L std", "L std, no caps"]) {
    const l = v2Of(name);
    if (l === undefined) continue;
    const all = l.metrics.tiersProven.length === 4 && Math.max(...l.allSeconds) <= 60;
    lines.push(
      `- ${name}, v2 all four tiers within 60 s (issue 30): tiers ${l.metrics.tiersProven.join(", ") || "none"} by ${l.metrics.method}, ${number(Math.max(...l.allSeconds), 3)} s — ${all ? "met" : "**missed**"}.`,
    );
  }
  const l = v2Of("L");
  if (l !== undefined) {
    const met = l.metrics.tiersProven.includes(2) && Math.max(...l.allSeconds) < 30;
    lines.push(
      `- L (mixed hours), v2 tiers 1–2 proven in < 30 s (issue 14): tiers ${l.metrics.tiersProven.join(", ") || "none"}, slowest run ${number(Math.max(...l.allSeconds), 3)} s — ${met ? "met" : "**missed**"}.`,
    );
  }
  for (const result of results) {
    for (const version of ["v2", "v1"] as const) {
      const fresh = find(result, version);
      const old = find(result, `${version} old`);
      if (fresh === undefined || old === undefined) continue;
      const same = (["unmetAfter", "severityAfter", "moves"] as const).every(
        (key) => Math.abs(fresh.metrics[key] - old.metrics[key]) < 1e-6,
      );
      lines.push(
        `- ${result.size.name}, ${version}: new / old seconds ${number(fresh.medianSeconds / Math.max(old.medianSeconds, 1e-3), 2)}× (${fresh.metrics.method} / ${old.metrics.method}), tiers ${fresh.metrics.tiersProven.join(", ") || "none"} / ${old.metrics.tiersProven.join(", ") || "none"}, unmet, severity and moves equal: ${same ? "yes" : "no"}, km ${number(fresh.metrics.km, 1)} / ${number(old.metrics.km, 1)}.`,
      );
    }
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
    "over about 100 × 100 km around Salor (XL: 10,000 units in the same area). S, M and L have mixed hours (15 % of",
    "teachers at 18 or 12 JP, the stress case); the std sizes give every teacher the role's 24 JP, as a district's",
    'database does (issue 30). Policy maxMovesPerUnit 3 (the product\'s default; none for the "no caps" sizes),',
    "maxDistanceKm 120 for every method",
    "(v2 without separate in/out bounds, so the objectives compare on equal terms). Hours a week; severity as in",
    'docs/plan-format.md; worst share = largest unmet / need. "shortfalls" = needs still short, each with its reason.',
    "",
    "Engines: new = the flow core first, the MILP where it cannot prove (docs/flow-core.md); old = the MILP alone",
    "(`flow: false`), run only where the flow core can apply (standard hours), its runs in turns with the new one's",
    '(new, old, new…) in one process per size. "by" is the plan\'s `metrics.method`.',
    "",
    "| size (units / people) | engine | by | wall s, median (runs) | CPU s, median | proven | unmet before | unmet after | severity after | worst share after | moves | km | shortfalls | peak RSS MB |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...results.flatMap((result) =>
      (["v2", "v2 old", "v1", "v1 old", "greedy"] as const).flatMap((method) => {
        const measured = find(result, method);
        return measured === undefined ? [] : [`| ${renderRow(result, measured)} |`];
      }),
    ),
    "",
    "Targets (issues 14 and 30):",
    ...targets(results),
    "",
    "Flow: the tiers as a min-cost flow, network simplex with reduced-cost fixing between tiers. MILP: tiers in order",
    "on a pooled MILP (HiGHS, LP first with lazily separated cuts) — unmet hours, (v2) severity, moves — then",
    "kilometres on an arc model priced in by column generation. When the time limit stops a later tier,",
    "`tiersProven` lists the tiers proved. Peak RSS is the child process's maxRSS over the whole size.",
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
