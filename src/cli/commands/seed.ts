import { seedDemo } from "../../use-cases/imports/index.ts";
import { usageError, type CliCommand } from "../types.ts";

export const seedCommand: CliCommand = {
  usage: "seed --demo                             load the Salor demo district (empty database)",
  async run(args, ctx) {
    if (args.length !== 1 || args[0] !== "--demo") throw usageError("usage: seed --demo");
    const { prisma } = await ctx.database();
    const result = await prisma.$transaction(
      (tx) => seedDemo(tx, { now: ctx.clock.now(), timeZone: ctx.config.SCHEDULE_TIMEZONE }),
      {
        timeout: 60_000,
      },
    );
    ctx.io.out(
      result.seeded
        ? `Seeded the Salor demo: ${result.agencies} agencies, ${result.units} units, ${result.employees} employees.`
        : "The demo district is already there; nothing changed.",
    );
  },
};
