import { DomainError } from "../../domain/errors.ts";
import { formatDate } from "../../domain/time.ts";
import { plainError } from "../domain-errors.ts";
import { parseDayMonthYear } from "../../domain/time.ts";
import { setDiscipline, setEmployeeStatus } from "../../use-cases/units/index.ts";
import { operatorError, usageError, type CliCommand } from "../types.ts";

const USAGE = [
  "usage: employee status <NIP> <aktif|cuti|tugas-belajar> [--until dd-mm-yyyy]",
  "       employee discipline <NIP> --until dd-mm-yyyy [--note …] | employee discipline <NIP> clear",
].join("\n");

/** A disciplinary penalty or proceedings until a day (issue 29: no private-school placement meanwhile). */
async function discipline(args: string[], ctx: Parameters<CliCommand["run"]>[1]): Promise<void> {
  const [nip, flag, value, ...rest] = args;
  if (!nip || !/^\d{18}$/.test(nip)) throw usageError(USAGE);
  let until: Date | null;
  let note: string | undefined;
  if (flag === "clear" && value === undefined) until = null;
  else if (flag === "--until" && value) {
    until = parseDayMonthYear(value);
    if (!until) throw usageError(`--until is a date dd-mm-yyyy: ${value}\n${USAGE}`);
    if (rest.length > 0) {
      if (rest[0] !== "--note" || rest.length < 2) throw usageError(USAGE);
      note = rest.slice(1).join(" ");
    }
  } else throw usageError(USAGE);
  const { prisma } = await ctx.database();
  const done = await prisma
    .$transaction((tx) =>
      setDiscipline(tx, { nip, until, actor: { userId: null, name: "cli" }, ...(note ? { note } : {}) }),
    )
    .catch((error: unknown) => {
      if (error instanceof DomainError) throw operatorError(plainError(error));
      throw error;
    });
  ctx.io.out(
    done.until
      ? `${done.nip} ${done.name}: disciplinary penalty recorded until ${formatDate(done.until, "UTC")}; not placed in a private school meanwhile.`
      : `${done.nip} ${done.name}: no disciplinary penalty recorded.`,
  );
}

export const employeeCommand: CliCommand = {
  usage:
    "employee status <NIP> <aktif|cuti|tugas-belajar> [--until dd-mm-yyyy] | employee discipline <NIP> --until dd-mm-yyyy [--note …]|clear",
  async run(args, ctx) {
    if (args[0] === "discipline") return discipline(args.slice(1), ctx);
    const [action, nip, status, ...options] = args;
    if (action !== "status" || !nip || !status || nip.startsWith("--") || status.startsWith("--"))
      throw usageError(USAGE);
    let until: string | undefined;
    if (options.length > 0) {
      if (options[0] !== "--until" || options.length !== 2) throw usageError(USAGE);
      until = options[1];
    }
    const { prisma } = await ctx.database();
    const change = await prisma
      .$transaction((tx) =>
        setEmployeeStatus(tx, {
          actor: { userId: null, name: "cli", unitId: null },
          nip,
          status,
          until,
          now: ctx.clock.now(),
          timeZone: ctx.config.SCHEDULE_TIMEZONE,
        }),
      )
      .catch((error: unknown) => {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === "leave_status_invalid") throw usageError(`${plainError(error)}\n${USAGE}`);
        throw operatorError(plainError(error));
      });
    const until_ = change.until ? ` until ${formatDate(change.until, "UTC")}` : "";
    const label = change.status.toLowerCase().replace("_", " ");
    ctx.io.out(
      change.changed
        ? `${change.nip} ${change.name} (${change.unitName}): ${change.before.toLowerCase().replace("_", " ")} → ${label}${until_}`
        : `${change.nip} ${change.name} is already ${label}${until_}; nothing changed.`,
    );
  },
};
