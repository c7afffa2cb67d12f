import type { TextKey } from "../messages/locales/index.ts";
import { provincePeople } from "../use-cases/balancing-check/index.ts";
import type { BotContext } from "./context.ts";
import { answerFailure } from "./middleware/error-boundary.ts";

/**
 * Runs a command's long work within its update for a district, where it takes seconds. For a province
 * (beyond 10,000 people: a minute or more), says at once that it started, with the number of people
 * (`started.province`; `started.district` is said before a district's work), and runs it beside the
 * update loop (beside-updates.ts), its failure answered as the error boundary answers one. `inUpdate`
 * tells the work whether ctx.transact may still record the update with its effects: beside the loop the
 * update is already recorded, and the work commits on its own.
 */
export async function withinOrBeside(
  ctx: BotContext,
  started: { province: TextKey; district?: TextKey },
  work: (inUpdate: boolean) => Promise<void>,
): Promise<void> {
  const people = await provincePeople(ctx.deps.db);
  if (people === null) {
    if (started.district !== undefined) await ctx.reply(ctx.t(started.district));
    await work(true);
    return;
  }
  // One at a time per command and chat (or person): a second /cek while the first runs is told so.
  const key = `${started.province}:${ctx.chat?.id ?? ctx.from?.id ?? 0}`;
  const began = ctx.deps.beside.start(key, () =>
    work(false)
      .catch((error: unknown) => answerFailure(ctx, error))
      .catch((err: unknown) =>
        ctx.deps.logger.error({ err }, "the failure of work beside the updates went unanswered"),
      ),
  );
  await ctx.reply(began ? ctx.t(started.province, { people }) : ctx.t("beside.still_running"));
}
