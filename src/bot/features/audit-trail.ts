import { Composer } from "telegraf";
import { DomainError } from "../../domain/errors.ts";
import { formatDateTime } from "../../domain/time.ts";
import { getAuditTrail } from "../../use-cases/status/index.ts";
import { renderPages } from "../../messages/paging.ts";
import type { BotContext } from "../context.ts";
import { listPager, replyList, type ListView } from "../list-pages.ts";

/** The decisions an admin can page through; older ones are in the audit export. */
const AUDIT_LIMIT = 1000;

/** Every decision on a transfer proposal, newest first, for an admin in a private chat. */
async function renderAuditTrail(ctx: BotContext): Promise<ListView> {
  if (!ctx.isAdmin || ctx.chat?.type !== "private") throw new DomainError("audit_not_admin");
  const trail = await getAuditTrail(ctx.deps.db, { limit: AUDIT_LIMIT });
  if (trail.length === 0) return { pages: [ctx.t("audit.none")] };
  const timeZone = ctx.deps.config.SCHEDULE_TIMEZONE;
  const entries = trail.map((d) =>
    ctx.t(`audit.line.${d.verdict}`, {
      at: formatDateTime(new Date(d.at), timeZone),
      id: String(d.proposalId),
      name: d.employee.name,
      nip: d.employee.nip,
      from: d.from,
      to: d.to,
      role: d.role,
      by: d.by.name,
      reason: d.reason ?? "",
      outcome: ctx.t(`status.proposal_status.${d.outcome as "PENDING"}`),
    }),
  );
  const count = trail.length;
  const pages = renderPages(
    entries,
    (body, page, pages) =>
      `${pages > 1 ? ctx.t("audit.title_paged", { count, page, pages }) : ctx.t("audit.title", { count })}\n\n${body}`,
    { separator: "\n\n" },
  );
  return { pages };
}

/** /status of an admin: the audit trail, a page at a time (status.ts decides who sees what). */
export async function replyAuditTrail(ctx: BotContext): Promise<void> {
  await replyList(ctx, "audit", await renderAuditTrail(ctx));
}

export const auditTrailPager: Composer<BotContext> = listPager("audit", renderAuditTrail);
