import { DomainError } from "../../domain/errors.ts";
import { formatDate, localDate, parseDayMonthYear } from "../../domain/time.ts";
import { htmlToPlain } from "../../messages/error-text.ts";
import { teacherRequestText } from "../../messages/teacher-request-text.ts";
import { closeRequest, listOpenRequests, requestTeachers } from "../../use-cases/units/index.ts";
import { plainError } from "../domain-errors.ts";
import { operatorError, usageError, type CliCommand } from "../types.ts";

const USAGE = [
  "usage: request list",
  "       request add <UNIT> <ROLE> <JP> --reason <text…> [--since dd-mm-yyyy] [--permit <number>]",
  "       request close <id> filled|cancelled",
].join("\n");

const CLI = { userId: null, name: "cli" };

/**
 * Teacher requests of private schools (issue 29). `add` records one on the district's own initiative
 * (Permendikdasmen 1/2025); heads of private schools ask by conversation (/mintaguru).
 */
export const requestCommand: CliCommand = {
  usage:
    "request list | request add <UNIT> <ROLE> <JP> --reason … [--since dd-mm-yyyy] [--permit …] | request close <id> filled|cancelled   private schools' teacher requests",
  async run(args, ctx) {
    const [action, ...rest] = args;
    const { prisma } = await ctx.database();
    const refused = (error: unknown) => {
      if (error instanceof DomainError) throw operatorError(plainError(error));
      throw error;
    };
    if (action === "list" && rest.length === 0) {
      const open = await listOpenRequests(prisma);
      const roles = new Map((await prisma.role.findMany()).map((r) => [r.id, r.code]));
      ctx.io.out(`Open teacher requests: ${open.length}`);
      for (const r of open)
        ctx.io.out(
          `  #${r.id} ${r.unit.code} ${roles.get(r.roleId) ?? r.roleId} ${r.hours} JP since ${formatDate(r.since, "UTC")}${r.initiative ? " (district's initiative)" : ""}: ${r.reason}`,
        );
      return;
    }
    if (action === "close") {
      const [id, status, ...extra] = rest;
      if (!id || !/^\d+$/.test(id) || (status !== "filled" && status !== "cancelled") || extra.length > 0)
        throw usageError(USAGE);
      const closed = await prisma
        .$transaction((tx) =>
          closeRequest(tx, {
            id: Number(id),
            status: status === "filled" ? "FILLED" : "CANCELLED",
            now: ctx.clock.now(),
            actor: CLI,
          }),
        )
        .catch(refused);
      ctx.io.out(`Request #${closed.id} closed: ${closed.status.toLowerCase()}.`);
      return;
    }
    if (action !== "add") throw usageError(USAGE);
    const [unitCode, roleCode, hoursText, ...options] = rest;
    const hours = Number(hoursText?.replace(",", "."));
    if (!unitCode || !roleCode || !Number.isFinite(hours) || hours <= 0) throw usageError(USAGE);
    const flags: Record<string, string[]> = {};
    let current: string | null = null;
    for (const word of options) {
      if (/^--(reason|since|permit)$/.test(word)) flags[(current = word.slice(2))] = [];
      else if (current) flags[current]?.push(word);
      else throw usageError(USAGE);
    }
    const reason = flags.reason?.join(" ").trim();
    if (!reason) throw usageError(`--reason is required\n${USAGE}`);
    const sinceText = flags.since?.join(" ");
    const since = sinceText
      ? parseDayMonthYear(sinceText)
      : localDate(ctx.clock.now(), ctx.config.SCHEDULE_TIMEZONE);
    if (!since) throw usageError(`--since is a date dd-mm-yyyy: ${sinceText}\n${USAGE}`);
    const [unit, role] = await Promise.all([
      prisma.unit.findUnique({ where: { code: unitCode.toUpperCase() } }),
      prisma.role.findUnique({ where: { code: roleCode.toUpperCase() } }),
    ]);
    if (!unit) throw operatorError(`Unit ${unitCode} does not exist.`);
    if (!role) throw operatorError(`Role ${roleCode} does not exist. See \`roles\`.`);
    const { request, notified } = await prisma
      .$transaction((tx) =>
        requestTeachers(tx, {
          unitId: unit.id,
          roleId: role.id,
          hours,
          since,
          reason,
          permitNumber: flags.permit?.join(" ") || null,
          npsn: null,
          initiative: true,
          actor: CLI,
          formatNotice: (n) => teacherRequestText(ctx.config.DEFAULT_LOCALE ?? "id", n),
        }),
      )
      .catch(refused);
    ctx.io.out(
      `${htmlToPlain(teacherRequestText("en", { id: request.id, unitName: unit.name, npsn: request.npsn, permitNumber: request.permitNumber, roleName: role.name, hours, since, reason, by: "cli", initiative: true }))}\n${notified ? "The HR group is told." : "The agency has no HR group yet: nobody was told."}`,
    );
  },
};
