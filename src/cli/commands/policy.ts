import { getUnwillingCountsAsObjection } from "../../db/employee-statements.ts";
import type { DbTx } from "../../db/client.ts";
import type { Blackout } from "../../domain/blackout.ts";
import { refusalsAsOperatorErrors } from "../domain-errors.ts";
import {
  addBlackout,
  approveBlackout,
  listBlackouts,
  removeBlackout,
  addHolidays,
  listHolidays,
  removeHoliday,
  setUnwillingPolicy,
  setFlightPolicy,
  listPrivateSchoolPolicies,
  setPrivateSchoolPolicy,
  type AgencyPrivateSchools,
} from "../../use-cases/policy/index.ts";
import { readFlightPolicy, type FlightPolicy } from "../../db/build-plan-input.ts";
import { usageError, type CliCommand, type CliContext } from "../types.ts";

const USAGE = "usage: policy unwilling-objection [on|off]";
const BLACKOUT_USAGE = [
  "usage: policy blackout list",
  "       policy blackout add <dd-mm-yyyy> <dd-mm-yyyy> <reason…>",
  "       policy blackout remove <n>",
  "       policy blackout approve <n> --nomor <number> --tanggal <dd-mm-yyyy>",
].join("\n");

const HOLIDAY_USAGE = [
  "usage: policy holiday list",
  "       policy holiday add <dd-mm-yyyy> [<dd-mm-yyyy>…]",
  "       policy holiday remove <dd-mm-yyyy>",
].join("\n");

const CLI = { userId: null, name: "cli" };

const describe = (on: boolean) =>
  on
    ? "unwilling-objection: on (an employee's own 'tidak bersedia' keeps them out of proposals)"
    : "unwilling-objection: off (only a head's recorded objection keeps someone out of proposals)";

const dmy = (iso: string) => iso.split("-").reverse().join("-");

/** One period as `list` prints it: whether approvals are frozen or the Minister allowed them. */
export function blackoutLine(b: Blackout, n: number): string {
  const state = b.approval
    ? `Minister's approval ${b.approval.nomor} of ${dmy(b.approval.tanggal)}: approvals allowed`
    : "approvals frozen";
  return `${n}. ${dmy(b.from)} – ${dmy(b.to)}  ${b.reason || "—"}  (${state})`;
}

async function blackout(args: string[], ctx: CliContext): Promise<void> {
  const [action, ...rest] = args;
  const { prisma } = await ctx.database();
  const run = <T>(work: (tx: DbTx) => Promise<T>) => refusalsAsOperatorErrors(prisma.$transaction(work));
  const number = (text: string | undefined) => {
    if (!text || !/^\d+$/.test(text)) throw usageError(BLACKOUT_USAGE);
    return Number(text);
  };
  switch (action) {
    case "list": {
      if (rest.length > 0) throw usageError(BLACKOUT_USAGE);
      const blackouts = await listBlackouts(prisma);
      ctx.io.out(
        blackouts.length === 0
          ? "no blackout periods"
          : blackouts.map((b, i) => blackoutLine(b, i + 1)).join("\n"),
      );
      return;
    }
    case "add": {
      const [from, to, ...reason] = rest;
      if (!from || !to || reason.length === 0) throw usageError(BLACKOUT_USAGE);
      const { blackout: added, blackouts } = await run((tx) =>
        addBlackout(tx, { actor: CLI, from, to, reason: reason.join(" ") }),
      );
      ctx.io.out(`added: ${blackoutLine(added, blackouts.indexOf(added) + 1)}`);
      return;
    }
    case "remove": {
      if (rest.length !== 1) throw usageError(BLACKOUT_USAGE);
      const n = number(rest[0]);
      const { removed } = await run((tx) => removeBlackout(tx, { actor: CLI, n }));
      ctx.io.out(`removed: ${blackoutLine(removed, n)}`);
      return;
    }
    case "approve": {
      const [first, ...options] = rest;
      const n = number(first);
      let nomor: string | undefined;
      let tanggal: string | undefined;
      for (let i = 0; i < options.length; i += 2) {
        const value = options[i + 1];
        if (value === undefined) throw usageError(BLACKOUT_USAGE);
        if (options[i] === "--nomor") nomor = value;
        else if (options[i] === "--tanggal") tanggal = value;
        else throw usageError(BLACKOUT_USAGE);
      }
      if (!nomor || !tanggal) throw usageError(BLACKOUT_USAGE);
      const approved = await run((tx) => approveBlackout(tx, { actor: CLI, n, nomor, tanggal }));
      ctx.io.out(`approved: ${blackoutLine(approved.blackout, n)}`);
      return;
    }
    default:
      throw usageError(BLACKOUT_USAGE);
  }
}

/** Public holidays and cuti bersama that the 21 working days of a keberatan skip (issue 15). */
async function holiday(args: string[], ctx: CliContext): Promise<void> {
  const [action, ...days] = args;
  const { prisma } = await ctx.database();
  const run = <T>(work: (tx: DbTx) => Promise<T>) => refusalsAsOperatorErrors(prisma.$transaction(work));
  const listed = (holidays: string[]) =>
    holidays.length === 0 ? "no days of the admin's own" : holidays.map(dmy).join(", ");
  switch (action) {
    case "list":
      if (days.length > 0) throw usageError(HOLIDAY_USAGE);
      for (const h of await listHolidays(prisma, ctx.clock.now()))
        ctx.io.out(
          `${dmy(h.day)}  ${h.source === "national" ? `${h.name} (national)` : "(added by an admin)"}`,
        );
      return;
    case "add": {
      if (days.length === 0) throw usageError(HOLIDAY_USAGE);
      const { added, holidays } = await run((tx) => addHolidays(tx, { actor: CLI, days }));
      ctx.io.out(`added ${added.length}: ${listed(holidays)}`);
      return;
    }
    case "remove": {
      const [day] = days;
      if (days.length !== 1 || day === undefined) throw usageError(HOLIDAY_USAGE);
      const { holidays } = await run((tx) => removeHoliday(tx, { actor: CLI, day }));
      ctx.io.out(`removed ${day}: ${listed(holidays)}`);
      return;
    }
    default:
      throw usageError(HOLIDAY_USAGE);
  }
}

const PRIVATE_USAGE = "usage: policy private-schools [off|on-request|on] [--agency <CODE>]";
const PRIVATE_WORDS = {
  OFF: "off (private schools are not planned for)",
  ON_REQUEST: "on-request (only private schools with an open teacher request)",
  ON: "on (private schools' needs are planned for, after state schools at equal shortfall)",
} as const;

/** Permendikdasmen 1/2025 (issue 29): shown per agency, or set for one agency or all, audited. */
async function privateSchools(args: string[], ctx: CliContext): Promise<void> {
  const [value, ...rest] = args;
  let agencyCode: string | undefined;
  if (rest.length === 2 && rest[0] === "--agency" && rest[1]) agencyCode = rest[1].toUpperCase();
  else if (rest.length > 0) throw usageError(PRIVATE_USAGE);
  const policy =
    value === undefined ? undefined : ({ off: "OFF", "on-request": "ON_REQUEST", on: "ON" } as const)[value];
  if (value !== undefined && policy === undefined) throw usageError(PRIVATE_USAGE);
  const { prisma } = await ctx.database();
  const print = (rows: AgencyPrivateSchools[]) => {
    for (const row of rows) ctx.io.out(`private-schools ${row.code}: ${PRIVATE_WORDS[row.policy]}`);
  };
  if (policy === undefined) {
    print(await listPrivateSchoolPolicies(prisma));
    return;
  }
  print(
    await refusalsAsOperatorErrors(
      prisma.$transaction((tx) =>
        setPrivateSchoolPolicy(tx, { policy, actor: CLI, ...(agencyCode ? { agencyCode } : {}) }),
      ),
    ),
  );
}

const MONTHS_USAGE = "usage: policy cap-window [<months>] | policy rejection-cooldown [<months>]";

/** The two month settings of the plan in flight (issue 24): shown, or set with an audit line. */
async function months(field: keyof FlightPolicy, args: string[], ctx: CliContext): Promise<void> {
  const [value, ...rest] = args;
  if (rest.length > 0 || (value !== undefined && !/^\d{1,3}$/.test(value))) throw usageError(MONTHS_USAGE);
  const { prisma } = await ctx.database();
  const describeMonths = (n: number) =>
    field === "capWindowMonths"
      ? `cap-window: ${n} months (moves in flight and transfers effective in the last ${n} months count against the caps)`
      : `rejection-cooldown: ${n} months (a rejected school, or person, is not proposed again for ${n} months)`;
  if (value === undefined) {
    ctx.io.out(describeMonths((await readFlightPolicy(prisma))[field]));
    return;
  }
  const { after } = await refusalsAsOperatorErrors(
    prisma.$transaction((tx) => setFlightPolicy(tx, { field, months: Number(value), actorName: "cli" })),
  );
  ctx.io.out(describeMonths(after));
}

export const policyCommand: CliCommand = {
  usage:
    "policy unwilling-objection [on|off] | policy cap-window|rejection-cooldown [<months>] | policy private-schools [off|on-request|on] [--agency CODE] | policy blackout list|add|remove|approve | policy holiday list|add|remove    policy settings; election freeze periods; holidays for working-day deadlines",
  async run(args, ctx) {
    const [name, value, ...rest] = args;
    if (name === "blackout") return blackout(args.slice(1), ctx);
    if (name === "holiday") return holiday(args.slice(1), ctx);
    if (name === "cap-window") return months("capWindowMonths", args.slice(1), ctx);
    if (name === "rejection-cooldown") return months("rejectionCooldownMonths", args.slice(1), ctx);
    if (name === "private-schools") return privateSchools(args.slice(1), ctx);
    if (
      name !== "unwilling-objection" ||
      rest.length > 0 ||
      (value !== undefined && value !== "on" && value !== "off")
    )
      throw usageError(USAGE);
    const { prisma } = await ctx.database();
    if (value === undefined) {
      ctx.io.out(describe(await getUnwillingCountsAsObjection(prisma)));
      return;
    }
    const { after } = await prisma.$transaction((tx) =>
      setUnwillingPolicy(tx, { value: value === "on", actorName: "cli" }),
    );
    ctx.io.out(describe(after));
  },
};
