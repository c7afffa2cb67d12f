import { inviteCommand } from "./commands/invite.ts";
import { migrateCommand } from "./commands/migrate.ts";
import type { CliCommand } from "./types.ts";

/** Every command of DESIGN.md's command-line contract. */
export const commands: Record<string, CliCommand> = {
  migrate: migrateCommand,
  invite: inviteCommand,
};
