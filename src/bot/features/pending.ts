import { Composer } from "telegraf";
import { DomainError } from "../../domain/errors.ts";
import { formatDateTime } from "../../domain/time.ts";
import { listPendingProposals, messageLink } from "../../use-cases/proposals/index.ts";
import { renderPages } from "../../messages/paging.ts";
import type { BotContext } from "../context.ts";
import { groupAgency } from "../../db/hr-approver.ts";
import { listPager, replyList, type ListView } from "../list-pages.ts";

export const pendingFeature = new Composer<BotContext>();

/** The group's agency's open proposals as pages; the use case refuses anyone but its approvers and admins. */
async function renderPending(ctx: BotContext): Promise<ListView> {
  if (ctx.chat?.type !== "group" && ctx.chat?.type !== "supergroup") throw new DomainError("group_only");
  const { agency, proposals } = await listPendingProposals(ctx.deps.db, {
    agencyId: await groupAgency(ctx.deps.db, ctx.chat.id, { active: "any" }),
    actor: ctx.actor,
    now: ctx.deps.clock.now(),
  });
  if (proposals.length === 0) return { pages: [ctx.t("hr.pending.none", { agency: agency.name })] };
  const timeZone = ctx.deps.config.SCHEDULE_TIMEZONE;
  const items = proposals.map((p) => {
    const link = messageLink(p.cardChatId, p.cardMessageId);
    const params = {
      id: String(p.id),
      name: p.employee.name,
      from: p.fromUnit.name,
      to: p.toUnit.name,
      expires: formatDateTime(p.expiresAt, timeZone),
    };
    return link ? ctx.t("hr.pending.item", { ...params, link }) : ctx.t("hr.pending.item_nolink", params);
  });
  const count = proposals.length;
  const pages = renderPages(items, (body, page, pages) => {
    const title =
      pages > 1
        ? ctx.t("hr.pending.title_paged", { agency: agency.name, count, page, pages })
        : ctx.t("hr.pending.title", { agency: agency.name, count });
    return `${title}\n${body}`;
  });
  return { pages };
}

pendingFeature.command(["usulan", "pending"], async (ctx) => {
  await replyList(ctx, "pending", await renderPending(ctx));
});

pendingFeature.use(listPager("pending", renderPending));
