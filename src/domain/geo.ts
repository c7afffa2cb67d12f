/** DESIGN.md's plan format: distances are great-circle on a sphere of this radius. */
export const EARTH_RADIUS_KM = 6371;

export interface Place {
  lat?: number | null;
  lon?: number | null;
}

/** Great-circle distance between two places; 0 when either lacks coordinates (DESIGN.md's rule). */
export function greatCircleKm(a: Place | undefined, b: Place | undefined): number {
  if (a?.lat == null || a.lon == null || b?.lat == null || b.lon == null) return 0;
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
