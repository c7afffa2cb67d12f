import { Composer, Markup } from "telegraf";
import { formatDate } from "../../domain/time.ts";
import { vacancyWithdrawData } from "../../messages/callback-data/vacancy-withdraw.ts";
import { Html } from "../../messages/locales/index.ts";
import { vacancyReasonLabel } from "../../messages/vacancy-text.ts";
import {
  listOpenVacancies,
  findWithdrawable,
  withdrawVacancy,
  type OpenVacancy,
} from "../../use-cases/units/index.ts";
import type { BotContext } from "../context.ts";
import { requireUnitHead } from "../conversations/unit-head.ts";

/** /daftarlowongan: the head's open vacancies, each with "Tarik", which asks before it withdraws. */
export const vacancyWithdrawFeature = new Composer<BotContext>();

/** One button per vacancy; beyond this the oldest are shown and the rest counted. */
const MAX_SHOWN = 20;

const since = (v: OpenVacancy) => formatDate(v.since, "UTC");

vacancyWithdrawFeature.command(["daftarlowongan", "vacancies"], async (ctx) => {
  const head = requireUnitHead(ctx);
  const { unitName, vacancies } = await listOpenVacancies(ctx.deps.db, { userId: head.userId });
  if (vacancies.length === 0) {
    await ctx.reply(ctx.t("vacancies.none", { unit: unitName }));
    return;
  }
  const shown = vacancies.slice(0, MAX_SHOWN);
  const lines = shown.map((v) =>
    ctx.t("vacancies.line", {
      id: String(v.id),
      count: v.count,
      role: v.role.name,
      reason: vacancyReasonLabel(ctx.locale, v.reason, v.reasonText),
      since: since(v),
    }),
  );
  if (vacancies.length > shown.length)
    lines.push(ctx.t("vacancies.more", { count: vacancies.length - shown.length, shown: shown.length }));
  const text = `${ctx.t("vacancies.title", { unit: unitName, count: vacancies.length, lines: new Html(lines.join("\n")) })}\n\n${ctx.t("vacancies.hint")}`;
  const rows = shown.map((v) => [
    Markup.button.callback(
      ctx.t("vacancies.button.withdraw", { id: String(v.id), role: v.role.name }),
      vacancyWithdrawData.pack("ask", v.id),
    ),
  ]);
  await ctx.reply(text, { ...Markup.inlineKeyboard(rows) });
});

vacancyWithdrawFeature.action(vacancyWithdrawData.pattern, async (ctx) => {
  const press = "data" in ctx.callbackQuery ? vacancyWithdrawData.unpack(ctx.callbackQuery.data) : null;
  if (!press) {
    await ctx.answerCbQuery(ctx.t("fallback.button"));
    return;
  }
  const head = requireUnitHead(ctx);
  const query = { userId: head.userId, vacancyId: press.vacancyId };
  if (press.action === "no") {
    await ctx.answerCbQuery();
    await ctx.reply(ctx.t("vacancies.kept", { id: String(press.vacancyId) }));
    return;
  }
  if (press.action === "ask") {
    const v = await findWithdrawable(ctx.deps.db, query);
    await ctx.answerCbQuery();
    const params = { id: String(v.id), count: v.count, role: v.role.name, since: since(v) };
    await ctx.reply(ctx.t("vacancies.confirm", params), {
      ...Markup.inlineKeyboard([
        Markup.button.callback(ctx.t("vacancies.button.yes"), vacancyWithdrawData.pack("yes", v.id)),
        Markup.button.callback(ctx.t("vacancies.button.no"), vacancyWithdrawData.pack("no", v.id)),
      ]),
    });
    return;
  }
  const v = await ctx.transact((tx) => withdrawVacancy(tx, { ...query, now: ctx.deps.clock.now() }));
  await ctx.answerCbQuery(ctx.t("vacancies.withdrawn_short"));
  await ctx.reply(ctx.t("vacancies.withdrawn", { id: String(v.id), count: v.count, role: v.role.name }));
});
