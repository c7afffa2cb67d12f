import { pino, type Logger } from "pino";

export type { Logger };

/** A bot token as @BotFather issues it: the bot id, a colon, then the secret part. */
const TOKEN_PATTERN = /\d{6,12}:[A-Za-z0-9_-]{30,}/g;
/** An 18-digit NIP standing alone (not part of a longer number). */
const NIP_PATTERN = /(?<!\d)\d{18}(?!\d)/g;

/** Keeps the last four digits: enough to tell people apart in a log, not enough to identify them. */
function maskNip(nip: string): string {
  return `**************${nip.slice(-4)}`;
}

/**
 * Masks tokens and NIPs anywhere in a log line: inside error messages and stacks (a failed request
 * prints its URL, and the Bot API URL contains the token), in messages and in nested fields.
 */
export function maskSecrets(text: string): string {
  return text.replace(TOKEN_PATTERN, "[token]").replace(NIP_PATTERN, maskNip);
}

/** JSON lines; the token and full NIPs never reach the output, under whatever key or in whatever text. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: "seimbang" },
      // Known keys first (also catches a NIP that is malformed and so escapes the pattern below)...
      redact: {
        paths: ["token", "botToken", "*.token", "config.BOT_TOKEN", "nip", "*.nip"],
        censor: (value, path) =>
          path.at(-1) === "nip" && typeof value === "string" ? maskNip(value) : "[redacted]",
      },
      serializers: { err: pino.stdSerializers.err },
      // ...then the finished line, so nothing depends on where a value was put.
      hooks: { streamWrite: maskSecrets },
    },
    destination,
  );
}
