import { Composer } from "telegraf";
import { DomainError } from "../../domain/errors.ts";
import { formatDateTime } from "../../domain/time.ts";
import { createInvite, inviteLink, type InviteTarget } from "../../use-cases/accounts/index.ts";
import type { BotContext } from "../context.ts";

export const inviteFeature = new Composer<BotContext>();

function parseTarget(args: string[]): InviteTarget | null {
  const [kind, code, ...rest] = args;
  if (kind === "unit" && code) return { kind: "unit", unitCode: code };
  if (kind === "hr" && code) return { kind: "hr", agencyCode: code };
  if (kind === "admin") return { kind: "admin" };
  // A NIP is often typed in its groups ("19850101 201001 2 001").
  if ((kind === "pegawai" || kind === "employee") && code)
    return { kind: "employee", nip: [code, ...rest].join("") };
  return null;
}

/**
 * /undang: admins invite anyone; a unit head invites the people of their own unit
 * (`/undang pegawai <NIP>`), and nothing else.
 */
inviteFeature.command(["undang", "invite"], async (ctx) => {
  const head = ctx.user?.role === "UNIT_HEAD" && ctx.user.unitId !== null ? ctx.user.unitId : null;
  if (!ctx.isAdmin && head === null) throw new DomainError("not_admin");
  if (ctx.chat.type !== "private") throw new DomainError("private_only");
  const target = parseTarget(ctx.args);
  if (!target || (!ctx.isAdmin && target.kind !== "employee")) {
    await ctx.reply(ctx.t(ctx.isAdmin ? "invite.usage" : "invite.usage_head"));
    return;
  }
  const invite = await ctx.transact((tx) =>
    createInvite(tx, {
      target,
      createdBy: `telegram:${ctx.from.id}`,
      now: ctx.deps.clock.now(),
      headUnitId: ctx.isAdmin ? null : head,
    }),
  );
  await ctx.reply(
    ctx.t(invite.role === "EMPLOYEE" ? "invite.employee_created" : "invite.created", {
      target: invite.targetName,
      expires: formatDateTime(invite.expiresAt, ctx.deps.config.SCHEDULE_TIMEZONE),
      code: invite.code,
      link: inviteLink(ctx.botInfo.username, invite.code),
    }),
  );
});
