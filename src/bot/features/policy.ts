import { Composer } from "telegraf";
import { getUnwillingCountsAsObjection } from "../../db/employee-statements.ts";
import type { Blackout } from "../../domain/blackout.ts";
import { DomainError } from "../../domain/errors.ts";
import {
  listBlackouts,
  listPrivateSchoolPolicies,
  setPrivateSchoolPolicy,
} from "../../use-cases/policy/index.ts";
import type { BotContext } from "../context.ts";

/**
 * /kebijakan: the admin reads the policy — the election freeze periods (UU 10/2016 Pasal 71(2)) with
 * the Minister's approval where one is recorded, and whether "tidak bersedia" counts as an objection.
 * Changing them is the CLI's `policy` command, but for the private schools (issue 29):
 * `/kebijakan swasta tidak|permintaan|ya [KODE]` sets it for one agency or all, audited.
 */
export const policyFeature = new Composer<BotContext>();

const dmy = (iso: string) => iso.split("-").reverse().join("-");

function periodLine(ctx: BotContext, b: Blackout, n: number): string {
  const params = { n, from: dmy(b.from), to: dmy(b.to), reason: b.reason || "—" };
  return b.approval
    ? ctx.t("policy.blackout_approved", {
        ...params,
        nomor: b.approval.nomor,
        tanggal: dmy(b.approval.tanggal),
      })
    : ctx.t("policy.blackout_frozen", params);
}

/** The words an admin types for each setting, Indonesian and English alike. */
const PRIVATE_WORDS: Record<string, "OFF" | "ON_REQUEST" | "ON"> = {
  tidak: "OFF",
  off: "OFF",
  permintaan: "ON_REQUEST",
  request: "ON_REQUEST",
  "on-request": "ON_REQUEST",
  ya: "ON",
  on: "ON",
};

policyFeature.command(["kebijakan", "policy"], async (ctx) => {
  if (!ctx.isAdmin) throw new DomainError("policy_not_admin");
  if (ctx.chat.type !== "private") throw new DomainError("private_only");
  const [what, value, agency, ...extra] = ctx.payload.trim().split(/\s+/).filter(Boolean);
  if (what !== undefined) {
    const policy = PRIVATE_WORDS[value?.toLowerCase() ?? ""];
    if (what.toLowerCase() !== "swasta" || policy === undefined || extra.length > 0) {
      await ctx.reply(ctx.t("policy.private_usage"));
      return;
    }
    await ctx.transact((tx) =>
      setPrivateSchoolPolicy(tx, {
        policy,
        actor: ctx.actor,
        ...(agency ? { agencyCode: agency.toUpperCase() } : {}),
      }),
    );
    await ctx.reply(ctx.t("policy.private_set"));
  }
  const [blackouts, unwilling, privateSchools] = await Promise.all([
    listBlackouts(ctx.deps.db),
    getUnwillingCountsAsObjection(ctx.deps.db),
    listPrivateSchoolPolicies(ctx.deps.db),
  ]);
  const lines = [
    ctx.t("policy.title"),
    ctx.t("policy.blackouts_title", { count: blackouts.length }),
    ...(blackouts.length === 0
      ? [ctx.t("policy.blackouts_none")]
      : blackouts.map((b, i) => periodLine(ctx, b, i + 1))),
    "",
    ctx.t(unwilling ? "policy.unwilling_on" : "policy.unwilling_off"),
    "",
    ctx.t("policy.private_title"),
    ...privateSchools.map((a) => ctx.t(`policy.private.${a.policy}`, { agency: a.name })),
    "",
    ctx.t("policy.how"),
  ];
  await ctx.reply(lines.join("\n"));
});
