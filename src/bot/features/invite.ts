import { Composer } from "telegraf";
import { DomainError } from "../../domain/errors.ts";
import { formatDateTime } from "../../domain/time.ts";
import { createInvite, inviteLink, type InviteTarget } from "../../use-cases/create-invite.ts";
import type { BotContext } from "../context.ts";

export const inviteFeature = new Composer<BotContext>();

function parseTarget(args: string[]): InviteTarget | null {
  const [kind, code] = args;
  if (kind === "unit" && code) return { kind: "unit", unitCode: code };
  if (kind === "hr" && code) return { kind: "hr", agencyCode: code };
  if (kind === "admin") return { kind: "admin" };
  return null;
}

inviteFeature.command(["undang", "invite"], async (ctx) => {
  if (!ctx.isAdmin) throw new DomainError("not_admin");
  if (ctx.chat.type !== "private") throw new DomainError("private_only");
  const target = parseTarget(ctx.args);
  if (!target) {
    await ctx.reply(ctx.t("invite.usage"), { parse_mode: "HTML" });
    return;
  }
  const invite = await ctx.transact((tx) =>
    createInvite(tx, { target, createdBy: `telegram:${ctx.from.id}`, now: ctx.deps.clock.now() }),
  );
  await ctx.reply(
    ctx.t("invite.created", {
      target: invite.targetName,
      expires: formatDateTime(invite.expiresAt, ctx.deps.config.SCHEDULE_TIMEZONE),
      code: invite.code,
      link: inviteLink(ctx.botInfo.username, invite.code),
    }),
    { parse_mode: "HTML" },
  );
});
