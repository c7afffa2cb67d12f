import type { CliCommand } from "../types.ts";

export const migrateCommand: CliCommand = {
  usage: "migrate                                 apply database migrations",
  async run(_args, ctx) {
    const db = await ctx.database();
    const applied = await db.migrate();
    ctx.io.out(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
  },
};
