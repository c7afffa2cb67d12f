import { getUnwillingCountsAsObjection } from "../../db/employee-statements.ts";
import { setUnwillingPolicy } from "../../use-cases/set-unwilling-policy.ts";
import { usageError, type CliCommand } from "../types.ts";

const USAGE = "usage: policy unwilling-objection [on|off]";

const describe = (on: boolean) =>
  on
    ? "unwilling-objection: on (an employee's own 'tidak bersedia' keeps them out of proposals)"
    : "unwilling-objection: off (only a head's recorded objection keeps someone out of proposals)";

export const policyCommand: CliCommand = {
  usage: "policy unwilling-objection [on|off]    whether an employee's 'not willing' counts as an objection",
  async run(args, ctx) {
    const [name, value, ...rest] = args;
    if (
      name !== "unwilling-objection" ||
      rest.length > 0 ||
      (value !== undefined && value !== "on" && value !== "off")
    )
      throw usageError(USAGE);
    const { prisma } = await ctx.database();
    if (value === undefined) {
      ctx.io.out(describe(await getUnwillingCountsAsObjection(prisma)));
      return;
    }
    const { after } = await prisma.$transaction((tx) =>
      setUnwillingPolicy(tx, { value: value === "on", actorName: "cli" }),
    );
    ctx.io.out(describe(after));
  },
};
