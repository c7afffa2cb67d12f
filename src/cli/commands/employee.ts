import { DomainError } from "../../domain/errors.ts";
import { formatDate } from "../../domain/time.ts";
import { isTextKey, translate } from "../../messages/locales/index.ts";
import { setEmployeeStatus } from "../../use-cases/set-employee-status.ts";
import { operatorError, usageError, type CliCommand } from "../types.ts";

const USAGE = "usage: employee status <NIP> <aktif|cuti|tugas-belajar> [--until dd-mm-yyyy]";

/** The locale's English text of a DomainError, as plain text for a terminal. */
function plain(error: DomainError): string {
  const key = `errors.${error.code}`;
  const text = isTextKey(key) ? translate("en", key, error.params) : error.code;
  return text
    .replace(/<[^>]+>/g, "")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

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
        if (error.code === "leave_status_invalid") throw usageError(`${plain(error)}\n${USAGE}`);
        throw operatorError(plain(error));
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
