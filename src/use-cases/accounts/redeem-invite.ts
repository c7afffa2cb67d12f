import type { DbTx } from "../../db/client.ts";
import { DomainError } from "../../domain/errors.ts";
import { formatDate } from "../../domain/time.ts";
import type { Prisma, UserRole } from "../../generated/prisma/client.ts";
import { displayName } from "../../messages/employee-name.ts";
import { writeAudit } from "../../db/audit.ts";
import { hashInviteCode } from "../../db/invite-code.ts";

export interface TelegramPerson {
  id: number;
  name: string;
  username?: string | undefined;
}

export interface Redeemed {
  role: UserRole;
  unitName: string | null;
  agencyName: string | null;
  /** For an employee invite: the person the account now speaks for. */
  employeeName?: string;
}

/** Binds a person to the invite's unit or agency; a code works once and until it expires. */
export async function redeemInvite(
  db: DbTx,
  input: { code: string; person: TelegramPerson; now: Date },
): Promise<Redeemed> {
  const invite = await db.invite.findUnique({
    where: { codeHash: hashInviteCode(input.code) },
    include: { unit: true, agency: true, employee: true },
  });
  if (!invite) throw new DomainError("invite_unknown");
  if (invite.usedAt) throw new DomainError("invite_used");
  if (invite.expiresAt <= input.now)
    throw new DomainError("invite_expired", { expires: formatDate(invite.expiresAt) });
  if (invite.role === "EMPLOYEE") return redeemEmployeeInvite(db, { ...input, invite });

  const telegramId = BigInt(input.person.id);
  const user = await db.user.upsert({
    where: { telegramId },
    create: {
      telegramId,
      name: input.person.name,
      username: input.person.username ?? null,
      role: invite.role,
      unitId: invite.unitId,
      agencyId: invite.agencyId,
    },
    update: {
      name: input.person.name,
      username: input.person.username ?? null,
      role: invite.role,
      unitId: invite.unitId,
      agencyId: invite.agencyId,
      active: true,
    },
  });
  await claimInvite(db, invite.id, user, input.now, {
    role: invite.role,
    unit: invite.unit?.code ?? null,
    agency: invite.agency?.code ?? null,
  });
  return { role: invite.role, unitName: invite.unit?.name ?? null, agencyName: invite.agency?.name ?? null };
}

type InviteRow = Prisma.InviteGetPayload<{ include: { unit: true; agency: true; employee: true } }>;

/**
 * Links the account to the invite's employee. Someone already registered (a head is an ASN too)
 * keeps their role and gains their own record; anyone else becomes EMPLOYEE. An account that spoke
 * for the same person before (a lost phone) lets go of it.
 */
async function redeemEmployeeInvite(
  db: DbTx,
  input: { person: TelegramPerson; now: Date; invite: InviteRow },
): Promise<Redeemed> {
  const { invite, person } = input;
  const employee = invite.employee;
  if (!employee) throw new DomainError("invite_unknown");
  const telegramId = BigInt(person.id);
  const existing = await db.user.findUnique({ where: { telegramId } });
  const keepsRole = existing !== null && existing.role !== "NONE" && existing.role !== "EMPLOYEE";
  const previous = await db.user.findFirst({
    where: { employeeId: employee.id, telegramId: { not: telegramId } },
  });
  if (previous) {
    await db.user.update({
      where: { id: previous.id },
      data: { employeeId: null, ...(previous.role === "EMPLOYEE" ? { role: "NONE" as const } : {}) },
    });
  }
  const identity = { name: person.name, username: person.username ?? null };
  const user = keepsRole
    ? await db.user.update({
        where: { id: existing.id },
        data: { ...identity, employeeId: employee.id, active: true },
      })
    : await db.user.upsert({
        where: { telegramId },
        create: {
          telegramId,
          ...identity,
          role: "EMPLOYEE",
          employeeId: employee.id,
          agencyId: invite.agencyId,
        },
        update: {
          ...identity,
          role: "EMPLOYEE",
          employeeId: employee.id,
          unitId: null,
          agencyId: invite.agencyId,
          active: true,
        },
      });
  await claimInvite(db, invite.id, user, input.now, {
    role: "EMPLOYEE",
    nip: employee.nip,
    keptRole: keepsRole ? user.role : null,
    unboundUserId: previous?.id ?? null,
  });
  return {
    role: "EMPLOYEE",
    unitName: invite.unit?.name ?? null,
    agencyName: invite.agency?.name ?? null,
    employeeName: displayName(employee),
  };
}

/**
 * Marks the code used by this user and audits it. The guard is in the where clause: of two people
 * racing for one code, exactly one wins; the other's transaction rolls back with "invite_used".
 */
async function claimInvite(
  db: DbTx,
  inviteId: number,
  user: { id: number; name: string },
  now: Date,
  details: Record<string, string | number | null>,
): Promise<void> {
  const { count } = await db.invite.updateMany({
    where: { id: inviteId, usedAt: null },
    data: { usedAt: now, usedById: user.id },
  });
  if (count === 0) throw new DomainError("invite_used");
  await writeAudit(db, {
    actorId: user.id,
    actorName: user.name,
    action: "invite.redeem",
    entity: "user",
    entityId: user.id,
    details,
  });
}
