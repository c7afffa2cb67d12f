import { formatDateTime } from "../../domain/time.ts";
import { DomainError } from "../../domain/errors.ts";
import { createInvite, inviteLink, type InviteTarget } from "../../use-cases/accounts/index.ts";
import { getBotUsername } from "../../db/settings.ts";
import { operatorError, usageError, type CliCommand } from "../types.ts";

function parseTarget(args: string[]): InviteTarget {
  const [kind, code, ...rest] = args;
  if (kind === "unit" && code) return { kind: "unit", unitCode: code };
  if (kind === "hr" && code) return { kind: "hr", agencyCode: code };
  if (kind === "admin" && !code) return { kind: "admin" };
  if ((kind === "employee" || kind === "pegawai") && code)
    return { kind: "employee", nip: [code, ...rest].join("") };
  throw usageError("usage: invite unit <UNIT> | invite hr <AGENCY> | invite employee <NIP> | invite admin");
}

export const inviteCommand: CliCommand = {
  usage: "invite unit <UNIT> | hr <AGENCY> | employee <NIP> | admin   create a single-use invite (7 days)",
  async run(args, ctx) {
    const target = parseTarget(args);
    const { prisma } = await ctx.database();
    try {
      const invite = await prisma.$transaction((tx) =>
        createInvite(tx, { target, createdBy: "cli", now: ctx.clock.now() }),
      );
      const username = await getBotUsername(prisma);
      ctx.io.out(
        `Invite for ${invite.targetName} (${invite.role}), valid until ${formatDateTime(invite.expiresAt, ctx.config.SCHEDULE_TIMEZONE)}`,
      );
      ctx.io.out(`Code: ${invite.code}`);
      ctx.io.out(`Link: ${inviteLink(username, invite.code)}`);
      if (!username)
        ctx.io.out("(Start the bot once so the link can name it; until then send: /start <code>)");
    } catch (error) {
      if (error instanceof DomainError && error.code === "unit_unknown")
        throw operatorError(`No unit with code ${error.params.code}. See: status`);
      if (error instanceof DomainError && error.code === "invite_nip_invalid")
        throw operatorError(
          `${error.params.nip} is not a valid NIP or NI PPPK (18 digits, starting with the birth date).`,
        );
      if (error instanceof DomainError && error.code === "invite_nip_unknown")
        throw operatorError(
          `No employee with NIP ${error.params.nip}. Import the employees first: import <file>`,
        );
      if (error instanceof DomainError && error.code === "agency_unknown")
        throw operatorError(`No agency with code ${error.params.code}. See: status`);
      throw error;
    }
  },
};
