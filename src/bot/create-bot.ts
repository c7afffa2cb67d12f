import { Telegraf } from "telegraf";
import { HtmlTelegram } from "./html-telegram.ts";
import type { BotContext, BotDeps } from "./context.ts";
import { conversationTimeout } from "./conversations/conversation.ts";
import { cancelFeature } from "./features/cancel.ts";
import { employeeStatusFeature } from "./features/employee-status.ts";
import { exportFeature } from "./features/export.ts";
import { formasiFeature } from "./features/formasi.ts";
import { whatIfFeature } from "./features/what-if.ts";
import { teacherRequestFeature } from "./features/teacher-request.ts";
import { checkFeature } from "./features/check.ts";
import { fallbackFeature } from "./features/fallback.ts";
import { importUploadFeature } from "./features/import-upload.ts";
import { helpFeature } from "./features/help.ts";
import { inviteFeature } from "./features/invite.ts";
import { jabatanFeature } from "./features/jabatan.ts";
import { policyFeature } from "./features/policy.ts";
import { decreeFeature } from "./features/decree.ts";
import { languageFeature } from "./features/language.ts";
import { linkGroupFeature } from "./features/link-group.ts";
import { meFeature } from "./features/me.ts";
import { employeeResponseFeature } from "./features/employee-response.ts";
import { pendingFeature } from "./features/pending.ts";
import { proposalDecisionFeature } from "./features/proposal-decision.ts";
import { responseDecisionFeature } from "./features/response-decision.ts";
import { startFeature } from "./features/start.ts";
import { reportMenuFeature } from "./features/report-menu.ts";
import { staffFeature } from "./features/staff.ts";
import { staffListFeature } from "./features/staff-list.ts";
import { statusFeature } from "./features/status.ts";
import { mapFeature } from "./features/map.ts";
import { vacancyReportFeature } from "./features/vacancy-report.ts";
import { vacancyWithdrawFeature } from "./features/vacancy-withdraw.ts";
import { workloadReportFeature } from "./features/workload-report.ts";
import type { Metrics } from "../metrics.ts";
import { besideUpdates } from "./beside-updates.ts";
import { errorBoundary } from "./middleware/error-boundary.ts";
import { metricsMiddleware } from "./middleware/metrics.ts";
import { identify } from "./middleware/identify.ts";
import { updateOnce } from "./middleware/update-once.ts";

export interface CreateBotOptions {
  token: string;
  apiRoot?: string;
  /** Counts and times every update (first in the chain). */
  metrics?: Pick<Metrics, "updateHandled">;
}

/** Builds the bot; nothing connects until the caller launches it or feeds it updates. */
export function createBot(given: BotDeps, options: CreateBotOptions): Telegraf<BotContext> {
  // The same object, filled in: a test may swap one of its dependencies (fetchFile) after building.
  const deps = Object.assign(given, { beside: given.beside ?? besideUpdates() });
  const bot = new Telegraf<BotContext>(options.token, {
    telegram: options.apiRoot ? { apiRoot: options.apiRoot } : {},
    handlerTimeout: 60_000,
  });
  // Every text is HTML unless a call says otherwise (bot/html-telegram.ts).
  bot.telegram = new HtmlTelegram(options.token, bot.telegram.options);
  bot.context.deps = deps;
  // telegraf builds a fresh Telegram client per update; sharing ours means every call, replies
  // included, goes through the one client that delivery/ rate-limits (and tests record).
  Object.assign(bot.context, { telegram: bot.telegram });

  bot.use(async (ctx, next) => {
    // Every log line of this update names it and its chat (NIPs and the token are masked by the logger).
    const logger = deps.logger.child({
      updateId: ctx.update.update_id,
      chat: ctx.chat?.id,
      type: ctx.updateType,
    });
    ctx.deps = { ...deps, logger };
    logger.debug("update received");
    await next();
  });
  if (options.metrics) bot.use(metricsMiddleware(options.metrics));
  bot.use(errorBoundary);
  bot.use(updateOnce);
  bot.use(identify);
  // Before every feature: a question left 30 minutes (in a private chat or a group) is over.
  bot.use(conversationTimeout);

  bot.use(startFeature);
  bot.use(helpFeature);
  bot.use(languageFeature);
  bot.use(inviteFeature);
  bot.use(jabatanFeature);
  bot.use(policyFeature);
  bot.use(decreeFeature);

  bot.use(linkGroupFeature);
  bot.use(proposalDecisionFeature);
  bot.use(responseDecisionFeature);
  bot.use(pendingFeature);

  bot.use(cancelFeature);
  bot.use(reportMenuFeature);
  bot.use(vacancyReportFeature);
  bot.use(vacancyWithdrawFeature);
  bot.use(workloadReportFeature);
  bot.use(staffListFeature);
  bot.use(staffFeature);
  bot.use(meFeature);
  bot.use(employeeResponseFeature);
  bot.use(employeeStatusFeature);
  bot.use(statusFeature);
  bot.use(mapFeature);

  bot.use(importUploadFeature);
  bot.use(exportFeature);
  bot.use(formasiFeature);
  bot.use(whatIfFeature);
  bot.use(teacherRequestFeature);
  bot.use(checkFeature);
  bot.use(fallbackFeature);

  bot.catch((error, ctx) => {
    deps.logger.error({ err: error, updateId: ctx.update.update_id }, "unhandled error outside the boundary");
  });
  return bot;
}
