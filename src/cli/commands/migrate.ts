import type { CliCommand } from "../types.ts";

export const migrateCommand: CliCommand = {
  usage: "migrate                                 apply database migrations",
  async run(_args, ctx) {
    await ctx.database();
    const applied = ctx.migrationsApplied();
    ctx.io.out(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
  },
};
