/** A person's name as letters and lists write it: with gelar in front and behind ("Dra. Ani, S.Pd."). */
export function displayName(person: {
  name: string;
  titleFront?: string | null;
  titleBack?: string | null;
}): string {
  const front = person.titleFront?.trim();
  const back = person.titleBack?.trim();
  return `${front ? `${front} ` : ""}${person.name}${back ? `, ${back}` : ""}`;
}
