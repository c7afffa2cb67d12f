import { z } from "zod";
import { readDayMonthYear } from "./time.ts";

/** What a typed answer can get wrong; each has its own message so the head knows what to fix. */
export const NUMBER_PROBLEMS = ["not_number", "not_whole", "too_small", "too_large"] as const;
export const DATE_PROBLEMS = ["format", "impossible", "future"] as const;
export const TEXT_PROBLEMS = ["empty", "too_short", "too_long"] as const;
export type NumberProblem = (typeof NUMBER_PROBLEMS)[number];
export type DateProblem = (typeof DATE_PROBLEMS)[number];
export type TextProblem = (typeof TEXT_PROBLEMS)[number];

export type Parsed<T, P extends string> = { ok: true; value: T } | { ok: false; problem: P };

// People type "24,5" (Indonesian decimal comma) as often as "24.5".
const numberShape = z
  .string()
  .trim()
  .regex(/^-?\d+(?:[.,]\d+)?$/)
  .transform((s) => Number(s.replace(",", ".")));

function parseNumber(text: string, min: number, max: number, whole: boolean): Parsed<number, NumberProblem> {
  const parsed = numberShape.safeParse(text);
  if (!parsed.success) return { ok: false, problem: "not_number" };
  const value = parsed.data;
  if (whole && !Number.isInteger(value)) return { ok: false, problem: "not_whole" };
  if (value < min) return { ok: false, problem: "too_small" };
  if (value > max) return { ok: false, problem: "too_large" };
  return { ok: true, value };
}

export function parseWholeNumber(text: string, min: number, max: number): Parsed<number, NumberProblem> {
  return parseNumber(text, min, max, true);
}

export function parseDecimal(text: string, min: number, max: number): Parsed<number, NumberProblem> {
  return parseNumber(text, min, max, false);
}

/** Trimmed, inner whitespace collapsed: a reason fits one line of a card. */
export const oneLine = (text: string) => text.trim().replace(/\s+/g, " ");

/** Free text with bounds, as one line. */
export function parseShortText(text: string, min: number, max: number): Parsed<string, TextProblem> {
  const value = oneLine(text);
  if (value.length === 0) return { ok: false, problem: "empty" };
  if (value.length < min) return { ok: false, problem: "too_short" };
  if (value.length > max) return { ok: false, problem: "too_long" };
  return { ok: true, value };
}

/**
 * "dd-mm-yyyy" (also / or .) as a UTC midnight date; 31-02-2026 is impossible, and a vacancy
 * cannot start after `today` (the calendar date in WIT).
 */
export function parsePastDate(text: string, today: Date): Parsed<Date, DateProblem> {
  const read = readDayMonthYear(text);
  if (!read.ok) return read;
  if (read.date.getTime() > today.getTime()) return { ok: false, problem: "future" };
  return { ok: true, value: read.date };
}

/** First day of the month of `today`, or of the month before ("Bulan ini" / "Bulan lalu"). */
export function firstOfMonth(today: Date, monthsBack: 0 | 1): Date {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - monthsBack, 1));
}

/**
 * What a conversation step expects: a zod schema from the typed text to the value, whose one issue
 * names the problem (one of `problems`), so the person is told exactly what to fix.
 */
export interface Answer<T, P extends string> {
  schema: z.ZodType<T, string>;
  problems: readonly [P, ...P[]];
}

function answer<T, P extends string>(
  problems: readonly [P, ...P[]],
  parse: (text: string) => Parsed<T, P>,
): Answer<T, P> {
  const schema = z.string().transform((text, ctx) => {
    const parsed = parse(text);
    if (parsed.ok) return parsed.value;
    ctx.issues.push({ code: "custom", message: parsed.problem, input: text });
    return z.NEVER;
  });
  return { schema, problems };
}

export function readAnswer<T, P extends string>(expected: Answer<T, P>, text: string): Parsed<T, P> {
  const parsed = expected.schema.safeParse(text);
  if (parsed.success) return { ok: true, value: parsed.data };
  const message = parsed.error.issues[0]?.message;
  return { ok: false, problem: expected.problems.find((p) => p === message) ?? expected.problems[0] };
}

export const wholeNumberAnswer = (min: number, max: number) =>
  answer(NUMBER_PROBLEMS, (text) => parseWholeNumber(text, min, max));

export const decimalAnswer = (min: number, max: number) =>
  answer(NUMBER_PROBLEMS, (text) => parseDecimal(text, min, max));

export const shortTextAnswer = (min: number, max: number) =>
  answer(TEXT_PROBLEMS, (text) => parseShortText(text, min, max));

export const pastDateAnswer = (today: Date) => answer(DATE_PROBLEMS, (text) => parsePastDate(text, today));
