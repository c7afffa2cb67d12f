import type { DbTx } from "../../db/client.ts";
import { DomainError } from "../../domain/errors.ts";
import type { UserRole } from "../../generated/prisma/client.ts";
import { writeAudit } from "../../db/audit.ts";
import { hashInviteCode, newInviteCode } from "../../db/invite-code.ts";
import { normalizeNip, parseAsnNumber } from "../../domain/nip.ts";

export type InviteTarget =
  | { kind: "unit"; unitCode: string }
  | { kind: "hr"; agencyCode: string }
  | { kind: "admin" }
  | { kind: "employee"; nip: string };

export interface CreatedInvite {
  code: string;
  role: UserRole;
  targetName: string;
  expiresAt: Date;
}

export const DEFAULT_INVITE_DAYS = 7;

export async function createInvite(
  db: DbTx,
  input: {
    target: InviteTarget;
    createdBy: string;
    now: Date;
    validDays?: number;
    /** A unit head inviting: only a person of their own unit (admins and the CLI pass nothing). */
    headUnitId?: number | null;
  },
): Promise<CreatedInvite> {
  const expiresAt = new Date(input.now.getTime() + (input.validDays ?? DEFAULT_INVITE_DAYS) * 86_400_000);
  const code = newInviteCode();
  const base = { codeHash: hashInviteCode(code), expiresAt, createdBy: input.createdBy };
  let created: CreatedInvite;
  if (input.target.kind === "unit") {
    const unit = await db.unit.findUnique({ where: { code: input.target.unitCode.toUpperCase() } });
    if (!unit) throw new DomainError("unit_unknown", { code: input.target.unitCode });
    await db.invite.create({
      data: { ...base, role: "UNIT_HEAD", unitId: unit.id, agencyId: unit.agencyId },
    });
    created = { code, role: "UNIT_HEAD", targetName: unit.name, expiresAt };
  } else if (input.target.kind === "employee") {
    const employee = await findInvitee(db, input.target.nip, input.headUnitId ?? null);
    await db.invite.create({
      data: {
        ...base,
        role: "EMPLOYEE",
        employeeId: employee.id,
        unitId: employee.unitId,
        agencyId: employee.unit.agencyId,
      },
    });
    created = { code, role: "EMPLOYEE", targetName: employee.name, expiresAt };
  } else if (input.target.kind === "hr") {
    const agency = await db.agency.findUnique({ where: { code: input.target.agencyCode.toUpperCase() } });
    if (!agency) throw new DomainError("agency_unknown", { code: input.target.agencyCode });
    await db.invite.create({ data: { ...base, role: "HR_APPROVER", agencyId: agency.id } });
    created = { code, role: "HR_APPROVER", targetName: agency.name, expiresAt };
  } else {
    await db.invite.create({ data: { ...base, role: "ADMIN" } });
    created = { code, role: "ADMIN", targetName: "admin", expiresAt };
  }
  await writeAudit(db, {
    actorName: input.createdBy,
    action: "invite.create",
    entity: "invite",
    entityId: created.role,
    details: { target: created.targetName, expiresAt: expiresAt.toISOString() },
  });
  return created;
}

/**
 * The person an employee invite is bound to, by NIP or NI PPPK. A head may invite only their own
 * unit's people; a number of another unit gets its own answer, naming no one.
 */
async function findInvitee(db: DbTx, raw: string, headUnitId: number | null) {
  const nip = normalizeNip(raw);
  const parsed = parseAsnNumber(nip);
  if (!parsed.ok) throw new DomainError("invite_nip_invalid", { nip });
  const employee = await db.employee.findUnique({ where: { nip }, include: { unit: true } });
  if (!employee) throw new DomainError("invite_nip_unknown", { nip });
  if (headUnitId !== null && employee.unitId !== headUnitId)
    throw new DomainError("invite_nip_other_unit", { nip });
  return employee;
}

/** Deep link that opens the bot with the code: https://t.me/<bot>?start=<code>. */
export function inviteLink(botUsername: string | null, code: string): string {
  return `https://t.me/${botUsername ?? "<bot_username>"}?start=${code}`;
}
