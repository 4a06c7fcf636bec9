"use client";
import { ActionForm } from "@/app/_components/forms/action-form";
import { Hidden } from "@/app/_components/forms/fields";
import { setActiveAction } from "./actions";

export function ActiveToggle({ personId, name, active }: { personId: number; name: string; active: boolean }) {
  return (
    <ActionForm
      action={setActiveAction}
      submitLabel={active ? `Deactivate ${name}` : `Reactivate ${name}`}
      submitClassName="button button--secondary"
      id={`active-${personId}`}
    >
      <Hidden name="personId" value={String(personId)} />
      <Hidden name="active" value={active ? "false" : "true"} />
    </ActionForm>
  );
}
