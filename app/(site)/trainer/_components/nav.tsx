import { Link } from "@/app/_components/links/link";
import type { SchemeScope } from "@/lib/trainer/scope";
import { trainerHref } from "@/lib/trainer/scope";

const SECTIONS = [
  { path: "/trainer", label: "Overview" },
  { path: "/trainer/matrix", label: "Training matrix" },
  { path: "/trainer/intakes", label: "Intakes and invitations" },
  { path: "/trainer/analytics", label: "Decision analytics" },
  { path: "/trainer/audit", label: "Audit log" },
  { path: "/trainer/leavers", label: "Leavers and data" },
  { path: "/trainer/scheme-details", label: "Your scheme's contacts" },
] as const;

/** The trainer pages' own navigation, with the scheme's name above the page heading. */
export function TrainerNav({ scope, current }: { scope: SchemeScope; current: (typeof SECTIONS)[number]["path"] | null }) {
  return (
    <>
      <nav aria-label="Trainer pages" className="no-print">
        <ul style={{ display: "flex", flexWrap: "wrap", gap: "0.25rem 1.25rem", listStyle: "none", padding: 0, margin: "0 0 1.25rem" }}>
          {SECTIONS.map((s) => (
            <li key={s.path} style={{ margin: 0 }}>
              <Link href={trainerHref(scope, s.path)} aria-current={current === s.path ? "page" : undefined} style={current === s.path ? { fontWeight: 700 } : undefined}>
                {s.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <span className="caption">{scope.name}</span>
    </>
  );
}
