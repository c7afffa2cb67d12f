/**
 * One size, one plan format, one run of the exact engine (npx tsx bench/engine-stages.ts M 2 60): a
 * quick check of a change to src/domain/balance/exact/ before the full `npm run bench:engine`. Prints
 * each step of each stage as it ends (seconds from the start, objective, bound) on stderr, then wall
 * and CPU seconds, the tiers proved, the four tiers' values and the load average.
 *
 * A fifth argument names a folder: each model branch and bound starts on is written there as
 * `<stage>.mps` (`<stage>-2.mps`… when a stage starts again after Hall cuts), so that another
 * solver, or bench/solve-mps.ts, can be measured on exactly the same models.
 * A sixth, `standard`, gives every teacher the role's 24 JP (issue 30); pass `-` as the folder to
 * write no models: `npx tsx bench/engine-stages.ts M 2 60 - standard`.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadavg } from "node:os";
import { planTransfers } from "../src/domain/balance/index.ts";
import { asVersion2, generateDistrict } from "./engine-district.ts";

const SIZES = {
  S: { units: 50, people: 500 },
  M: { units: 300, people: 5_000 },
  L: { units: 3_000, people: 50_000 },
  XL: { units: 10_000, people: 150_000 },
};

const name = process.argv[2] ?? "S";
const size = SIZES[name as keyof typeof SIZES];
if (size === undefined) throw new Error(`size ${name}: S, M, L or XL`);
const version = process.argv[3] === "1" ? 1 : 2;
const timeLimitSeconds = Number(process.argv[4] ?? 60);
const modelFolder = process.argv[5] === "-" ? undefined : process.argv[5];

function writeModel(stage: string, mps: () => Uint8Array): void {
  if (modelFolder === undefined) return;
  let file = join(modelFolder, `${stage}.mps`);
  for (let again = 2; existsSync(file); again++) file = join(modelFolder, `${stage}-${again}.mps`);
  writeFileSync(file, mps());
  process.stderr.write(`         model written to ${file}\n`);
}
// A sixth argument "standard" gives every teacher the role's 24 JP, as a district's database does (issue 30).
const v1 = generateDistrict(size, undefined, process.argv[6] === "standard" ? "standard" : "mixed");
const input = version === 2 ? asVersion2(v1) : v1;
const cpu = process.cpuUsage();
const started = performance.now();
const round = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);
const plan = await planTransfers(input, {
  timeLimitSeconds,
  trace: (step) => {
    if (step.mps !== undefined) writeModel(step.stage, step.mps);
    process.stderr.write(
      `${((step.at - started) / 1000).toFixed(2).padStart(7)} s  ${step.stage.padEnd(8)} ${step.step.padEnd(16)} objective ${round(step.objective)}  bound ${round(step.bound)}${step.optimal ? "  optimal" : ""}\n`,
    );
  },
});
const used = process.cpuUsage(cpu);
const m = plan.metrics;
process.stdout.write(
  `${JSON.stringify({
    size: name,
    version,
    seconds: m.seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    tiersProven: m.tiersProven,
    unmetAfter: m.unmetAfter,
    severityAfter: m.severityAfter,
    moves: m.moves,
    km: m.km,
    load: loadavg().map((value) => Math.round(value * 100) / 100),
  })}\n`,
);
