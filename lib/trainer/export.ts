import "server-only";
// The matrix as a CSV file for an inspector: headed with the scheme, the date and time it was
// produced, the filters and the summary line, then one row per person with the same words the
// matrix page shows. (An XLSX version is left out: no spreadsheet library is installed.)
import { stringify } from "csv-stringify/sync";
import { writeTransaction } from "@/db/client";
import type { Viewer } from "../access";
import { audit } from "../audit";
import { now } from "../clock";
import { course } from "../content/course";
import { formatLongDate } from "../dates";
import { moduleTitles } from "../training/complete";
import { type MatrixFilters, type MatrixPersonRow, describeFilters, matrixAll } from "./matrix";
import { requireScheme } from "./scope";
import { LAPSED_AFTER_DAYS, VALID_CERTIFICATE_TARGET_PERCENT } from "./status";
import { findIntake } from "@/db/queries/intakes";

/** Spreadsheet programs run a cell starting with = + - @ (or a tab or return) as a formula. */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function matrixHeader(titles: Map<string, string>): string[] {
  return [
    "Name",
    "Role",
    "Intake",
    "Left on",
    "Status",
    ...course.modules.flatMap((slug) => {
      const t = titles.get(slug) ?? slug;
      return [`${t}: status`, `${t}: completed`, `${t}: score`];
    }),
    "Certificate",
    "Certificate issued",
    "Certificate expires",
    "Certificate note",
  ];
}

/** One person's row, in the matrix page's words. */
export function matrixCsvRow(row: MatrixPersonRow): string[] {
  return [
    row.name,
    row.roleLabel,
    row.intake?.name ?? "",
    row.active ? "" : row.deactivatedOn ? formatLongDate(row.deactivatedOn) : "Left",
    row.statusLabel,
    ...row.modules.flatMap((m) => [m.assisted ? `${m.label} (assisted)` : m.routeText ? `${m.label} (${m.routeText})` : m.label, m.dateText, m.scoreText]),
    row.certificate.label,
    row.certificate.issuedOn ? formatLongDate(row.certificate.issuedOn) : "",
    row.certificate.expiresOn ? formatLongDate(row.certificate.expiresOn) : "",
    [row.certificate.dateText, row.certificate.assisted ? "Includes assisted completion" : ""].filter(Boolean).join(". "),
  ];
}

export async function matrixCsv(viewer: Viewer, schemeId: number, filters: MatrixFilters): Promise<{ filename: string; csv: string; rows: number }> {
  const scheme = await requireScheme(viewer, schemeId);
  const titles = await moduleTitles();
  const { rows, summary, today } = await matrixAll(viewer, schemeId, filters);
  const at = now();
  const intakeName = typeof filters.intake === "number" ? ((await findIntake(filters.intake))?.name ?? null) : null;
  const time = at.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" });
  const preamble = [
    ["Training matrix"],
    ["Scheme", scheme.name],
    ["Produced", `${formatLongDate(today)} at ${time} (UK time)`],
    ["Produced by", viewer.name],
    ["Showing", describeFilters(filters, intakeName)],
    ["People", String(rows.length)],
    [
      "Valid certificates",
      `${summary.valid} of ${summary.people} (${summary.percent}); target ${VALID_CERTIFICATE_TARGET_PERCENT}%${filters.status ? " (counted over every status)" : ""}`,
    ],
    ["Statuses", `Overdue: the refresher is past due, up to ${LAPSED_AFTER_DAYS} days after the certificate expired. Lapsed: more than ${LAPSED_AFTER_DAYS} days after.`],
    [],
  ];
  const body = [matrixHeader(titles), ...rows.map(matrixCsvRow)];
  const csv = stringify([...preamble, ...body].map((r) => r.map(safeCell)), { bom: true, record_delimiter: "windows" });
  await writeTransaction(async (tx) =>
    await audit({ actorId: viewer.personId, schemeId, action: "exported-matrix", details: { filters: describeFilters(filters, intakeName), rows: rows.length } }, tx),
  );
  const slug = scheme.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "scheme";
  return { filename: `training-matrix-${slug}-${today}.csv`, csv, rows: rows.length };
}
