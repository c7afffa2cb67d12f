import type { DbTx } from "../../db/client.ts";
import { chunks } from "../../db/chunks.ts";
import type { AuditLog } from "../../generated/prisma/client.ts";

/** The proposals the SK annex lists: approved by the team, decreed, in effect. */
export const EXPORTED_STATUSES = ["APPROVED", "DECREED", "EFFECTIVE"] as const;
export type ExportedStatus = (typeof EXPORTED_STATUSES)[number];

/** One line of the SK mutasi draft: who moves from where to where, from when, decided by whom and why. */
export interface TransferLine {
  proposalId: number;
  nip: string;
  name: string;
  /** Gelar as SIASN writes them (GELAR_DEPAN, GELAR_BELAKANG): the SK names a person with them. */
  titleFront: string | null;
  titleBack: string | null;
  /** "III/b" for PNS, "IX" for PPPK; null when no file gave it. */
  golongan: string | null;
  asnKind: "PNS" | "PPPK";
  roleFrom: string;
  roleTo: string;
  unitFrom: string;
  unitTo: string;
  unitFromName: string;
  unitToName: string;
  /** Into a private school (Permendikdasmen 1/2025). */
  redistribution: boolean;
  /** Where it stands: approved by the team (menunggu SK), decreed, or in effect. */
  status: ExportedStatus;
  /** The SK once recorded. */
  skNumber: string | null;
  skDate: Date | null;
  /** TMT of the move: the SK's; null while no SK is recorded. */
  effectiveDate: Date | null;
  decidedBy: string;
  decidedAt: Date | null;
  reason: string;
  reasonEn: string | null;
  /** Who approved, in order (the assessment team's decision). */
  approvers: string[];
  trail: Array<{ name: string; verdict: "APPROVE" | "REJECT"; at: Date; reason: string | null }>;
}

export interface AuditLine {
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  details: string;
}

export interface TransferExport {
  transfers: TransferLine[];
  audit: AuditLine[];
}

/**
 * Transfers approved by the team (awaiting the SK, decreed, or in effect) in decision order with their decision trail, and the audit log. With an
 * agency (an HR approver's export) both are limited to that agency's proposals and transfers;
 * without one (an admin, the CLI) everything is included.
 */
export async function exportTransfers(
  db: DbTx,
  options: { agencyId?: number | null } = {},
): Promise<TransferExport> {
  const agencyWhere = options.agencyId ? { agencyId: options.agencyId } : {};
  const [proposals, roles] = await Promise.all([
    db.proposal.findMany({
      where: { status: { in: [...EXPORTED_STATUSES] }, ...agencyWhere },
      orderBy: [{ decidedAt: "asc" }, { id: "asc" }],
      include: {
        employee: {
          select: {
            nip: true,
            name: true,
            roleId: true,
            titleFront: true,
            titleBack: true,
            golongan: true,
            asnKind: true,
          },
        },
        fromUnit: { select: { code: true, name: true } },
        toUnit: { select: { code: true, name: true } },
        transfer: true,
        decisions: {
          include: { user: { select: { id: true, name: true } } },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        },
      },
    }),
    db.role.findMany({ select: { id: true, name: true } }),
  ]);
  const roleName = new Map(roles.map((r) => [r.id, r.name]));
  const transfers = proposals.map((p): TransferLine => {
    const approvers = p.decisions.filter((d) => d.verdict === "APPROVE");
    const finalDecider = p.decisions.find((d) => d.userId === p.decidedById) ?? approvers.at(-1);
    return {
      proposalId: p.id,
      nip: p.employee.nip,
      name: p.employee.name,
      titleFront: p.employee.titleFront,
      titleBack: p.employee.titleBack,
      golongan: p.employee.golongan,
      asnKind: p.employee.asnKind,
      roleFrom: roleName.get(p.transfer?.fromRoleId ?? p.employee.roleId) ?? "",
      roleTo: roleName.get(p.transfer?.toRoleId ?? p.roleId) ?? "",
      unitFrom: `${p.fromUnit.name} (${p.fromUnit.code})`,
      unitTo: `${p.toUnit.name} (${p.toUnit.code})`,
      unitFromName: p.fromUnit.name,
      unitToName: p.toUnit.name,
      status: p.status as ExportedStatus,
      redistribution: p.redistribution,
      skNumber: p.skNumber,
      skDate: p.skDate,
      effectiveDate: p.tmt ?? p.transfer?.effectiveDate ?? null,
      decidedBy:
        approvers.length > 1 ? approvers.map((d) => d.user.name).join(", ") : (finalDecider?.user.name ?? ""),
      decidedAt: p.decidedAt,
      reason: p.reason,
      reasonEn: p.reasonEn,
      approvers: approvers.map((d) => d.user.name),
      trail: p.decisions.map((d) => ({
        name: d.user.name,
        verdict: d.verdict,
        at: d.createdAt,
        reason: d.reason,
      })),
    };
  });

  const entries = options.agencyId
    ? await agencyAudit(db, options.agencyId)
    : await db.auditLog.findMany({ orderBy: [{ at: "asc" }, { id: "asc" }] });
  const audit = entries.map((e): AuditLine => ({
    at: e.at,
    actor: e.actorName ?? (e.actorId ? `#${e.actorId}` : "system"),
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    details: e.details === null ? "" : JSON.stringify(e.details),
  }));
  return { transfers, audit };
}

/**
 * The audit lines of an agency's proposals and transfers, oldest first. Over the years a province's
 * proposals outnumber what one query may list (Prisma takes at most 32,766 parameters), so the ids are
 * asked for in batches.
 */
async function agencyAudit(db: DbTx, agencyId: number): Promise<AuditLog[]> {
  const [proposals, transfers] = await Promise.all([
    db.proposal.findMany({ where: { agencyId }, select: { id: true } }),
    db.transfer.findMany({ where: { proposal: { agencyId } }, select: { id: true } }),
  ]);
  const lines: AuditLog[] = [];
  for (const [entity, ids] of [
    ["proposal", proposals.map((p) => String(p.id))],
    ["transfer", transfers.map((t) => String(t.id))],
  ] as const)
    for (const batch of chunks(ids, 10_000))
      lines.push(...(await db.auditLog.findMany({ where: { entity, entityId: { in: batch } } })));
  return lines.sort((a, b) => a.at.getTime() - b.at.getTime() || a.id - b.id);
}
