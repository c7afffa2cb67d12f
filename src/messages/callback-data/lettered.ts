/**
 * A button that carries an action (one letter) and one record's id: "p:a:123". Only those travel
 * (well under Telegram's 64 bytes); who may press it and whether it still counts is re-read from the
 * database on every press. `action` and `id` name the fields the press unpacks to.
 */
export function letteredButton<A extends string, N extends string, I extends string>(spec: {
  prefix: string;
  letters: Record<A, string>;
  action: N;
  id: I;
}) {
  type Press = { [key in N]: A } & { [key in I]: number };
  const byLetter = new Map(
    Object.entries<string>(spec.letters).map(([action, letter]) => [letter, action as A]),
  );
  const shape = new RegExp(`^${spec.prefix}:([a-z]):(\\d{1,10})$`);
  return {
    pack: (action: A, id: number) => `${spec.prefix}:${spec.letters[action]}:${id}`,
    unpack(data: string): Press | null {
      const match = shape.exec(data);
      const action = byLetter.get(match?.[1] ?? "");
      const id = Number(match?.[2]);
      if (!action || !Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return null;
      return { [spec.action]: action, [spec.id]: id } as Press;
    },
    pattern: new RegExp(`^${spec.prefix}:`),
  };
}
