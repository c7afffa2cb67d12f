import type { CliContext } from "../../src/cli/types.ts";
import type { Clock } from "../../src/domain/clock.ts";
import type { Database } from "../../src/db/client.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { createLogger } from "../../src/logger.ts";
import { fixedClock } from "./harness.ts";

/** The CLI's commands run against the test database; what they print is captured instead. */
export function testCli(
  prisma: PrismaClient,
  options: { dataDir?: string; clock?: Clock } = {},
): { ctx: CliContext; out: string[] } {
  const out: string[] = [];
  const database: Database = {
    prisma,
    kind: "embedded",
    migrate: async () => [],
    close: async () => undefined,
  };
  const ctx: CliContext = {
    config: {
      ...(options.dataDir !== undefined ? { DATA_DIR: options.dataDir } : {}),
      SCHEDULE_TIMEZONE: "Asia/Jayapura",
      LOG_LEVEL: "silent",
    } as CliContext["config"],
    clock: options.clock ?? fixedClock(),
    logger: createLogger("silent"),
    io: { out: (text) => out.push(text), err: (text) => out.push(text) },
    database: async () => database,
    migrationsApplied: () => [],
  };
  return { ctx, out };
}
