import type { DbTx } from "../db/client.ts";
import { DomainError } from "../domain/errors.ts";
import { formatDate } from "../domain/time.ts";
import type { UserRole } from "../generated/prisma/client.ts";
import { writeAudit } from "../db/audit.ts";
import { hashInviteCode } from "../db/invite-code.ts";

export interface TelegramPerson {
  id: number;
  name: string;
  username?: string | undefined;
}

export interface Redeemed {
  role: UserRole;
  unitName: string | null;
  agencyName: string | null;
}

/** Binds a person to the invite's unit or agency; a code works once and until it expires. */
export async function redeemInvite(
  db: DbTx,
  input: { code: string; person: TelegramPerson; now: Date },
): Promise<Redeemed> {
  const invite = await db.invite.findUnique({
    where: { codeHash: hashInviteCode(input.code) },
    include: { unit: true, agency: true },
  });
  if (!invite) throw new DomainError("invite_unknown");
  if (invite.usedAt) throw new DomainError("invite_used");
  if (invite.expiresAt <= input.now)
    throw new DomainError("invite_expired", { expires: formatDate(invite.expiresAt) });

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
  // The guard is in the where clause: of two people racing for one code, exactly one wins.
  const { count } = await db.invite.updateMany({
    where: { id: invite.id, usedAt: null },
    data: { usedAt: input.now, usedById: user.id },
  });
  if (count === 0) throw new DomainError("invite_used");
  await writeAudit(db, {
    actorId: user.id,
    actorName: user.name,
    action: "invite.redeem",
    entity: "user",
    entityId: user.id,
    details: { role: invite.role, unit: invite.unit?.code ?? null, agency: invite.agency?.code ?? null },
  });
  return { role: invite.role, unitName: invite.unit?.name ?? null, agencyName: invite.agency?.name ?? null };
}
