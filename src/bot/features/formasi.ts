import { Composer } from "telegraf";
import { formasiTotals } from "../../domain/formasi.ts";
import { localDate } from "../../domain/time.ts";
import { formasiWorkbook } from "../../export/formasi-workbook.ts";
import { buildFormasi } from "../../use-cases/formasi/index.ts";
import type { BotContext } from "../context.ts";
import { hrFileScope } from "../hr-scope.ts";
import { withinOrBeside } from "../province-work.ts";

/**
 * /formasi: the hiring request as the CLI's `export formasi` writes it (docs/formasi.md), for the HR
 * team (their agency, in their group or in private) and admins (everything in private).
 */
export const formasiFeature = new Composer<BotContext>();

formasiFeature.command("formasi", async (ctx) => {
  const agencyId = await hrFileScope(ctx);
  // A province's formasi plans the whole province first: beside the update loop (bot/province-work.ts).
  await withinOrBeside(ctx, { province: "formasi.started" }, async () => {
    const zone = ctx.deps.config.SCHEDULE_TIMEZONE;
    const formasi = await buildFormasi(ctx.deps.db, ctx.deps.clock, {
      timeZone: zone,
      agencyId,
      plans: ctx.deps.plans,
    });
    const workbook = await formasiWorkbook(formasi);
    const totals = formasiTotals(formasi.rows, formasi.years.length);
    const day = localDate(ctx.deps.clock.now(), zone).toISOString().slice(0, 10);
    await ctx.replyWithDocument(
      { source: workbook, filename: `formasi-${day}.xlsx` },
      {
        caption: ctx.t("formasi.caption", {
          // Years as written, not as numbers ("2027", not "2.027").
          first: String(formasi.years[0] ?? ""),
          last: String(formasi.years.at(-1) ?? ""),
          hireable: totals.hireable,
          policy: totals.policy,
          retirees: formasi.retirees.length,
          requests: formasi.years.map((year, i) => `${year}: ${totals.requests[i] ?? 0}`).join(" · "),
        }),
      },
    );
  });
});
