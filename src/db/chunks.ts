// Large imports are written in batches: PostgreSQL takes at most 65,535 bind parameters a statement.
const CHUNK = 5_000;

/** `items` in batches of `size`. */
export function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
