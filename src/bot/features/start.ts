import { Composer } from "telegraf";
import { queueCommandMenuOf, redeemInvite } from "../../use-cases/accounts/index.ts";
import type { BotContext } from "../context.ts";
import { personRole } from "../roles.ts";

export const startFeature = new Composer<BotContext>();

function displayName(from: { first_name: string; last_name?: string }): string {
  return [from.first_name, from.last_name].filter(Boolean).join(" ");
}

startFeature.start(async (ctx) => {
  if (ctx.chat.type !== "private") {
    await ctx.reply(ctx.t("start.group"));
    return;
  }
  const code = ctx.payload.trim();
  const name = displayName(ctx.from);
  if (code) {
    const redeemed = await ctx.transact(async (tx) => {
      const redeemed = await redeemInvite(tx, {
        code,
        person: { id: ctx.from.id, name, username: ctx.from.username },
        now: ctx.deps.clock.now(),
      });
      // The menu of the role just taken replaces the stranger's (issue 25).
      await queueCommandMenuOf(tx, ctx.from.id, ctx.deps.config);
      return redeemed;
    });
    const key =
      redeemed.role === "UNIT_HEAD"
        ? "invite.redeemed.unit_head"
        : redeemed.role === "HR_APPROVER"
          ? "invite.redeemed.hr_approver"
          : redeemed.role === "EMPLOYEE"
            ? "invite.redeemed.employee"
            : "invite.redeemed.admin";
    const params = { name, unit: redeemed.unitName ?? "", agency: redeemed.agencyName ?? "" };
    await ctx.reply(ctx.t(key, { ...params, employee: redeemed.employeeName ?? "" }));
    return;
  }
  const role = personRole(ctx);
  await ctx.reply(
    ctx.t(`start.welcome.${role}`, {
      name,
      unit: ctx.user?.unit?.name ?? "",
      agency: ctx.user?.agency?.name ?? "",
    }),
  );
});
