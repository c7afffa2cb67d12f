// `seimbang plan` from the build (scripts/build-engine.ts): the same command and the same loop as
// src/cli.ts, without loading tsx and the sources first (0.6–0.9 s of `cli plan`'s start-up on M, where
// issue 30 asks for 3 s wall). bin/seimbang.js runs it only while the build is current.
import { planCommand } from "./commands/plan.ts";
import { runCli } from "./run-cli.ts";
import { operatorError } from "./types.ts";

export { buildIsCurrent } from "../engine/worker-entry.ts";

/** `seimbang plan …` (`argv` from the command's name on); resolves with the exit code. */
export function runPlan(argv: string[]): Promise<number> {
  return runCli(argv, { plan: async () => planCommand }, () => {
    throw operatorError("plan needs no database");
  });
}
