import { addCompatibility, listRoles, removeCompatibility } from "../../use-cases/units/index.ts";
import { operatorError, usageError, type CliCommand } from "../types.ts";
import { refusalsAsOperatorErrors } from "../domain-errors.ts";

const USAGE =
  "usage: compat list [--json] | compat add <FROM> <TO> [--note TEXT] | compat remove <FROM> <TO>";

export const compatCommand: CliCommand = {
  usage: "compat list [--json] | compat add <FROM> <TO> [--note TEXT] | compat remove <FROM> <TO>",
  async run(args, ctx) {
    const [action, ...rest] = args;
    if (action === "list") {
      if (rest.some((a) => a !== "--json")) throw usageError(USAGE);
      const { prisma } = await ctx.database();
      const pairs = (await listRoles(prisma)).flatMap((r) =>
        r.fills.map((f) => ({ from: r.code, to: f.code, note: f.note })),
      );
      if (rest.includes("--json")) ctx.io.out(JSON.stringify(pairs, null, 2));
      else if (pairs.length === 0) ctx.io.out("No compatibility yet: every role fills only itself.");
      else for (const p of pairs) ctx.io.out(`${p.from} → ${p.to}${p.note ? `  (${p.note})` : ""}`);
      return;
    }
    if (action !== "add" && action !== "remove") throw usageError(USAGE);
    const [fromArg, toArg, ...options] = rest;
    if (!fromArg || !toArg || fromArg.startsWith("--") || toArg.startsWith("--")) throw usageError(USAGE);
    const pair = { from: fromArg.toUpperCase(), to: toArg.toUpperCase() };
    let note: string | undefined;
    if (options.length > 0) {
      if (action !== "add" || options[0] !== "--note" || options.length !== 2) throw usageError(USAGE);
      note = options[1];
    }
    const { prisma } = await ctx.database();
    const actor = { name: "cli" };
    if (action === "add") {
      // A refusal (an unknown role, a role paired with itself) in the locale's English words, exit 1.
      const outcome = await refusalsAsOperatorErrors(
        prisma.$transaction((tx) => addCompatibility(tx, { ...pair, note }, actor)),
      );
      ctx.io.out(`${pair.from} → ${pair.to}: ${outcome}`);
      return;
    }
    const removed = await refusalsAsOperatorErrors(
      prisma.$transaction((tx) => removeCompatibility(tx, pair, actor)),
    );
    if (!removed) throw operatorError(`${pair.from} → ${pair.to} is not recorded; see \`compat list\`.`);
    ctx.io.out(`${pair.from} → ${pair.to}: removed`);
  },
};
