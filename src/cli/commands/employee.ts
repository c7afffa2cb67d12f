import { DomainError } from "../../domain/errors.ts";
import { formatDate } from "../../domain/time.ts";
import { plainError } from "../domain-errors.ts";
import { setEmployeeStatus } from "../../use-cases/units/index.ts";
import { operatorError, usageError, type CliCommand } from "../types.ts";

const USAGE = "usage: employee status <NIP> <aktif|cuti|tugas-belajar> [--until dd-mm-yyyy]";

export const employeeCommand: CliCommand = {
  usage: "employee status <NIP> <aktif|cuti|tugas-belajar> [--until dd-mm-yyyy]",
  async run(args, ctx) {
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
