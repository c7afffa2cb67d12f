import type { Document } from "telegraf/types";
import { DomainError } from "../../domain/errors.ts";
import { decimalAnswer } from "../../domain/report-answers.ts";
import * as staffHours from "../../domain/staff-hours.ts";
import { Html } from "../../messages/locales/index.ts";
import { listUnitStaff, type StaffMember } from "../../use-cases/units/index.ts";
import { formatHours } from "../../messages/format.ts";
import { downloadFile } from "../download-file.ts";
import { answer, labelled, type Outcome, type Step, type Turn } from "./steps.ts";
import type { WorkloadAction, WorkloadData } from "./report-data.ts";

/**
 * The staff part of the workload report: each active person's actual weekly hours, one at a time
 * by button, or many at once as "NIP atau nama: jam" lines or a CSV file.
 */

type WorkloadTurn = Turn<WorkloadData>;
const { STAFF_MAX_WEEKLY_HOURS: STAFF_MAX } = staffHours;
/** A spreadsheet of a school's staff is a few KB; anything this big is the wrong file. */
const MAX_CSV_BYTES = 512 * 1024;

/** The unit's staff, read once per update however many steps of it show or check them. */
export const staffOf = ({ ctx, who, once }: WorkloadTurn) =>
  once("staff", async () => {
    const { clock, config, db } = ctx.deps;
    const input = { userId: who.userId, now: clock.now(), timeZone: config.SCHEDULE_TIMEZONE };
    return (await listUnitStaff(db, input)).staff;
  });
const unitOf = (s: StaffMember) => (s.hoursUnit === "JP" ? "JP" : "jam");
const activeStaff = async (turn: WorkloadTurn) => (await staffOf(turn)).filter((s) => s.status === "AKTIF");

/** Lines or a CSV: every line must be right, or nothing is taken and the head is told which lines to fix. */
async function applyStaffList(turn: WorkloadTurn, parsed: staffHours.StaffHoursParse) {
  const { matched, problems } = staffHours.matchStaffHours(parsed, await activeStaff(turn));
  const describe = (p: (typeof problems)[number]) =>
    turn.ctx.t(`workload.problem.${p.kind}`, { line: p.line, text: p.text, max: STAFF_MAX });
  if (problems.length > 0)
    return {
      retry: ["workload.staff_problems", { lines: new Html(problems.map(describe).join("\n")) }],
    } as const;
  const actual = { ...turn.data.actual };
  for (const m of matched) actual[String(m.employeeId)] = m.hours;
  return {
    to: "summary",
    patch: { actual },
    say: ["workload.staff_applied", { count: matched.length }],
  } as const;
}

async function readCsv(turn: WorkloadTurn, doc: Document): Promise<Outcome<WorkloadData>> {
  if (!/\.csv$/i.test(doc.file_name ?? "") && doc.mime_type !== "text/csv")
    return { retry: ["workload.file_not_csv"] };
  if ((doc.file_size ?? 0) > MAX_CSV_BYTES)
    return { retry: ["workload.file_too_large", { max: MAX_CSV_BYTES / 1024 }] };
  const content = await downloadFile(turn.ctx, doc.file_id);
  return applyStaffList(turn, staffHours.parseStaffHoursCsv(content.toString("utf8")));
}

export const staffHoursSteps: Record<string, Step<WorkloadData, WorkloadAction>> = {
  staff: {
    prompt: async (turn) => {
      const hours = (s: StaffMember) => turn.data.actual[s.id] ?? s.weeklyHours;
      // A teacher's hours are JP (lesson hours), the others' jam: "Ani — 24 JP", "Yohana — 37,5 jam".
      const label = (s: StaffMember) => `${s.name} — ${formatHours(turn.ctx.locale, hours(s), unitOf(s))}`;
      const people = (await activeStaff(turn)).map(
        (s) => [{ label: label(s), action: "staff", value: s.id }] as const,
      );
      const buttons = [...people.map((row) => [...row]), ...labelled(turn.ctx, [["button.next", "next"]])];
      return { say: ["workload.ask_staff", { max: STAFF_MAX }], buttons };
    },
    text: (turn, text) => applyStaffList(turn, staffHours.parseStaffHoursLines(text)),
    document: readCsv,
    actions: {
      staff: async (turn, value) => {
        const person = (await activeStaff(turn)).find((s) => String(s.id) === value);
        if (!person) throw new DomainError("employee_not_in_unit");
        return { to: "staff_hours", patch: { employeeId: person.id } };
      },
      next: () => ({ to: "summary" }),
    },
  },
  staff_hours: {
    prompt: async (turn) => {
      const person = (await staffOf(turn)).find((s) => s.id === turn.data.employeeId);
      if (!person) throw new DomainError("employee_not_in_unit");
      const hours = formatHours(
        turn.ctx.locale,
        turn.data.actual[person.id] ?? person.weeklyHours,
        unitOf(person),
      );
      return { say: ["workload.ask_person_hours", { name: person.name, hours, max: STAFF_MAX }] };
    },
    text: answer(
      decimalAnswer(0, STAFF_MAX),
      "workload.person_hours",
      (text) => ({ text, max: STAFF_MAX }),
      ({ data }: WorkloadTurn, hours) => {
        const actual = { ...data.actual, [String(data.employeeId)]: hours };
        return { to: "staff", patch: { actual, employeeId: undefined } };
      },
    ),
  },
};
