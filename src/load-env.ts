import { existsSync } from "node:fs";

/** Reads ./.env when present (Node's own loader); variables already set win. */
export function loadDotEnv(file = ".env"): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
