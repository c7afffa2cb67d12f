import { validate } from "@telegram-apps/init-data-node";
import { z } from "zod";
import { HttpError } from "../http/respond.ts";

/** The Telegram user a Mini App request speaks for, as the signed initData names them. */
export interface WebAppUser {
  telegramId: bigint;
  firstName: string;
  languageCode: string | undefined;
}

const signedUser = z.object({
  id: z.number().int().positive(),
  first_name: z.string(),
  language_code: z.string().optional(),
});

/**
 * Checks `Authorization: tma <initData>` as Telegram documents it (an HMAC of the fields keyed by the
 * bot token, through @telegram-apps/init-data-node) and its age against our clock: forged, expired,
 * missing or malformed is 401 and nothing else (no hint which).
 */
export function authenticate(
  header: string | string[] | undefined,
  options: { botToken: string; maxAgeSeconds: number; now: Date },
): WebAppUser {
  const refused = new HttpError(401, "unauthorized");
  if (typeof header !== "string" || !header.startsWith("tma ")) throw refused;
  const raw = header.slice(4);
  try {
    // The library's own expiry reads the system clock; ours is injected, so age is checked below.
    validate(raw, options.botToken, { expiresIn: 0 });
    const fields = new URLSearchParams(raw);
    const age = options.now.getTime() / 1000 - Number(fields.get("auth_date"));
    // A minute of clock skew ahead is tolerated; more is not a date Telegram signed.
    if (!(age <= options.maxAgeSeconds && age >= -60)) throw refused;
    const user = signedUser.parse(JSON.parse(fields.get("user") ?? "null"));
    return { telegramId: BigInt(user.id), firstName: user.first_name, languageCode: user.language_code };
  } catch {
    throw refused;
  }
}
