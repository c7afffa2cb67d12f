/**
 * `seimbang plan` as an operator runs it (issue 30: 5,000 people in 3 s wall, start-up included; npm run
 * bench:cli-plan). Each run is a new process on a file of M (300 units / 5,000 people, standard hours,
 * plan v2), with the cap (`maxMovesPerUnit` 3: the MILP) and without (the flow core): through the bin,
 * which runs `plan` from the engine's build when it is current, and through `tsx src/cli.ts` (`npm run
 * cli`), which loads the sources, alternating in one sitting. Medians replace the "## cli plan" section
 * of BENCHMARKS.md.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { Plan } from "../src/domain/balance/index.ts";
import { buildIsCurrent } from "../src/engine/worker-entry.ts";
import { writeBenchmarkSection } from "./benchmarks-file.ts";
import { asVersion2, generateDistrict } from "./engine-district.ts";

const RUNS = Number(process.argv[2] ?? 5);
const dir = mkdtempSync(join(tmpdir(), "seimbang-bench-cli-"));
const capped = asVersion2(generateDistrict({ units: 300, people: 5_000 }, undefined, "standard"));
const files = {
  "with the cap": capped,
  "no caps": { ...capped, policy: { ...capped.policy, maxMovesPerUnit: null } },
};
const routes = {
  "bin (the build)": [process.execPath, "bin/seimbang.js"],
  "tsx src/cli.ts (the sources, worker from the build)": [join("node_modules", ".bin", "tsx"), "src/cli.ts"],
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const lines: string[] = [];
for (const [name, input] of Object.entries(files)) {
  const file = join(dir, "district.json");
  const output = join(dir, "plan.json");
  writeFileSync(file, JSON.stringify(input));
  const walls = new Map<string, number[]>(Object.keys(routes).map((route) => [route, []]));
  const engine = new Map<string, number[]>(Object.keys(routes).map((route) => [route, []]));
  let plan: Plan | undefined;
  for (let run = 0; run < RUNS; run++) {
    for (const [route, [command, script]] of Object.entries(routes)) {
      const started = performance.now();
      execFileSync(command!, [script!, "plan", "--input", file, "--output", output], { stdio: "ignore" });
      walls.get(route)?.push((performance.now() - started) / 1000);
      plan = JSON.parse(readFileSync(output, "utf8")) as Plan;
      engine.get(route)?.push(plan.metrics.seconds);
    }
  }
  for (const route of Object.keys(routes)) {
    const wall = walls.get(route) ?? [];
    lines.push(
      `| M, ${name} | ${route} | ${median(wall).toFixed(2)} s (${Math.min(...wall).toFixed(2)}–${Math.max(...wall).toFixed(2)}) | ${median(engine.get(route) ?? []).toFixed(2)} s | ${plan?.metrics.method} | ${plan?.metrics.tiersProven.join(", ")} |`,
    );
    process.stdout.write(`${lines.at(-1)}\n`);
  }
}
rmSync(dir, { recursive: true, force: true });

writeBenchmarkSection(
  "## cli plan",
  [
    "## cli plan",
    "",
    `Run ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores (load ${loadavg()[0]?.toFixed(1)}), ${RUNS} runs per route, alternating; the engine's build was ${buildIsCurrent() ? "current" : "stale (so the bin ran the sources too)"}. \`npm run bench:cli-plan\`. Wall: the process from start to exit, median (fastest–slowest). Engine: the plan's own \`metrics.seconds\`, in the worker. Issue 30 asks for 3 s wall.`,
    "",
    "| district | route | wall | engine | by | tiers proven |",
    "| --- | --- | ---: | ---: | --- | --- |",
    ...lines,
    "",
  ].join("\n"),
);
