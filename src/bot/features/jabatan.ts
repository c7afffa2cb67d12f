import { Composer } from "telegraf";
import { DomainError } from "../../domain/errors.ts";
import { formatNumber, Html } from "../../messages/locales/index.ts";
import { listRoles, type RoleView } from "../../use-cases/units/index.ts";
import type { BotContext } from "../context.ts";

/** /jabatan: the admin reads roles (hours, unit, BUP, teacher, review) and which role may fill which. */
export const jabatanFeature = new Composer<BotContext>();

// Well under Telegram's 4,096 visible characters, leaving room for the markup the limit ignores.
const MESSAGE_BUDGET = 3_500;

function roleLines(ctx: BotContext, role: RoleView): string[] {
  const line = ctx.t("jabatan.role_line", {
    code: role.code,
    name: role.name,
    hours: formatNumber(ctx.locale, role.standardHours),
    unit: ctx.t(`jabatan.unit.${role.hoursUnit}`),
    // Whether the age is the admin's or the regulation's (then a person's jenjang may raise it).
    bup: `${role.retirementAge} (${ctx.t(`jabatan.bup.${role.retirementAgeSource}`)})`,
    teacher: new Html(role.isTeacher ? ctx.t("jabatan.teacher") : ""),
    review: new Html(role.needsReview ? ctx.t("jabatan.review") : ""),
  });
  const fills = role.fills.map((f) =>
    ctx.t("jabatan.fills", { code: f.code, note: f.note ? ` (${f.note})` : "" }),
  );
  return [line, ...fills];
}

/** Whole roles per message, so a role never splits from its compatibility lines. */
export function splitMessages(blocks: string[][], budget = MESSAGE_BUDGET): string[] {
  const messages: string[] = [];
  let current = "";
  for (const block of blocks) {
    const text = block.join("\n");
    if (current && current.length + text.length + 1 > budget) {
      messages.push(current);
      current = "";
    }
    current = current ? `${current}\n${text}` : text;
  }
  if (current) messages.push(current);
  return messages;
}

jabatanFeature.command(["jabatan", "roles"], async (ctx) => {
  if (!ctx.isAdmin) throw new DomainError("jabatan_not_admin");
  if (ctx.chat.type !== "private") throw new DomainError("private_only");
  const roles = await listRoles(ctx.deps.db);
  if (roles.length === 0) {
    await ctx.reply(ctx.t("jabatan.none"));
    return;
  }
  const title = ctx.t("jabatan.title", { count: roles.length });
  const messages = splitMessages([[title], ...roles.map((r) => roleLines(ctx, r))]);
  for (const [i, text] of messages.entries()) {
    const more = i < messages.length - 1 ? `\n${ctx.t("jabatan.more")}` : "";
    await ctx.reply(`${text}${more}`);
  }
});
