// `seimbang plan` from the build (scripts/build-engine.ts): the same command and the same loop as
// src/cli.ts, without loading tsx and the sources first (0.6–0.9 s of `cli plan`'s start-up on M, where
// issue 30 asks for 3 s wall). bin/seimbang.js runs it only while the build is current.
import { PlanWorker } from "../engine/plan-thread.ts";
import { operatorError } from "./types.ts";

export { buildIsCurrent } from "../engine/worker-entry.ts";

/** `seimbang plan …` (`argv` from the command's name on); resolves with the exit code. */
export async function runPlan(argv: string[]): Promise<number> {
  // The engine's thread starts before this one loads any more code (the engine, HiGHS's glue, zod,
  // the logger: 0.15 s), so that both load at once. It is the command's; stopped here too if the
  // command never took it (a usage error).
  const worker = new PlanWorker();
  try {
    const { runCli } = await import("./run-cli.ts");
    const plan = async () => (await import("./commands/plan.ts")).planCommandWith(() => worker);
    return await runCli(argv, { plan }, () => {
      throw operatorError("plan needs no database");
    });
  } finally {
    await worker.stop();
  }
}
