import { Composer } from "telegraf";
import { DomainError } from "../../domain/errors.ts";
import { localDate } from "../../domain/time.ts";
import { transfersWorkbook } from "../../export/write-transfers.ts";
import { exportTransfers } from "../../use-cases/decrees/index.ts";
import type { BotContext } from "../context.ts";

export const exportFeature = new Composer<BotContext>();

/** Which agency's transfers this person may take out here: null for all (an admin outside a linked group). */
async function exportScope(ctx: BotContext): Promise<number | null> {
  const chat = ctx.chat;
  if (!chat) throw new DomainError("export_not_allowed");
  const isApprover = ctx.user?.role === "HR_APPROVER" && ctx.user.agencyId !== null;
  if (!ctx.isAdmin && !isApprover) throw new DomainError("export_not_allowed");
  if (chat.type === "private") return ctx.isAdmin ? null : (ctx.user?.agencyId ?? null);
  const group = await ctx.deps.db.hrGroup.findUnique({ where: { chatId: BigInt(chat.id) } });
  // The list names people and their moves: only in the agency's own HR group.
  if (!group || !group.active) throw new DomainError("export_wrong_group");
  if (!ctx.isAdmin && group.agencyId !== ctx.user?.agencyId) throw new DomainError("export_wrong_group");
  return group.agencyId;
}

exportFeature.command(["ekspor", "export"], async (ctx) => {
  const agencyId = await exportScope(ctx);
  const zone = ctx.deps.config.SCHEDULE_TIMEZONE;
  const data = await exportTransfers(ctx.deps.db, { agencyId });
  const workbook = await transfersWorkbook(data, ctx.locale, zone);
  const day = localDate(ctx.deps.clock.now(), zone).toISOString().slice(0, 10);
  await ctx.replyWithDocument(
    { source: workbook, filename: `mutasi-${day}.xlsx` },
    {
      caption: ctx.t("export.caption", {
        count: data.transfers.length,
        zone: zone === "Asia/Jayapura" ? "WIT" : zone,
      }),
    },
  );
});
