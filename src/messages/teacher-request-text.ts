import { formatDate } from "../domain/time.ts";
import { translate, type Locale } from "./locales/index.ts";

/** What the HR group is told of a private school's teacher request (issue 29). */
export interface TeacherRequestNotice {
  id: number;
  unitName: string;
  npsn: string | null;
  permitNumber: string | null;
  roleName: string;
  hours: number;
  since: Date;
  reason: string;
  by: string;
  initiative: boolean;
}

/** A private school's teacher request as the HR group (the Tim Pertimbangan) reads it. */
export function teacherRequestText(locale: Locale, n: TeacherRequestNotice): string {
  return translate(locale, n.initiative ? "request.notice_initiative" : "request.notice", {
    id: String(n.id),
    unit: n.unitName,
    npsn: n.npsn ?? "—",
    permit: n.permitNumber ?? "—",
    role: n.roleName,
    hours: n.hours,
    since: formatDate(n.since, "UTC"),
    reason: n.reason,
    by: n.by,
  });
}
