/**
 * Solves one model file (written by bench/engine-stages.ts) with the engine's HiGHS runtime and the
 * engine's options, from scratch: `npx tsx bench/solve-mps.ts <file.mps> <relative gap> [seconds] [lp]`
 * (`lp`: its relaxation only, by simplex). Prints a JSON line: status (7 optimal, 13 time limit),
 * seconds, objective and proven bound. Put beside another solver's run on the same file, it tells
 * what the engine's solver costs, apart from the model it is given.
 */
import { readFileSync } from "node:fs";
import { loadHighs } from "../src/domain/balance/exact/highs-runtime.ts";
import { SESSION_OPTIONS } from "../src/domain/balance/exact/highs-session.ts";

const [file, gap = "0", seconds = "150", mode] = process.argv.slice(2);
if (file === undefined) throw new Error("usage: solve-mps.ts <file.mps> <relative gap> [seconds] [lp]");
const highs = await loadHighs();
const model = highs.createModel({ format: "mps", data: readFileSync(file) });
model.options.set({ ...SESSION_OPTIONS, mip_rel_gap: Number(gap), time_limit: Number(seconds) });
if (mode === "lp") {
  const { numCols } = model.getDimensions();
  model.changeColsIntegrality({ kind: "range", from: 0, to: numCols - 1 }, new Int32Array(numCols));
  model.options.set({ solver: "simplex" });
}
const started = performance.now();
const { modelStatus } = model.run();
process.stdout.write(
  `${JSON.stringify({
    file,
    status: modelStatus,
    seconds: Math.round(performance.now() - started) / 1000,
    objective: model.getObjectiveValue(),
    bound: mode === "lp" ? model.getObjectiveValue() : Number(model.info.get("mip_dual_bound")),
    iterations: mode === "lp" ? Number(model.info.get("simplex_iteration_count")) : undefined,
  })}\n`,
);
model.dispose();
