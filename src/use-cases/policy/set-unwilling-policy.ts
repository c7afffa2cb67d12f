import type { DbTx } from "../../db/client.ts";
import { writeAudit } from "../../db/audit.ts";
import { getUnwillingCountsAsObjection, UNWILLING_POLICY_SETTING } from "../../db/employee-statements.ts";
import { putSetting } from "../../db/settings.ts";

/** Sets whether an employee's own "tidak bersedia" keeps them out of proposals, with an audit line. */
export async function setUnwillingPolicy(
  db: DbTx,
  input: { value: boolean; actorName: string },
): Promise<{ before: boolean; after: boolean }> {
  const before = await getUnwillingCountsAsObjection(db);
  await putSetting(db, UNWILLING_POLICY_SETTING, input.value);
  await writeAudit(db, {
    actorName: input.actorName,
    action: "policy.update",
    entity: "setting",
    entityId: UNWILLING_POLICY_SETTING,
    details: { before, after: input.value },
  });
  return { before, after: input.value };
}
