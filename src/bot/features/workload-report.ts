import { Composer, Markup } from "telegraf";
import { z } from "zod";
import { DomainError } from "../../domain/errors.ts";
import { parseDecimal, parseWholeNumber } from "../../domain/report-answers.ts";
import {
  matchStaffHours,
  parseStaffHoursCsv,
  parseStaffHoursLines,
  STAFF_MAX_WEEKLY_HOURS,
  type StaffHoursParse,
} from "../../domain/staff-hours.ts";
import { periodOf } from "../../domain/time.ts";
import { hoursFromRombel } from "../../domain/workload.ts";
import { previewWorkload } from "../../domain/workload-preview.ts";
import { listUnitRoles } from "../../use-cases/list-unit-roles.ts";
import { listUnitStaff } from "../../use-cases/list-unit-staff.ts";
import { reportWorkload, ROMBEL_MAX, WORKLOAD_MAX_HOURS } from "../../use-cases/report-workload.ts";
import { workloadData } from "../../messages/callback-data/workload.ts";
import type { BotContext, ConversationState } from "../context.ts";
import {
  advance,
  classifyPress,
  endConversation,
  finishConversation,
  isCommand,
  openConversation,
  startConversation,
  touch,
} from "../conversations/conversation.ts";
import { bandLabel, formatRatio } from "../../messages/format.ts";
import { requireUnitHead } from "../conversations/unit-head.ts";
import { Html, type TextKey } from "../../messages/locales/index.ts";
import { AlreadyProcessedError } from "../middleware/update-once.ts";

/**
 * Beban kerja for this period: per role the weekly hours needed (teachers may count rombel),
 * optionally the staff's actual hours, then the load ratio and ABK band per role before saving.
 */
export const workloadReportFeature = new Composer<BotContext>();

const NAME = "workload";
/** A spreadsheet of a school's staff is a few KB; anything this big is the wrong file. */
const MAX_CSV_BYTES = 512 * 1024;

const roleSchema = z.object({ id: z.number(), name: z.string(), hoursPerRombel: z.number().nullable() });
const dataSchema = z.object({
  period: z.string(),
  roles: z.array(roleSchema),
  index: z.number().int(),
  needs: z.record(z.string(), z.object({ hours: z.number(), rombel: z.number().nullable() })),
  actual: z.record(z.string(), z.number()),
  employeeId: z.number().optional(),
});
type WorkloadData = z.infer<typeof dataSchema>;

const readData = (state: ConversationState): WorkloadData => dataSchema.parse(state.data);

export async function startWorkloadReport(ctx: BotContext): Promise<void> {
  const head = requireUnitHead(ctx);
  const { unitRoles, catalogue } = await listUnitRoles(ctx.deps.db, { userId: head.userId });
  // A unit with nothing recorded yet reports against the agency's roles.
  const roles = (unitRoles.length > 0 ? unitRoles : catalogue).map((r) => ({
    id: r.id,
    name: r.name,
    hoursPerRombel: r.isTeacher && r.hoursPerRombel ? r.hoursPerRombel : null,
  }));
  if (roles.length === 0) {
    await ctx.reply(ctx.t("unit_head.no_roles"), { parse_mode: "HTML" });
    return;
  }
  const data: WorkloadData = {
    period: periodOf(ctx.deps.clock.now(), ctx.deps.config.SCHEDULE_TIMEZONE),
    roles,
    index: 0,
    needs: {},
    actual: {},
  };
  await ask(ctx, startConversation(ctx, NAME, "need", data));
}

workloadReportFeature.command(["beban", "load"], startWorkloadReport);

async function ask(ctx: BotContext, state: ConversationState): Promise<void> {
  const data = readData(state);
  const { nonce } = state;
  const html = { parse_mode: "HTML" as const };
  const role = data.roles[data.index];
  switch (state.step) {
    case "need": {
      if (!role) return;
      const params = {
        unit: ctx.user?.unit?.name ?? "",
        period: data.period,
        n: data.index + 1,
        total: data.roles.length,
        role: role.name,
        max: WORKLOAD_MAX_HOURS,
      };
      if (role.hoursPerRombel === null) {
        await ctx.reply(ctx.t("workload.ask_need", params), html);
        return;
      }
      await ctx.reply(ctx.t("workload.ask_need_teacher", { ...params, per: role.hoursPerRombel }), {
        ...html,
        ...Markup.inlineKeyboard([
          Markup.button.callback(ctx.t("workload.button.rombel"), workloadData.pack(nonce, "rombel")),
        ]),
      });
      return;
    }
    case "rombel": {
      if (!role) return;
      const buttons = Array.from({ length: 12 }, (_, i) =>
        Markup.button.callback(String(i + 1), workloadData.pack(nonce, "rombeln", i + 1)),
      );
      await ctx.reply(ctx.t("workload.ask_rombel", { role: role.name, max: ROMBEL_MAX }), {
        ...html,
        ...Markup.inlineKeyboard(buttons, { columns: 6 }),
      });
      return;
    }
    case "staff": {
      const head = requireUnitHead(ctx);
      const { staff } = await listUnitStaff(ctx.deps.db, {
        userId: head.userId,
        now: ctx.deps.clock.now(),
        timeZone: ctx.deps.config.SCHEDULE_TIMEZONE,
      });
      const buttons = staff
        .filter((s) => s.status === "AKTIF")
        .map((s) => {
          const hours = data.actual[String(s.id)] ?? s.weeklyHours;
          const label = `${s.name} — ${ctx.t("workload.hours_short", { hours })}`;
          return [Markup.button.callback(label, workloadData.pack(nonce, "staff", s.id))];
        });
      buttons.push([Markup.button.callback(ctx.t("button.next"), workloadData.pack(nonce, "next"))]);
      await ctx.reply(ctx.t("workload.ask_staff", { max: STAFF_MAX_WEEKLY_HOURS }), {
        ...html,
        ...Markup.inlineKeyboard(buttons),
      });
      return;
    }
    case "staff_hours": {
      const head = requireUnitHead(ctx);
      const { staff } = await listUnitStaff(ctx.deps.db, {
        userId: head.userId,
        now: ctx.deps.clock.now(),
        timeZone: ctx.deps.config.SCHEDULE_TIMEZONE,
      });
      const person = staff.find((s) => s.id === data.employeeId);
      if (!person) throw new DomainError("employee_not_in_unit");
      await ctx.reply(
        ctx.t("workload.ask_person_hours", {
          name: person.name,
          hours: data.actual[String(person.id)] ?? person.weeklyHours,
          max: STAFF_MAX_WEEKLY_HOURS,
        }),
        html,
      );
      return;
    }
    case "summary":
      return showSummary(ctx, state, data);
  }
}

async function showSummary(ctx: BotContext, state: ConversationState, data: WorkloadData): Promise<void> {
  const head = requireUnitHead(ctx);
  const { staff } = await listUnitStaff(ctx.deps.db, {
    userId: head.userId,
    now: ctx.deps.clock.now(),
    timeZone: ctx.deps.config.SCHEDULE_TIMEZONE,
  });
  const preview = previewWorkload(
    data.roles.map((r) => ({ roleId: r.id, hoursNeeded: data.needs[String(r.id)]?.hours ?? 0 })),
    staff.map((s) => ({
      id: s.id,
      roleId: s.roleId,
      weeklyHours: s.weeklyHours,
      active: s.status === "AKTIF",
    })),
    data.actual,
  );
  const roleName = new Map(data.roles.map((r) => [r.id, r.name]));
  const lines = preview.map((p) =>
    ctx.t("workload.summary_line", {
      role: roleName.get(p.roleId) ?? "",
      need: p.demand,
      capacity: p.capacity,
      staff: p.staff,
      ratio: formatRatio(ctx.locale, p.ratio),
      band: bandLabel(ctx.locale, p.band),
    }),
  );
  const changed = Object.keys(data.actual).length;
  const staffLine =
    changed > 0 ? ctx.t("workload.summary_staff", { count: changed }) : ctx.t("workload.summary_no_staff");
  await ctx.reply(
    ctx.t("workload.summary", {
      unit: ctx.user?.unit?.name ?? "",
      period: data.period,
      lines: new Html(lines.join("\n")),
      staff: staffLine,
    }),
    {
      parse_mode: "HTML",
      ...Markup.inlineKeyboard([
        Markup.button.callback(ctx.t("button.send"), workloadData.pack(state.nonce, "send")),
        Markup.button.callback(ctx.t("button.cancel"), workloadData.pack(state.nonce, "cancel")),
      ]),
    },
  );
}

async function retry(
  ctx: BotContext,
  state: ConversationState,
  key: TextKey,
  params: Record<string, string | number | Html> = {},
) {
  touch(ctx, state);
  await ctx.reply(ctx.t(key, params), { parse_mode: "HTML" });
  await ask(ctx, state);
}

/** The role's need is known: the next role, or the staff question after the last one. */
function afterNeed(
  ctx: BotContext,
  state: ConversationState,
  data: WorkloadData,
  hours: number,
  rombel: number | null,
) {
  const role = data.roles[data.index]!;
  const needs = { ...data.needs, [String(role.id)]: { hours, rombel } };
  const index = data.index + 1;
  return advance(ctx, state, index < data.roles.length ? "need" : "staff", { needs, index });
}

async function answerRombel(ctx: BotContext, state: ConversationState, text: string) {
  const data = readData(state);
  const role = data.roles[data.index]!;
  const rombel = parseWholeNumber(text, 1, ROMBEL_MAX);
  if (!rombel.ok || role.hoursPerRombel === null) {
    return retry(ctx, state, `workload.rombel.${rombel.ok ? "not_number" : rombel.problem}`, {
      text,
      max: ROMBEL_MAX,
    });
  }
  const jp = hoursFromRombel(rombel.value, role.hoursPerRombel);
  await ctx.reply(
    ctx.t("workload.rombel_done", { rombel: rombel.value, per: role.hoursPerRombel, jp, role: role.name }),
    { parse_mode: "HTML" },
  );
  return ask(ctx, afterNeed(ctx, state, data, jp, rombel.value));
}

/** Lines or a CSV: every line must be right, or nothing is taken and the head is told which lines to fix. */
async function applyStaffList(ctx: BotContext, state: ConversationState, parsed: StaffHoursParse) {
  const head = requireUnitHead(ctx);
  const data = readData(state);
  const { staff } = await listUnitStaff(ctx.deps.db, {
    userId: head.userId,
    now: ctx.deps.clock.now(),
    timeZone: ctx.deps.config.SCHEDULE_TIMEZONE,
  });
  const { matched, problems } = matchStaffHours(
    parsed,
    staff.filter((s) => s.status === "AKTIF"),
  );
  if (problems.length > 0) {
    const lines = problems.map((p) =>
      ctx.t(`workload.problem.${p.kind}`, { line: p.line, text: p.text, max: STAFF_MAX_WEEKLY_HOURS }),
    );
    return retry(ctx, state, "workload.staff_problems", { lines: new Html(lines.join("\n")) });
  }
  const actual = { ...data.actual };
  for (const m of matched) actual[String(m.employeeId)] = m.hours;
  await ctx.reply(ctx.t("workload.staff_applied", { count: matched.length }), { parse_mode: "HTML" });
  return ask(ctx, advance(ctx, state, "summary", { actual }));
}

workloadReportFeature.on("text", async (ctx, next) => {
  const state = openConversation(ctx, NAME);
  if (!state || isCommand(ctx)) return next();
  requireUnitHead(ctx);
  const text = ctx.message.text;
  const data = readData(state);
  switch (state.step) {
    case "need": {
      const hours = parseDecimal(text, 0, WORKLOAD_MAX_HOURS);
      if (!hours.ok)
        return retry(ctx, state, `workload.need.${hours.problem}`, { text, max: WORKLOAD_MAX_HOURS });
      return ask(ctx, afterNeed(ctx, state, data, hours.value, null));
    }
    case "rombel":
      return answerRombel(ctx, state, text);
    case "staff":
      return applyStaffList(ctx, state, parseStaffHoursLines(text));
    case "staff_hours": {
      const hours = parseDecimal(text, 0, STAFF_MAX_WEEKLY_HOURS);
      if (!hours.ok)
        return retry(ctx, state, `workload.person_hours.${hours.problem}`, {
          text,
          max: STAFF_MAX_WEEKLY_HOURS,
        });
      const actual = { ...data.actual, [String(data.employeeId)]: hours.value };
      return ask(ctx, advance(ctx, state, "staff", { actual, employeeId: undefined }));
    }
    default:
      return retry(ctx, state, "conversation.use_buttons");
  }
});

async function download(ctx: BotContext, fileId: string): Promise<Buffer> {
  if (ctx.deps.fetchFile) return ctx.deps.fetchFile(fileId);
  const link = await ctx.telegram.getFileLink(fileId);
  const response = await fetch(link);
  if (!response.ok) throw new Error(`file download failed: ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

workloadReportFeature.on("document", async (ctx, next) => {
  const state = openConversation(ctx, NAME);
  if (!state) return next();
  requireUnitHead(ctx);
  if (state.step !== "staff") return retry(ctx, state, "conversation.use_text");
  const doc = ctx.message.document;
  const isCsv = /\.csv$/i.test(doc.file_name ?? "") || doc.mime_type === "text/csv";
  if (!isCsv) return retry(ctx, state, "workload.file_not_csv");
  if ((doc.file_size ?? 0) > MAX_CSV_BYTES)
    return retry(ctx, state, "workload.file_too_large", { max: MAX_CSV_BYTES / 1024 });
  const content = await download(ctx, doc.file_id);
  return applyStaffList(ctx, state, parseStaffHoursCsv(content.toString("utf8")));
});

const stepsOfAction = {
  rombel: ["need"],
  rombeln: ["rombel"],
  staff: ["staff"],
  next: ["staff"],
  send: ["summary"],
  cancel: ["summary"],
} as const;

workloadReportFeature.action(workloadData.pattern, async (ctx) => {
  const press = "data" in ctx.callbackQuery ? workloadData.unpack(ctx.callbackQuery.data) : null;
  const found = press ? classifyPress(ctx, NAME, press.nonce) : ({ kind: "stale" } as const);
  if (
    !press ||
    found.kind === "stale" ||
    (found.kind === "open" && !(stepsOfAction[press.action] as readonly string[]).includes(found.state.step))
  ) {
    await ctx.answerCbQuery(ctx.t("conversation.stale"));
    return;
  }
  if (found.kind === "done") {
    await ctx.answerCbQuery(ctx.t(press.action === "send" ? "workload.already_sent" : "conversation.stale"));
    return;
  }
  const head = requireUnitHead(ctx);
  const state = found.state;
  const data = readData(state);
  switch (press.action) {
    case "rombel": {
      if (data.roles[data.index]?.hoursPerRombel == null) throw new DomainError("already_handled");
      await ctx.answerCbQuery();
      return ask(ctx, advance(ctx, state, "rombel"));
    }
    case "rombeln":
      await ctx.answerCbQuery();
      return answerRombel(ctx, state, press.value);
    case "staff": {
      const { staff } = await listUnitStaff(ctx.deps.db, {
        userId: head.userId,
        now: ctx.deps.clock.now(),
        timeZone: ctx.deps.config.SCHEDULE_TIMEZONE,
      });
      const person = staff.find((s) => String(s.id) === press.value && s.status === "AKTIF");
      if (!person) throw new DomainError("employee_not_in_unit");
      await ctx.answerCbQuery();
      return ask(ctx, advance(ctx, state, "staff_hours", { employeeId: person.id }));
    }
    case "next":
      await ctx.answerCbQuery();
      await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
      return ask(ctx, advance(ctx, state, "summary"));
    case "cancel":
      endConversation(ctx);
      await ctx.answerCbQuery();
      await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
      await ctx.reply(ctx.t("conversation.cancelled"));
      return;
    case "send":
      return send(ctx, state, data, head.userId);
  }
});

async function send(
  ctx: BotContext,
  state: ConversationState,
  data: WorkloadData,
  userId: number,
): Promise<void> {
  try {
    await ctx.transact(async (tx) => {
      await reportWorkload(tx, {
        userId,
        period: data.period,
        roles: data.roles.map((r) => ({
          roleId: r.id,
          hoursNeeded: data.needs[String(r.id)]?.hours ?? 0,
          rombel: data.needs[String(r.id)]?.rombel ?? null,
        })),
        staffHours: Object.entries(data.actual).map(([id, hours]) => ({ employeeId: Number(id), hours })),
      });
      finishConversation(ctx, state);
    });
  } catch (error) {
    // Two presses at once: the other one saved the report and moved the session on first.
    if (error instanceof AlreadyProcessedError) {
      await ctx.answerCbQuery(ctx.t("workload.already_sent"));
      return;
    }
    throw error;
  }
  await ctx.answerCbQuery(ctx.t("workload.sent_short"));
  await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
  await ctx.reply(
    ctx.t("workload.sent", {
      unit: ctx.user?.unit?.name ?? "",
      period: data.period,
      roles: data.roles.length,
    }),
    { parse_mode: "HTML" },
  );
}
