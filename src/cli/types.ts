import type { StorageConfig } from "../config.ts";
import type { Database } from "../db/client.ts";
import type { Clock } from "../domain/clock.ts";
import type { Logger } from "../logger.ts";

/** Exit codes of DESIGN.md: 0 success, 1 a failure the operator can fix, 2 bad usage. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

export const usageError = (message: string) => new CliError(message, 2);
export const operatorError = (message: string) => new CliError(message, 1);

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CliContext {
  config: StorageConfig;
  clock: Clock;
  logger: Logger;
  io: CliIo;
  /** Opens the database lazily (commands such as `plan` never need it). */
  database(): Promise<Database>;
  /** Migrations that opening the database applied (every command migrates first). */
  migrationsApplied(): string[];
}

export interface CliCommand {
  /** One line for the usage text. */
  usage: string;
  run(args: string[], ctx: CliContext): Promise<void>;
}
