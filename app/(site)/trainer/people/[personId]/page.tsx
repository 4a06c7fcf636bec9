// One person's training record for their trainer: each section is a part in _parts/.
import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";
import { requireRole } from "@/lib/auth/viewer";
import { showNotFound } from "@/lib/http-status";
import { intakesOf } from "@/lib/trainer/intakes";
import { personRecord } from "@/lib/trainer/person-record";
import { parseId, schemeScopeOf, trainerHref } from "@/lib/trainer/scope";
import { moduleTitles } from "@/lib/training/complete";
import { TrainerNav } from "../../_components/nav";
import { orForbiddenAsync } from "../../_components/scope";
import { PersonActions } from "./_parts/actions";
import { PersonAudit } from "./_parts/audit";
import { PersonCertificates } from "./_parts/certificates";
import { CurrentTraining } from "./_parts/current-training";
import { PersonNotices } from "./_parts/notices";
import { QuizAttempts } from "./_parts/quiz-attempts";
import { RemindersSent } from "./_parts/reminders";
import { SupportRecord } from "./_parts/support";
import { PersonSummary } from "./_parts/summary";

export const metadata: Metadata = { title: "Person's training record" };

export default async function PersonPage({
  params,
  searchParams,
}: {
  params: Promise<{ personId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ personId }, query] = await Promise.all([params, searchParams]);
  const viewer = await requireRole(["trainer", "admin"], `/trainer/people/${personId}`);
  const id = parseId(personId);
  if (id === null) showNotFound();
  const record = await orForbiddenAsync(async () => await personRecord(viewer, id));
  const { person, row } = record;
  const scope = await orForbiddenAsync(async () => await schemeScopeOf(viewer, person.schemeId));
  const [titles, intakes] = [await moduleTitles(), await orForbiddenAsync(async () => await intakesOf(viewer, person.schemeId))];
  const recorded = typeof query.recorded === "string" ? titles.get(query.recorded) : undefined;
  const remaining = row.modules.filter((m) => m.status !== "complete").length;
  const href = (path: string, q: Record<string, string | number> = {}) => trainerHref(scope, path, q);

  return (
    <>
      <TrainerNav scope={scope} current={null} />
      <h1>{person.name}</h1>
      <PersonNotices person={person} recorded={recorded} certificateIssued={Boolean(query.certificate)} moved={Boolean(query.moved)} />
      <p>
        <Link href={href("/trainer/matrix")}>Back to the training matrix</Link>
      </p>
      <PersonSummary person={person} row={row} />
      <CurrentTraining person={person} row={row} titles={titles} />
      <PersonActions person={person} isViewer={person.id === viewer.personId} modulesLeft={remaining} intakes={intakes} href={href} officer={viewer.role === "trainer"} />
      <PersonCertificates person={person} certificates={record.certificates} titles={titles} />
      <QuizAttempts attempts={record.attempts} titles={titles} />
      <SupportRecord person={person} sessions={record.supportedSessions} workbooks={record.workbooks} titles={titles} />
      <RemindersSent person={person} reminders={record.reminders} />
      <PersonAudit person={person} audit={record.audit} href={href} />
    </>
  );
}
