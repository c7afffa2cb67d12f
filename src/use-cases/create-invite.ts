import type { DbTx } from "../db/client.ts";
import { DomainError } from "../domain/errors.ts";
import type { UserRole } from "../generated/prisma/client.ts";
import { writeAudit } from "../db/audit.ts";
import { hashInviteCode, newInviteCode } from "../db/invite-code.ts";

export type InviteTarget =
  { kind: "unit"; unitCode: string } | { kind: "hr"; agencyCode: string } | { kind: "admin" };

export interface CreatedInvite {
  code: string;
  role: UserRole;
  targetName: string;
  expiresAt: Date;
}

export const DEFAULT_INVITE_DAYS = 7;

export async function createInvite(
  db: DbTx,
  input: { target: InviteTarget; createdBy: string; now: Date; validDays?: number },
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

/** Deep link that opens the bot with the code: https://t.me/<bot>?start=<code>. */
export function inviteLink(botUsername: string | null, code: string): string {
  return `https://t.me/${botUsername ?? "<bot_username>"}?start=${code}`;
}
