import type { DbTx } from "../../db/client.ts";
import { writeAudit } from "../../db/audit.ts";
import { DomainError } from "../../domain/errors.ts";
import type { PrivateSchoolPolicy } from "../../domain/redistribution.ts";

export interface AgencyPrivateSchools {
  code: string;
  name: string;
  policy: PrivateSchoolPolicy;
}

/** Each agency's `policy.privateSchools` (issue 29), by code. */
export async function listPrivateSchoolPolicies(db: DbTx): Promise<AgencyPrivateSchools[]> {
  const agencies = await db.agency.findMany({ orderBy: { code: "asc" } });
  return agencies.map((a) => ({ code: a.code, name: a.name, policy: a.privateSchools }));
}

/**
 * Sets whether checks place ASN teachers in private schools for one agency (or every agency), with
 * an audit line per agency that changed: off, on-request (only schools with an open request), or on.
 */
export async function setPrivateSchoolPolicy(
  db: DbTx,
  input: { policy: PrivateSchoolPolicy; agencyCode?: string; actor: { userId: number | null; name: string } },
): Promise<AgencyPrivateSchools[]> {
  const agencies = await db.agency.findMany({
    where: input.agencyCode ? { code: input.agencyCode } : {},
    orderBy: { code: "asc" },
  });
  if (input.agencyCode && agencies.length === 0)
    throw new DomainError("agency_unknown", { code: input.agencyCode });
  for (const agency of agencies) {
    if (agency.privateSchools === input.policy) continue;
    await db.agency.update({ where: { id: agency.id }, data: { privateSchools: input.policy } });
    await writeAudit(db, {
      actorId: input.actor.userId,
      actorName: input.actor.name,
      action: "policy.update",
      entity: "agency",
      entityId: agency.code,
      details: { setting: "policy.privateSchools", before: agency.privateSchools, after: input.policy },
    });
  }
  return listPrivateSchoolPolicies(db);
}
