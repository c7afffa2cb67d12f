import { DomainError } from "../../domain/errors.ts";
import { listRoles, setRole, type RoleChange, type RoleView } from "../../use-cases/units/index.ts";
import { operatorError, usageError, type CliCommand } from "../types.ts";

const USAGE =
  "usage: roles [--json] | roles set <CODE> [--teacher|--no-teacher] [--hours N] [--unit JP|jam] [--bup N|rule] [--jp-per-rombel N] [--qualification TEXT|rule]";

export function roleLine(r: RoleView): string {
  const flags = [r.isTeacher ? "teacher" : "", r.needsReview ? "NEEDS REVIEW" : ""]
    .filter(Boolean)
    .join(", ");
  const rombel = r.hoursPerRombel === null ? "" : `, ${r.hoursPerRombel} JP/rombel`;
  const qualification = r.qualification
    ? `, ${r.qualification}${r.qualificationSource === "set" ? " (set)" : ""}`
    : "";
  return `${r.code.padEnd(14)} ${r.name.padEnd(34)} ${r.standardHours} ${r.hoursUnit === "JP" ? "JP" : "h"}/week, BUP ${r.retirementAge} (${r.retirementAgeSource === "set" ? "set" : "rule"})${rombel}${qualification}${flags ? ` [${flags}]` : ""}`;
}

function number(flag: string, value: string | undefined, min: number, max: number, integer = false): number {
  const n = Number(value?.replace(",", "."));
  if (value === undefined || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n)))
    throw usageError(`${flag} needs a number from ${min} to ${max}\n${USAGE}`);
  return n;
}

function parseChange(args: string[]): RoleChange {
  const change: RoleChange = {};
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    if (flag === "--teacher") change.isTeacher = true;
    else if (flag === "--no-teacher") change.isTeacher = false;
    else if (flag === "--hours") change.standardHours = number(flag, args[++i], 1, 60);
    else if (flag === "--bup" && args[i + 1]?.toLowerCase() === "rule") {
      change.retirementAge = "rule";
      i++;
    } else if (flag === "--bup") change.retirementAge = number(flag, args[++i], 50, 70, true);
    else if (flag === "--jp-per-rombel") change.hoursPerRombel = number(flag, args[++i], 0, 60);
    else if (flag === "--qualification") {
      const text = args[++i]?.trim();
      if (!text || text.startsWith("--") || text.length > 120)
        throw usageError(
          `--qualification needs the education, e.g. "S-1/D-IV PGSD" (at most 120 characters), or rule\n${USAGE}`,
        );
      change.qualification = text.toLowerCase() === "rule" ? null : text;
    } else if (flag === "--unit") {
      const unit = args[++i]?.toUpperCase();
      if (unit !== "JP" && unit !== "JAM") throw usageError(`--unit is JP or jam\n${USAGE}`);
      change.hoursUnit = unit;
    } else throw usageError(`Unknown option ${flag}\n${USAGE}`);
  }
  return change;
}

export const rolesCommand: CliCommand = {
  usage:
    "roles [--json] | roles set <CODE> [--teacher|--no-teacher] [--hours N] [--unit JP|jam] [--bup N|rule] [--jp-per-rombel N] [--qualification TEXT|rule]",
  async run(args, ctx) {
    if (args[0] === "set") {
      const code = args[1]?.toUpperCase();
      if (!code || code.startsWith("--")) throw usageError(USAGE);
      const change = parseChange(args.slice(2));
      const { prisma } = await ctx.database();
      const view = await prisma
        .$transaction((tx) => setRole(tx, code, change, { name: "cli" }))
        .catch((error: unknown) => {
          if (error instanceof DomainError && error.code === "role_unknown")
            throw operatorError(
              `Role ${code} does not exist. See \`roles\` for the codes, or import a jabatan sheet.`,
            );
          throw error;
        });
      ctx.io.out(`Updated ${roleLine(view)}`);
      return;
    }
    if (args.some((a) => a !== "--json")) throw usageError(USAGE);
    const { prisma } = await ctx.database();
    const roles = await listRoles(prisma);
    if (args.includes("--json")) {
      ctx.io.out(JSON.stringify(roles, null, 2));
      return;
    }
    if (roles.length === 0) ctx.io.out("No roles yet. Import a jabatan sheet (docs/import.md).");
    for (const role of roles) ctx.io.out(roleLine(role));
  },
};
