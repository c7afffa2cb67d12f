import { checkCommand } from "./commands/check.ts";
import { compatCommand } from "./commands/compat.ts";
import { employeeCommand } from "./commands/employee.ts";
import { exportCommand } from "./commands/export.ts";
import { importCommand } from "./commands/import.ts";
import { inviteCommand } from "./commands/invite.ts";
import { migrateCommand } from "./commands/migrate.ts";
import { planCommand } from "./commands/plan.ts";
import { requestCommand } from "./commands/request.ts";
import { whatIfCommand } from "./commands/what-if.ts";
import { policyCommand } from "./commands/policy.ts";
import { proposalCommand } from "./commands/proposal.ts";
import { rolesCommand } from "./commands/roles.ts";
import { seedCommand } from "./commands/seed.ts";
import { skCommand } from "./commands/sk.ts";
import { snapshotCommand } from "./commands/snapshot.ts";
import { statusCommand } from "./commands/status.ts";
import type { CliCommand } from "./types.ts";

/** Every command of DESIGN.md's command-line contract. */
export const commands: Record<string, CliCommand> = {
  migrate: migrateCommand,
  invite: inviteCommand,
  seed: seedCommand,
  status: statusCommand,
  import: importCommand,
  export: exportCommand,
  check: checkCommand,
  plan: planCommand,
  request: requestCommand,
  "what-if": whatIfCommand,
  snapshot: snapshotCommand,
  roles: rolesCommand,
  compat: compatCommand,
  policy: policyCommand,
  employee: employeeCommand,
  sk: skCommand,
  proposal: proposalCommand,
};
