import { Composer } from "telegraf";
import { DomainError } from "../../domain/errors.ts";
import { formatDate } from "../../domain/time.ts";
import { Html } from "../../messages/locales/index.ts";
import { setEmployeeStatus } from "../../use-cases/units/index.ts";
import type { BotContext } from "../context.ts";

/** /cuti <NIP> <cuti|tb|aktif> [dd-mm-yyyy]: a head for their own unit's people, an admin for anyone. */
export const employeeStatusFeature = new Composer<BotContext>();

employeeStatusFeature.command(["cuti", "leave"], async (ctx) => {
  if (ctx.chat.type !== "private") throw new DomainError("private_only");
  const user = ctx.user;
  const head = user?.role === "UNIT_HEAD" && user.unitId !== null;
  if (!ctx.isAdmin && !head) throw new DomainError("leave_not_allowed");
  const [nip, status, until, ...rest] = ctx.args;
  if (!nip || !status || rest.length > 0) {
    await ctx.reply(ctx.t("leave.usage"));
    return;
  }
  const change = await ctx.transact((tx) =>
    setEmployeeStatus(tx, {
      actor: {
        userId: user?.id ?? null,
        name: user?.name ?? ctx.from.first_name,
        unitId: ctx.isAdmin ? null : (user?.unitId ?? null),
      },
      nip,
      status,
      until,
      now: ctx.deps.clock.now(),
      timeZone: ctx.deps.config.SCHEDULE_TIMEZONE,
    }),
  );
  const endDate = change.until ? formatDate(change.until, "UTC") : "";
  const params = { name: change.name, nip: change.nip, unit: change.unitName, until: endDate };
  const text = change.changed
    ? ctx.t(`leave.set.${change.status}`, params)
    : ctx.t("leave.unchanged", {
        ...params,
        status: ctx.t(`employee.status.${change.status}`),
        until: new Html(endDate ? ctx.t("leave.until_part", { until: endDate }) : ""),
      });
  await ctx.reply(text);
});
