// The admin command line: `npm run -s cli -- <command>` (or the `seimbang` bin). Prints only its own output.
import { parseStorageConfig, ConfigError } from "./config.ts";
import type { Database } from "./db/client.ts";
import { systemClock } from "./domain/clock.ts";
import { createLogger } from "./logger.ts";
import { commands } from "./cli/registry.ts";
import { CliError, type CliContext } from "./cli/types.ts";
import { loadDotEnv } from "./load-env.ts";

async function usage(): Promise<string> {
  const loaded = await Promise.all(Object.values(commands).map((load) => load()));
  return ["Usage: seimbang <command> [options]", "", ...loaded.map((c) => `  ${c.usage}`)].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${await usage()}\n`);
    return name ? 0 : 2;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    process.stderr.write(`Unknown command: ${name}\n\n${await usage()}\n`);
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
          // Loaded here: Prisma and PGlite cost 0.3 s of start-up that `plan` and `what-if` do not need.
          const { openDatabase } = await import("./db/client.ts");
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

process.exitCode = await main(process.argv.slice(2));
