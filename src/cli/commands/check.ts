import { runBalancingCheck } from "../../use-cases/run-balancing-check.ts";
import { usageError, type CliCommand } from "../types.ts";

/**
 * Without --post it is a dry run: the plan is computed and printed, nothing is stored or sent.
 * With --post it stores the run and the proposals and queues the alerts and digests (the running bot
 * sends them).
 */
export const checkCommand: CliCommand = {
  usage:
    "check [--post]                          run the balancing check (--post stores and sends the proposals)",
  async run(args, ctx) {
    if (args.some((a) => a !== "--post")) throw usageError("usage: check [--post]");
    const post = args.includes("--post");
    const { prisma } = await ctx.database();
    const result = await runBalancingCheck(prisma, ctx.clock, {
      trigger: "CLI",
      post,
      timeZone: ctx.config.SCHEDULE_TIMEZONE,
      locale: ctx.config.DEFAULT_LOCALE,
      logger: ctx.logger,
    });
    if (result.blackout) {
      const b = result.blackout;
      ctx.io.out(
        `Transfer freeze ${b.from} to ${b.to} (${b.reason}): no proposals${post ? `; run #${result.runId} recorded` : ""}.`,
      );
      if (post) return;
    }
    const m = result.plan?.metrics;
    ctx.io.out(
      `${post ? `Run #${result.runId}` : "Dry run (nothing stored; add --post to propose)"}: unmet ${result.unmetBefore} → ${result.unmetAfter} h/week, ` +
        `${result.proposals.length} ${post ? "proposals created" : "moves"}${result.skipped ? `, ${result.skipped} skipped (already pending)` : ""}` +
        (m ? `, ${m.km} km, ${m.optimal ? "optimal" : "not proved optimal"}, ${m.seconds} s.` : "."),
    );
    for (const p of result.proposals) {
      ctx.io.out(
        `  ${p.id === null ? "-" : `#${p.id}`} ${p.employee} (${p.nip}) ${p.from} → ${p.to} as ${p.role}: ${p.reason}`,
      );
    }
    if (post && result.alerts > 0)
      ctx.io.out(
        `Queued ${result.alerts} alert(s) with their digests for the HR groups: ${result.sent} proposals.`,
      );
    // Proposals of an agency with no HR group are counted apart; the admins were told (outbox).
    if (post && result.waiting > 0)
      ctx.io.out(
        `${result.waiting} proposal(s) wait for an HR group (agency not linked); the admins were told.`,
      );
  },
};
