import type { Context, MiddlewareFn } from "telegraf";
import type { Metrics } from "../../metrics.ts";

/**
 * Counts and times every update by its type (message, callback_query, my_chat_member…). Put it
 * first in the chain so the time includes the database work of update-once and identify; an update
 * that fails is still counted (the boundary answers it, and the error propagates unchanged here).
 */
export function metricsMiddleware(metrics: Pick<Metrics, "updateHandled">): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      metrics.updateHandled(ctx.updateType, Number(process.hrtime.bigint() - started) / 1e9);
    }
  };
}
