import { Composer } from "telegraf";
import { localDate } from "../../domain/time.ts";
import { transfersWorkbook } from "../../export/write-transfers.ts";
import { exportTransfers } from "../../use-cases/decrees/index.ts";
import type { BotContext } from "../context.ts";
import { hrFileScope } from "../hr-scope.ts";

export const exportFeature = new Composer<BotContext>();

exportFeature.command(["ekspor", "export"], async (ctx) => {
  const agencyId = await hrFileScope(ctx);
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
