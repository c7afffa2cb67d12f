// The command line's one loop: pick the command, build its context, map errors to DESIGN.md's exit codes.
// `src/cli.ts` runs it with every command; the built `plan` (plan-cli.ts) with that one alone.
import { parseStorageConfig, ConfigError } from "../config.ts";
import type { Database } from "../db/client.ts";
import { systemClock } from "../domain/clock.ts";
import { createLogger } from "../logger.ts";
import { loadDotEnv } from "../load-env.ts";
import { CliError, type CliCommand, type CliContext } from "./types.ts";

export type CommandTable = Record<string, () => Promise<CliCommand>>;
/** Opens the database and migrates it; loaded only by a command that asks for it. */
export type OpenDatabase = (config: {
  databaseUrl: string | undefined;
  dataDir: string;
}) => Promise<Database>;

async function usage(commands: CommandTable): Promise<string> {
  const loaded = await Promise.all(Object.values(commands).map((load) => load()));
  return ["Usage: seimbang <command> [options]", "", ...loaded.map((c) => `  ${c.usage}`)].join("\n");
}

/** Runs one command line (`argv` without node and the script); resolves with the exit code. */
export async function runCli(
  argv: string[],
  commands: CommandTable,
  openDatabase: OpenDatabase,
): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${await usage(commands)}\n`);
    return name ? 0 : 2;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    process.stderr.write(`Unknown command: ${name}\n\n${await usage(commands)}\n`);
    return 2;
  }
  const command = await load();
  loadDotEnv();
  let database: Database | null = null;
  let applied: string[] = [];
  try {
    const config = parseStorageConfig();
    // Logs go to stderr at warn and above so stdout stays the command's own output.
    const logger = createLogger(config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL, process.stderr);
    const ctx: CliContext = {
      config,
      clock: systemClock,
      logger,
      migrationsApplied: () => applied,
      io: {
        out: (text) => process.stdout.write(`${text}\n`),
        err: (text) => process.stderr.write(`${text}\n`),
      },
      async database() {
        if (!database) {
          database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
          // The bot migrates at start; a CLI run on its own (no bot yet) must find the same schema.
          applied = await database.migrate();
        }
        return database;
      },
    };
    await command.run(args, ctx);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    process.stderr.write(`Failed: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  } finally {
    await (database as Database | null)?.close();
  }
}
