import { Composer, Markup } from "telegraf";
import type { InlineKeyboardButton } from "telegraf/types";
import { listUnitStaff, type StaffMember } from "../../use-cases/units/index.ts";
import { objectionData } from "../../messages/callback-data/staff-objection.ts";
import { loadStatements } from "../../db/employee-statements.ts";
import { statementMarker } from "../../messages/employee-record.ts";
import { Html } from "../../messages/locales/index.ts";
import { pageEntries, visibleLength } from "../../messages/paging.ts";
import { formatDate } from "../../domain/time.ts";
import type { BotContext } from "../context.ts";
import { openConversation, startConversation } from "../conversations/conversation.ts";
import { requireUnitHead } from "../conversations/unit-head.ts";
import { listPager, replyList, type ListView } from "../list-pages.ts";

/** /pegawai: the unit's staff with transfer eligibility, a page at a time, each with its objection button. */
export const staffListFeature = new Composer<BotContext>();

/** The conversation the objection buttons belong to (bot/features/staff.ts answers them). */
const OBJECTION_CONVERSATION = "staff";
/** One objection button per person: a page keeps its keyboard short enough to read. */
const STAFF_PER_PAGE = 15;

function describe(ctx: BotContext, person: StaffMember): string {
  const { eligibility } = person;
  const status = eligibility.eligible
    ? ctx.t("staff.eligible")
    : ctx.t("staff.ineligible", {
        reasons: eligibility.reasons.map((r) => ctx.t(`staff.reason.${r}`)).join(", "),
      });
  const line = ctx.t("staff.line", {
    name: person.name,
    role: person.roleName,
    nip: person.nip,
    hours: person.weeklyHours,
    unit: ctx.t(`jabatan.unit.${person.hoursUnit}`),
    taught: person.hoursTaught === null ? "" : ctx.t("staff.taught", { taught: person.hoursTaught }),
    months: eligibility.monthsInPost,
    retire: Math.max(0, eligibility.monthsToRetirement),
    eligibility: status,
  });
  const taught = { taught: person.hoursTaught ?? 0, standard: person.standardHours };
  // On cuti or tugas belajar: until when, so the head knows when the person counts again.
  const away =
    person.status === "AKTIF"
      ? []
      : [
          ctx.t("staff.status_line", {
            status: ctx.t(`employee.status.${person.status}`),
            until: person.statusUntil
              ? ctx.t("leave.until_part", { until: formatDate(person.statusUntil, "UTC") })
              : "",
          }),
        ];
  return [
    line,
    ...away,
    ...(person.certifiedUnderStandard ? [ctx.t("staff.certified_under", taught)] : []),
    ...(person.objection ? [ctx.t("staff.objection_line", { reason: person.objectionReason ?? "" })] : []),
  ].join("\n");
}

function objectionButton(ctx: BotContext, nonce: string, person: StaffMember): InlineKeyboardButton {
  return person.objection
    ? Markup.button.callback(
        `${ctx.t("staff.button.withdraw")}: ${person.name}`,
        objectionData.pack(nonce, "withdraw", person.id),
      )
    : Markup.button.callback(
        `${ctx.t("staff.button.record")}: ${person.name}`,
        objectionData.pack(nonce, "record", person.id),
      );
}

/**
 * The list as it is now. Its objection buttons carry the nonce of the open staff conversation; a
 * fresh list (the command, or a page of a list whose conversation has ended) starts a passive one,
 * which waits for no answer.
 */
async function renderStaff(ctx: BotContext, fresh: boolean): Promise<ListView> {
  const head = requireUnitHead(ctx);
  const { unit, staff } = await listUnitStaff(ctx.deps.db, {
    userId: head.userId,
    now: ctx.deps.clock.now(),
    timeZone: ctx.deps.config.SCHEDULE_TIMEZONE,
  });
  if (staff.length === 0) return { pages: [ctx.t("staff.empty", { unit: unit.name })] };
  const open = fresh ? null : openConversation(ctx, OBJECTION_CONVERSATION);
  const state = open ?? startConversation(ctx, OBJECTION_CONVERSATION, "list", { passive: true });
  // What each person said in /saya (bersedia, tidak bersedia, tujuan), under their line.
  const statements = await loadStatements(
    ctx.deps.db,
    staff.map((p) => p.id),
  );
  const entries = staff.map((p) =>
    [describe(ctx, p), statementMarker(ctx.t, statements.get(p.id))].filter(Boolean).join("\n"),
  );
  const frame = (lines: string, page: number, pages: number) =>
    pages > 1
      ? ctx.t("staff.list_paged", {
          unit: unit.name,
          count: staff.length,
          page,
          pages,
          lines: new Html(lines),
        })
      : ctx.t("staff.list", { unit: unit.name, count: staff.length, lines: new Html(lines) });
  const widest = Math.max(1, staff.length);
  const groups = pageEntries(entries, visibleLength(frame("", widest, widest)), {
    separator: "\n\n",
    maxEntries: STAFF_PER_PAGE,
  });
  // Entries are rendered one per person, so a page's people are the same slice of `staff`.
  const starts = groups.map((_, i) => groups.slice(0, i).reduce((sum, g) => sum + g.length, 0));
  return {
    pages: groups.map((group, i) => frame(group.join("\n\n"), i + 1, groups.length)),
    rows: (page) =>
      staff
        .slice(starts[page - 1], (starts[page - 1] ?? 0) + (groups[page - 1]?.length ?? 0))
        .map((p) => [objectionButton(ctx, state.nonce, p)]),
  };
}

staffListFeature.command(["pegawai", "staff"], async (ctx) => {
  await replyList(ctx, "staff", await renderStaff(ctx, true));
});

staffListFeature.use(listPager("staff", (ctx) => renderStaff(ctx, false)));
