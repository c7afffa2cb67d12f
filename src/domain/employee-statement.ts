/**
 * What an employee says about being moved, in their own voice: willing (sukarela), or not and why,
 * and up to three places they could go. Pure: the rules the bot, the use cases and the letter share.
 */
import { z } from "zod";

/** Why someone cannot move; their own words go in the note. */
export const UNWILLING_REASONS = [
  "IKUT_PASANGAN",
  "MERAWAT_ORANG_TUA",
  "KESEHATAN",
  "ANAK_SEKOLAH",
  "LAINNYA",
] as const;
export type UnwillingReason = (typeof UNWILLING_REASONS)[number];
export const unwillingReasonSchema = z.enum(UNWILLING_REASONS);

export const STATEMENT_NOTE_MAX = 300;
export const MAX_PREFERENCES = 3;

/** A note is the person's own words: trimmed, single line breaks kept, at most 300 characters. */
export const statementNoteSchema = z.string().trim().min(1).max(STATEMENT_NOTE_MAX);

/** A preferred destination (pilihan tujuan): a whole kecamatan, or one unit (school). */
export type Preference =
  { kind: "kecamatan"; name: string } | { kind: "unit"; unitId: number; code: string; name: string };

export const preferenceSchema: z.ZodType<Preference> = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("kecamatan"), name: z.string().min(1) }),
  z.object({ kind: z.literal("unit"), unitId: z.number().int(), code: z.string(), name: z.string() }),
]);
export const preferencesSchema = z.array(preferenceSchema).max(MAX_PREFERENCES);

/** Stored preferences; a malformed value reads as none rather than breaking the record. */
export function readPreferences(value: unknown): Preference[] {
  const parsed = preferencesSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** What one /saya answer changes. */
export type StatementChange =
  | { kind: "willing" }
  | { kind: "unwilling"; reason: UnwillingReason; note: string | null }
  | { kind: "preferences"; preferences: Preference[] };

/** A unit a typed destination may name, with every code that finds it. */
export interface DestinationUnit {
  id: number;
  code: string;
  name: string;
  npsn: string | null;
  unorId: string | null;
  kecamatan: string | null;
}

export type DestinationResult =
  | { ok: true; preference: Preference }
  | { ok: false; problem: "unknown"; text: string }
  | { ok: false; problem: "ambiguous"; text: string; candidates: string[] };

const fold = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/^(kecamatan|kec\.?|distrik)\s+/, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/**
 * Reads one typed destination: a unit code, NPSN or UNOR ID finds that unit; otherwise a kecamatan
 * name (the whole kecamatan), otherwise a school name, exact or as a unique part. Two or more
 * matches are ambiguous and named, so the person can type one of them.
 */
export function resolveDestination(text: string, units: readonly DestinationUnit[]): DestinationResult {
  const typed = text.trim();
  const code = typed.toUpperCase();
  const byCode = units.find(
    (u) =>
      u.code.toUpperCase() === code || u.npsn === typed || u.unorId?.toLowerCase() === typed.toLowerCase(),
  );
  if (byCode) return { ok: true, preference: unitPreference(byCode) };
  const key = fold(typed);
  if (!key) return { ok: false, problem: "unknown", text: typed };
  const kecamatan = [...new Set(units.map((u) => u.kecamatan).filter((k): k is string => !!k))];
  const kec = kecamatan.filter((k) => fold(k) === key);
  if (kec.length === 1) return { ok: true, preference: { kind: "kecamatan", name: kec[0] as string } };
  const exact = units.filter((u) => fold(u.name) === key);
  if (exact.length === 1) return { ok: true, preference: unitPreference(exact[0] as DestinationUnit) };
  const partial = exact.length > 1 ? exact : units.filter((u) => fold(u.name).includes(key));
  const kecPartial = exact.length > 1 ? [] : kecamatan.filter((k) => fold(k).includes(key));
  if (partial.length === 1 && kecPartial.length === 0)
    return { ok: true, preference: unitPreference(partial[0] as DestinationUnit) };
  if (kecPartial.length === 1 && partial.length === 0)
    return { ok: true, preference: { kind: "kecamatan", name: kecPartial[0] as string } };
  if (partial.length + kecPartial.length === 0) return { ok: false, problem: "unknown", text: typed };
  const candidates = [
    ...kecPartial.map((k) => `Kecamatan ${k}`),
    ...partial.map((u) => `${u.name} (${u.code})`),
  ].sort((a, b) => a.localeCompare(b, "id"));
  return { ok: false, problem: "ambiguous", text: typed, candidates };
}

function unitPreference(unit: DestinationUnit): Preference {
  return { kind: "unit", unitId: unit.id, code: unit.code, name: unit.name };
}

/** Destinations typed one per line or separated by ";" or "," (unit and kecamatan names carry neither). */
export function splitDestinations(text: string): string[] {
  return text
    .split(/[;\n,]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

export function samePreference(a: Preference, b: Preference): boolean {
  return a.kind === "unit" && b.kind === "unit"
    ? a.unitId === b.unitId
    : a.kind === "kecamatan" && b.kind === "kecamatan" && a.name === b.name;
}

/** Whether a stated "not willing" stops the person being proposed: only where policy says so (default: no). */
export function countsAsObjection(
  statement: { willing: boolean | null } | null | undefined,
  policy: { unwillingCountsAsObjection: boolean },
): boolean {
  return policy.unwillingCountsAsObjection && statement?.willing === false;
}
