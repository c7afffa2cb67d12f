// The API's shapes, version 1 (docs/web.md).
export type State = "short" | "balanced" | "over";

export interface Me {
  version: 1;
  locale: "id" | "en";
  name: string;
  roles: {
    admin: boolean;
    approverOf: { code: string; name: string } | null;
    headOf: { code: string; name: string } | null;
  };
  map: { tileUrl: string | null };
}

export interface MapRole {
  code: string;
  name: string;
  hoursUnit: "JP" | "jam";
  need: number;
  staff: number;
  honorers: number;
  capacity: number;
  hoursTaught: number | null;
  shortfall: number;
  load: number | null;
  state: State;
  source: string;
  needPeople: number;
  shortPeople: number;
}

export interface MapUnit {
  code: string;
  name: string;
  kind: string;
  agency: string;
  schoolStatus: string | null;
  kecamatan: string | null;
  lat: number | null;
  lon: number | null;
  state: State;
  needPeople: number;
  shortPeople: number;
  roles: MapRole[];
}

/** A school run by the community (Dapodik's Status Sekolah Swasta): ASN teachers reach it by redistribution. */
export const isPrivateSchool = (unit: Pick<MapUnit, "schoolStatus">) =>
  unit.schoolStatus?.toLowerCase() === "swasta";

export interface MapMove {
  id: number;
  state: "pending" | "approved" | "decreed";
  employee: string;
  role: string;
  from: string;
  to: string;
  km: number;
}

export interface District {
  version: 1;
  generatedAt: string;
  period: string;
  units: MapUnit[];
  moves: MapMove[];
}

export interface Proposal {
  id: number;
  state: "pending" | "approved" | "decreed";
  employee: { name: string; nip: string };
  role: string;
  from: { code: string; name: string };
  to: { code: string; name: string };
  reason: string;
  km: number;
  expiresAt: string;
  approvals: Array<{ by: string; at: string }>;
  quorum: number;
  canDecide: boolean;
}

export interface WhatIfSide {
  shortfall: { JP: number; jam: number };
  severity: number;
  moves: number;
  km: number;
  optimal: boolean;
  tiersProven: number[];
}

export interface WhatIf {
  before: WhatIfSide;
  after: WhatIfSide;
  units: Array<{
    unit: string;
    name: string;
    role: string;
    roleName: string;
    hoursUnit: "JP" | "jam";
    need: { before: number; after: number };
    shortfall: { before: number; after: number };
  }>;
  unknown: string[];
}

export interface UnitView {
  version: 1;
  period: string;
  unit: MapUnit;
  staff: Array<{
    nip: string;
    name: string;
    role: string;
    hoursUnit: "JP" | "jam";
    asnKind: string;
    status: string;
    statusUntil: string | null;
    monthsInPost: number;
    monthsToRetirement: number;
    retirementDate: string;
    retirementAge: number;
    weeklyHours: number;
    hoursTaught: number | null;
    certified: boolean;
    certifiedUnderStandard: boolean;
    eligible: boolean;
    reasons: string[];
  }>;
  honorers: Array<{ name: string; role: string; hoursTaught: number }>;
  vacancies: Array<{ role: string; count: number; reason: string; since: string }>;
  history: Array<{
    id: number;
    direction: "in" | "out";
    status: string;
    employee: string;
    role: string;
    other: { code: string; name: string };
    at: string;
  }>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Every call carries the raw initData: `Authorization: tma <initData>`. */
export function api(initData: string) {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`/api/v1/${path}`, {
      method,
      headers: {
        authorization: `tma ${initData}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await response.json().catch(() => ({}))) as { error?: string };
    if (!response.ok) throw new ApiError(response.status, json.error ?? response.statusText);
    return json as T;
  };
  return {
    me: () => call<Me>("GET", "me"),
    district: () => call<District>("GET", "district"),
    proposals: () => call<{ proposals: Proposal[] }>("GET", "proposals"),
    unit: (code: string) => call<UnitView>("GET", `units/${encodeURIComponent(code)}`),
    decide: (id: number, decision: "approve" | "reject", reason?: string) =>
      call<{ outcome: string; approvals?: number; quorum?: number }>("POST", `proposals/${id}/decision`, {
        decision,
        ...(reason ? { reason } : {}),
      }),
    whatIf: (changes: unknown) => call<WhatIf>("POST", "what-if", changes),
  };
}

export type Api = ReturnType<typeof api>;
