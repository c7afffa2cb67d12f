import { pino, type Logger } from "pino";

export type { Logger };

/** JSON lines; the token and full NIPs are redacted wherever they appear under these keys. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: "seimbang" },
      redact: { paths: ["token", "botToken", "*.token", "config.BOT_TOKEN", "nip", "*.nip"], censor: "[redacted]" },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}
