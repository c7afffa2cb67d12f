import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { DEFAULT_TOKEN, type BotApiServer } from "./bot-api-server.ts";

export const tsx = path.resolve("node_modules/.bin/tsx");
/**
 * The bot's process as the Dockerfile starts it: node with tsx's loader, so that signals reach the bot
 * itself. Through tsx's command, a SIGTERM is relayed and the bot killed outright when its event loop
 * does not answer within 60 ms: under load, start-up.test.ts saw exit code 143 instead of 0.
 */
export const MAIN = ["--import", "tsx", "src/main.ts"];

/** The environment of `npm start` against the stand-in, on the embedded database in `dataDir`. */
export function botProcessEnv(api: BotApiServer, dataDir: string, extra: Record<string, string> = {}) {
  return {
    ...process.env,
    BOT_TOKEN: DEFAULT_TOKEN,
    TELEGRAM_API_ROOT: api.url,
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    DATABASE_URL: "",
    PORT: "0",
    ...extra,
  };
}

/**
 * Starts the bot as a child process and waits until it polls. telegraf's launch() calls deleteWebhook
 * and then starts long polling at once; the stand-in records a getUpdates only when it answers (after
 * its 50 s timeout when no update is queued), so the deleteWebhook is what is waited for.
 */
export async function startBotProcess(api: BotApiServer, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const launches = api.calls.filter((c) => c.method === "deleteWebhook").length;
  const child = spawn(process.execPath, MAIN, {
    env,
    stdio: ["ignore", process.env.E2E_LOG ? "inherit" : "ignore", "inherit"],
  });
  await waitFor(() => api.calls.filter((c) => c.method === "deleteWebhook").length > launches, 90_000);
  return child;
}

/** Polls `condition` every 20 ms until it holds, or fails after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
