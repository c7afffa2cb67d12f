import { writeFile } from "node:fs/promises";
import { buildPlanInput } from "../../db/build-plan-input.ts";
import { usageError, type CliCommand } from "../types.ts";

/** The database in the plan format, for `plan`, for analysis, or to send to someone who helps. */
export const snapshotCommand: CliCommand = {
  usage: "snapshot [--out <file>]                 write the district as plan input (JSON)",
  async run(args, ctx) {
    let out: string | null = null;
    if (args.length > 0) {
      if (args[0] !== "--out" || !args[1] || args.length > 2)
        throw usageError("usage: snapshot [--out <file>]");
      out = args[1];
    }
    const { prisma } = await ctx.database();
    const { input } = await buildPlanInput(prisma, {
      now: ctx.clock.now(),
      timeZone: ctx.config.SCHEDULE_TIMEZONE,
    });
    const json = `${JSON.stringify(input, null, 2)}\n`;
    if (!out) {
      ctx.io.out(json.trimEnd());
      return;
    }
    await writeFile(out, json);
    ctx.io.out(
      `Snapshot written to ${out}: ${input.units.length} units, ${input.employees.length} employees (${input.employees.filter((e) => e.movable).length} movable).`,
    );
  },
};
