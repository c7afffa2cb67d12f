import { z } from "zod";

const cronField = /^(\S+\s+){4}\S+$/;

const envShape = z.object({
  BOT_TOKEN: z
    .string({
      error:
        "BOT_TOKEN is missing: create a bot with @BotFather in Telegram (/newbot) and put its token in .env as BOT_TOKEN=…",
    })
    .regex(
      /^\d+:[\w-]{20,}$/,
      "BOT_TOKEN does not look like a token from @BotFather (digits, a colon, then 20+ characters)",
    ),
  TELEGRAM_API_ROOT: z
    .url("TELEGRAM_API_ROOT must be a URL such as https://api.telegram.org")
    .default("https://api.telegram.org"),
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\//,
      "DATABASE_URL must start with postgresql:// (leave it unset for the embedded database)",
    )
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  BOT_MODE: z
    .enum(["polling", "webhook"], { error: "BOT_MODE must be polling or webhook" })
    .default("polling"),
  WEBHOOK_URL: z.url("WEBHOOK_URL must be the public https URL Telegram will call").optional(),
  WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, "WEBHOOK_SECRET must be 16–256 characters of A-Z, a-z, 0-9, _ or -")
    .optional(),
  PORT: z.coerce.number({ error: "PORT must be a number" }).int().min(0).max(65535).default(8080),
  ADMIN_TELEGRAM_IDS: z
    .string()
    .default("")
    .transform((value, ctx) => {
      const ids = value
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean);
      const bad = ids.filter((id) => !/^\d+$/.test(id));
      if (bad.length > 0) {
        ctx.addIssue({
          code: "custom",
          message: `ADMIN_TELEGRAM_IDS has non-numeric ids: ${bad.join(", ")}`,
        });
      }
      return ids.filter((id) => /^\d+$/.test(id)).map((id) => BigInt(id));
    }),
  SCHEDULE_TIMEZONE: z
    .string()
    .default("Asia/Jayapura")
    .refine(isTimeZone, "SCHEDULE_TIMEZONE must be an IANA time zone such as Asia/Jayapura"),
  WEEKLY_CHECK_CRON: z
    .string()
    .default("0 8 * * 1")
    .refine((v) => cronField.test(v.trim()), "WEEKLY_CHECK_CRON must have 5 fields, e.g. 0 8 * * 1"),
  DEFAULT_LOCALE: z.enum(["id", "en"], { error: "DEFAULT_LOCALE must be id or en" }).default("id"),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
  WEB_APP_URL: z
    .url(
      "WEB_APP_URL must be the public https URL that reaches this server, e.g. https://seimbang.example.go.id",
    )
    .refine(
      (v) => v.startsWith("https://"),
      "WEB_APP_URL must start with https:// (Telegram opens Mini Apps over https only)",
    )
    .optional(),
  WEB_APP_NAME: z
    .string()
    .regex(
      /^[A-Za-z0-9_]{3,30}$/,
      "WEB_APP_NAME must be the Mini App's short name from @BotFather (/newapp), 3–30 letters, digits or _",
    )
    .optional(),
  WEB_APP_AUTH_MAX_AGE: z.coerce
    .number({ error: "WEB_APP_AUTH_MAX_AGE must be a number of seconds" })
    .int()
    .positive()
    .default(86_400),
  MAP_TILE_URL: z
    .string()
    .regex(/^(https?:\/\/.*\{z\}.*|off)$/, "MAP_TILE_URL must be a tile URL with {z}, {x} and {y}, or off")
    .default("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
  SEND_RATE_PER_SECOND: z.coerce
    .number()
    .positive()
    .max(30, "SEND_RATE_PER_SECOND may not exceed Telegram's 30 messages per second")
    .default(25),
});

/** Checks across variables; run on the raw values too so every problem is listed in one go. */
function crossProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (env.BOT_MODE === "webhook") {
    if (!env.WEBHOOK_URL) problems.push("WEBHOOK_URL is required when BOT_MODE=webhook");
    if (!env.WEBHOOK_SECRET) problems.push("WEBHOOK_SECRET is required when BOT_MODE=webhook");
  }
  return problems;
}

export type Config = z.infer<typeof envShape>;

/** What the CLI needs: everything but the bot token. */
export type StorageConfig = Pick<
  Config,
  "DATABASE_URL" | "DATA_DIR" | "LOG_LEVEL" | "DEFAULT_LOCALE" | "SCHEDULE_TIMEZONE" | "ADMIN_TELEGRAM_IDS"
>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function blankToUndefined(env: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(env).map(([key, value]) => [key, value?.trim() === "" ? undefined : value]),
  );
}

function toProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const name = issue.path.join(".");
    return issue.message.includes(name) || name === "" ? issue.message : `${name}: ${issue.message}`;
  });
}

/** Parses the whole environment; throws ConfigError listing every problem at once. */
export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  const raw = blankToUndefined(env);
  const result = envShape.safeParse(raw);
  const problems = [...(result.success ? [] : toProblems(result.error)), ...crossProblems(raw)];
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return result.data;
}

/** The CLI does not talk to Telegram, so it must not demand a token. */
export function parseStorageConfig(env: Record<string, string | undefined> = process.env): StorageConfig {
  const result = envShape
    .omit({ BOT_TOKEN: true })
    .safeParse(blankToUndefined({ ...env, BOT_MODE: "polling" }));
  if (!result.success) throw new ConfigError(toProblems(result.error));
  return result.data;
}
