// The admin command line: `npm run -s cli -- <command>` (or the `seimbang` bin). Prints only its own output.
import { commands } from "./cli/registry.ts";
import { runCli } from "./cli/run-cli.ts";

process.exitCode = await runCli(process.argv.slice(2), commands, async (options) => {
  // Loaded here: Prisma and PGlite cost 0.3 s of start-up that `plan` and `what-if` do not need.
  const { openDatabase } = await import("./db/client.ts");
  return openDatabase(options);
});
