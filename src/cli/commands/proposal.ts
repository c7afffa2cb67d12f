import { cancelProposal, liftRejection } from "../../use-cases/proposals/index.ts";
import { usageError, type CliCommand } from "../types.ts";
import { refusalsAsOperatorErrors } from "../domain-errors.ts";
import { CLI_ACTOR, proposalIdArg, readFlags } from "./sk.ts";

const USAGE = [
  'usage: proposal cancel <proposal> --reason "<reason>"',
  "       proposal lift-rejection <proposal>",
].join("\n");

export const proposalCommand: CliCommand = {
  usage:
    'proposal cancel <proposal> --reason "<reason>"  cancel an approved or decreed proposal before its TMT\n' +
    "proposal lift-rejection <proposal>       let later checks propose a rejected person (for that school) again",
  async run(args, ctx) {
    const [action, first, ...options] = args;
    if (action === "lift-rejection") {
      if (options.length > 0) throw usageError(USAGE);
      const proposalId = proposalIdArg(first, USAGE);
      const { prisma } = await ctx.database();
      const lifted = await refusalsAsOperatorErrors(
        prisma.$transaction((tx) =>
          liftRejection(tx, {
            proposalId,
            actor: CLI_ACTOR,
            now: ctx.clock.now(),
            timeZone: ctx.config.SCHEDULE_TIMEZONE,
          }),
        ),
      );
      const what = lifted.rejectScope === "PERSON" ? "any school" : lifted.toUnit.code;
      ctx.io.out(
        `lifted: rejection of proposal #${lifted.id} ${lifted.employee.nip} ${lifted.employee.name}; the next check may propose them for ${what} again`,
      );
      return;
    }
    if (action !== "cancel") throw usageError(USAGE);
    const proposalId = proposalIdArg(first, USAGE);
    const reason = readFlags(options, ["--reason"], USAGE).get("--reason");
    if (reason === undefined) throw usageError(USAGE);
    const { prisma } = await ctx.database();
    const cancelled = await refusalsAsOperatorErrors(
      prisma.$transaction((tx) =>
        cancelProposal(tx, {
          proposalId,
          actor: CLI_ACTOR,
          reason,
          now: ctx.clock.now(),
          timeZone: ctx.config.SCHEDULE_TIMEZONE,
          locale: "id",
          details: { source: "cli" },
        }),
      ),
    );
    ctx.io.out(
      `cancelled: proposal #${cancelled.id} ${cancelled.employee.nip} ${cancelled.employee.name} ${cancelled.fromUnit.code} → ${cancelled.toUnit.code}: ${cancelled.cancelReason}`,
    );
  },
};
