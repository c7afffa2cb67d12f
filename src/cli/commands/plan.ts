import { readFile, writeFile } from "node:fs/promises";
import { PlanInputError, type PlanInput } from "../../domain/balance/index.ts";
import { PlanWorker, planWithin } from "../../engine/plan-within.ts";
import { operatorError, usageError, type CliCommand } from "../types.ts";

const USAGE = "usage: plan --input <snapshot.json> [--output <plan.json>] [--time-limit <seconds>]";
/** The engine's own default (domain/balance/index.ts). */
const DEFAULT_TIME_LIMIT_SECONDS = 60;

function parseArgs(args: string[]): { input: string; output: string | null; timeLimitSeconds: number } {
  let input: string | null = null;
  let output: string | null = null;
  let timeLimitSeconds = DEFAULT_TIME_LIMIT_SECONDS;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = args[i + 1];
    if (arg === "--time-limit" && value !== undefined) {
      timeLimitSeconds = Number(value.replace(",", "."));
      if (!Number.isFinite(timeLimitSeconds) || timeLimitSeconds < 1 || timeLimitSeconds > 3600)
        throw usageError(`--time-limit is seconds from 1 to 3600: ${value}\n${USAGE}`);
      i += 1;
    } else if ((arg === "--input" || arg === "--output") && value && !value.startsWith("--")) {
      if (arg === "--input") input = value;
      else output = value;
      i += 1;
    } else {
      throw usageError(
        `${arg === "--input" || arg === "--output" ? `${arg} needs a file name` : `unknown argument: ${arg}`}\n${USAGE}`,
      );
    }
  }
  if (!input) throw usageError(USAGE);
  return { input, output, timeLimitSeconds };
}

/**
 * The engine on a file: no database, no bot. Reads plan format v1 or v2 and prints (or writes) the
 * plan in the format of docs/plan-format.md: moves, metrics and shortfalls. `startWorker` gives the
 * engine's thread: a new one, or the one `seimbang plan` started before loading this file (plan-cli.ts).
 */
export const planCommandWith = (startWorker: () => PlanWorker): CliCommand => ({
  usage:
    "plan --input <snapshot.json> [--output <plan.json>] [--time-limit <seconds>]   propose transfers for a snapshot, back within the limit + 1 s",
  async run(args, ctx) {
    const { input, output, timeLimitSeconds } = parseArgs(args);
    // The engine's thread loads while the file is read and checked (issue 30: 5,000 people in 3 s wall).
    const worker = startWorker();
    let json: unknown;
    try {
      json = await readJson(input);
    } catch (error) {
      await worker.stop();
      throw error;
    }
    try {
      const plan = await planWithin(json as PlanInput, { timeLimitSeconds }, worker);
      const { moves, metrics, shortfalls } = plan;
      const result = `${JSON.stringify({ moves, metrics, shortfalls }, null, 2)}\n`;
      if (output) {
        await writeFile(output, result);
        ctx.io.out(
          `Plan written to ${output}: ${plan.metrics.moves} moves, unmet ${plan.metrics.unmetBefore} → ${plan.metrics.unmetAfter} h/week.`,
        );
      } else {
        ctx.io.out(result.trimEnd());
      }
    } catch (error) {
      if (error instanceof PlanInputError) throw operatorError(`${input}: ${error.message}`);
      throw error;
    }
  },
});

export const planCommand = planCommandWith(() => new PlanWorker());

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw operatorError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw operatorError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}
