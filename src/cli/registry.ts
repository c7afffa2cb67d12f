import type { CliCommand } from "./types.ts";

/**
 * Every command of DESIGN.md's command-line contract, each loaded only when it runs: loading them all
 * (spreadsheets, PDF, charts) costs about a second, which `plan` should not pay (issue 30: a plan of 5,000
 * people in under 3 s, start-up included).
 */
export const commands: Record<string, () => Promise<CliCommand>> = {
  migrate: async () => (await import("./commands/migrate.ts")).migrateCommand,
  invite: async () => (await import("./commands/invite.ts")).inviteCommand,
  seed: async () => (await import("./commands/seed.ts")).seedCommand,
  status: async () => (await import("./commands/status.ts")).statusCommand,
  import: async () => (await import("./commands/import.ts")).importCommand,
  export: async () => (await import("./commands/export.ts")).exportCommand,
  check: async () => (await import("./commands/check.ts")).checkCommand,
  plan: async () => (await import("./commands/plan.ts")).planCommand,
  request: async () => (await import("./commands/request.ts")).requestCommand,
  "what-if": async () => (await import("./commands/what-if.ts")).whatIfCommand,
  snapshot: async () => (await import("./commands/snapshot.ts")).snapshotCommand,
  roles: async () => (await import("./commands/roles.ts")).rolesCommand,
  compat: async () => (await import("./commands/compat.ts")).compatCommand,
  policy: async () => (await import("./commands/policy.ts")).policyCommand,
  employee: async () => (await import("./commands/employee.ts")).employeeCommand,
  sk: async () => (await import("./commands/sk.ts")).skCommand,
  proposal: async () => (await import("./commands/proposal.ts")).proposalCommand,
};
