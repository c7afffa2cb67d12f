import type { DbTx } from "./client.ts";
import type { Prisma } from "../generated/prisma/client.ts";

export interface AuditEntry {
  actorId?: number | null;
  actorName?: string | null;
  action: string;
  entity: string;
  entityId: string | number;
  details?: Prisma.InputJsonValue;
}

/** Every change a person or the system makes leaves a line; call it inside the change's transaction. */
export async function writeAudit(db: DbTx, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: entry.actorId ?? null,
      actorName: entry.actorName ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      details: entry.details ?? undefined,
    },
  });
}
