import { Composer } from "telegraf";
import { localDate } from "../../domain/time.ts";
import { formasiWorkbook } from "../../export/formasi-workbook.ts";
import { buildFormasi } from "../../use-cases/formasi/index.ts";
import type { BotContext } from "../context.ts";
import { hrFileScope } from "../hr-scope.ts";

/**
 * /formasi: the hiring request as the CLI's `export formasi` writes it (docs/formasi.md), for the HR
 * team (their agency, in their group or in private) and admins (everything in private).
 */
export const formasiFeature = new Composer<BotContext>();

formasiFeature.command("formasi", async (ctx) => {
  const agencyId = await hrFileScope(ctx);
  const zone = ctx.deps.config.SCHEDULE_TIMEZONE;
  const formasi = await buildFormasi(ctx.deps.db, ctx.deps.clock, { timeZone: zone, agencyId });
  const workbook = await formasiWorkbook(formasi);
  const total = (pick: (r: (typeof formasi.rows)[number]) => number) =>
    formasi.rows.reduce((sum, r) => sum + pick(r), 0);
  const day = localDate(ctx.deps.clock.now(), zone).toISOString().slice(0, 10);
  await ctx.replyWithDocument(
    { source: workbook, filename: `formasi-${day}.xlsx` },
    {
      caption: ctx.t("formasi.caption", {
        // Years as written, not as numbers ("2027", not "2.027").
        first: String(formasi.years[0] ?? ""),
        last: String(formasi.years.at(-1) ?? ""),
        hireable: total((r) => r.hireable),
        policy: total((r) => r.policy),
        retirees: formasi.retirees.length,
        requests: formasi.years.map((year, i) => `${year}: ${total((r) => r.requests[i] ?? 0)}`).join(" · "),
      }),
    },
  );
});
