import type { Metadata } from "next";
import { Link } from "@/app/_components/links/link";
import { showNotFound } from "@/lib/http-status";
import { ActionForm } from "@/app/_components/forms/action-form";
import { Hidden, RadioGroup, TextArea, TextField } from "@/app/_components/forms/fields";
import { requireRole } from "@/lib/auth/viewer";
import { today } from "@/lib/clock";
import { ASSISTED_MAX_DAYS_AGO, modulesToRecord } from "@/lib/trainer/assisted";
import { managedPerson } from "@/lib/trainer/person-record";
import { parseId, schemeScopeOf, trainerHref } from "@/lib/trainer/scope";
import { recordAssistedAction } from "../../../actions";
import { TrainerNav } from "../../../_components/nav";
import { orForbiddenAsync } from "../../../_components/scope";

export const metadata: Metadata = { title: "Record an assisted completion" };

export default async function AssistedPage({ params }: { params: Promise<{ personId: string }> }) {
  const { personId } = await params;
  const viewer = await requireRole(["trainer", "admin"], `/trainer/people/${personId}/assisted`);
  const id = parseId(personId);
  if (id === null) showNotFound();
  const person = await orForbiddenAsync(async () => await managedPerson(viewer, id));
  const modules = await orForbiddenAsync(async () => await modulesToRecord(viewer, id));
  const scope = await orForbiddenAsync(async () => await schemeScopeOf(viewer, person.schemeId));
  const back = trainerHref(scope, `/trainer/people/${person.id}`);
  return (
    <>
      <TrainerNav scope={scope} current={null} />
      <Link href={back} className="back-link">
        Back to {person.name}
      </Link>
      <h1>Record an assisted completion for {person.name}</h1>
      {!person.active ? (
        <p>{person.name} has been deactivated. Reactivate them before recording training.</p>
      ) : modules.length === 0 ? (
        <p>{person.name} has completed every module in their current training. There is nothing to record.</p>
      ) : (
        <>
          <p>
            Use this when {person.name} did a module on paper with their Shared Lives officer instead of online. It counts as completing
            the module, is shown as “assisted” in the matrix and on their certificate, and is kept in the audit log with your name.
          </p>
          <ActionForm action={recordAssistedAction} submitLabel="Record assisted completion" id="assisted">
            <Hidden name="personId" value={String(person.id)} />
            <RadioGroup name="moduleSlug" legend="Which module did they complete?" options={modules.map((m) => ({ value: m.slug, label: m.title }))} />
            <TextField
              name="completedOn"
              label="Date they completed it"
              hint={`For example, ${today()}. Within the last ${ASSISTED_MAX_DAYS_AGO} days and not in the future.`}
              type="date"
              max={today()}
            />
            <TextField name="assistedBy" label="Who helped them" hint="For example, their Shared Lives officer’s name." autoComplete="off" />
            <TextArea name="evidence" label="Evidence" hint="What shows they did it, such as the signed paper workbook, and where it is kept." rows={4} />
          </ActionForm>
        </>
      )}
    </>
  );
}
