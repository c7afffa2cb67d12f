import { formatHoursSplit } from "../../messages/format.ts";
import { runBalancingCheck } from "../../use-cases/balancing-check/index.ts";
import { usageError, type CliCommand } from "../types.ts";

const USAGE = "usage: check [--post] [--json]";

/**
 * Without --post it is a dry run: the plan is computed and printed, nothing is stored or sent.
 * With --post it stores the run and the proposals and queues the alerts and digests (the running bot
 * sends them). With --json it prints the result as JSON: metrics (with severity, worst share and the
 * tiers proven), the proposals and every need still short with its reason (docs/plan-format.md).
 */
export const checkCommand: CliCommand = {
  usage:
    "check [--post] [--json]                 run the balancing check (--post stores and sends the proposals)",
  async run(args, ctx) {
    if (args.some((a) => a !== "--post" && a !== "--json")) throw usageError(USAGE);
    const post = args.includes("--post");
    const { prisma } = await ctx.database();
    const result = await runBalancingCheck(prisma, ctx.clock, {
      trigger: "CLI",
      post,
      timeZone: ctx.config.SCHEDULE_TIMEZONE,
      locale: ctx.config.DEFAULT_LOCALE,
      logger: ctx.logger,
    });
    if (args.includes("--json")) {
      const { runId, blackout, proposals, skipped, alerts, sent, waiting, plan, kept, withdrawn } = result;
      const json = {
        runId,
        blackout,
        metrics: plan?.metrics ?? null,
        proposals,
        // The plan in flight (issue 24): pending proposals kept and withdrawn, and why each was dropped.
        kept,
        withdrawn,
        dropped: plan?.dropped ?? [],
        skipped,
        alerts,
        sent,
        waiting,
      };
      const { certifiedUnderStandard } = result;
      ctx.io.out(
        JSON.stringify({ ...json, shortfalls: plan?.shortfalls ?? [], certifiedUnderStandard }, null, 2),
      );
      return;
    }
    if (result.blackout) {
      const b = result.blackout;
      ctx.io.out(
        `Transfer freeze ${b.from} to ${b.to} (${b.reason}): no proposals${post ? `; run #${result.runId} recorded` : ""}.`,
      );
      if (post) return;
    }
    const m = result.plan?.metrics;
    ctx.io.out(
      `${post ? `Run #${result.runId}` : "Dry run (nothing stored; add --post to propose)"}: unmet ${formatHoursSplit("en", result.unmetHours.before)} → ${formatHoursSplit("en", result.unmetHours.after)} a week, ` +
        `${result.proposals.length} ${post ? "proposals created" : "moves"}${result.skipped ? `, ${result.skipped} skipped (already pending)` : ""}` +
        (m?.inFlight
          ? `; in flight: ${m.inFlight.pendingKept} pending kept, ${result.withdrawn} withdrawn, ${m.inFlight.committed} committed (approved or decreed)`
          : "") +
        (m ? `, ${m.km} km, ${m.optimal ? "optimal" : "not proved optimal"}, ${m.seconds} s.` : "."),
    );
    for (const p of result.proposals) {
      ctx.io.out(
        `  ${p.id === null ? "-" : `#${p.id}`} ${p.employee} (${p.nip}) ${p.from} → ${p.to} as ${p.role}: ${p.reason}`,
      );
    }
    const certified = result.certifiedUnderStandard;
    if (certified.length > 0) {
      ctx.io.out(
        `Certified teachers under the standard JP (the professional allowance needs 24 JP): ${certified.length}`,
      );
      for (const c of certified)
        ctx.io.out(
          `  ${c.nip} ${c.name} (${c.unitCode} ${c.roleCode}) teaches ${c.hoursTaught} of ${c.standardHours} JP`,
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
