"use client";
import { ActionForm } from "@/app/_components/forms/action-form";
import { Hidden, RadioGroup, SelectField, TextField } from "@/app/_components/forms/fields";
import { invitePersonAction } from "./actions";

export function InviteForm({ schemeId, intakes = [] }: { schemeId?: number; intakes?: { id: number; name: string }[] }) {
  return (
    <ActionForm action={invitePersonAction} submitLabel="Send invitation" id="invite">
      {schemeId ? <Hidden name="schemeId" value={String(schemeId)} /> : null}
      <TextField name="name" label="Their name (optional)" autoComplete="off" />
      <TextField name="email" label="Their email address" type="email" autoComplete="off" inputMode="email" />
      <RadioGroup
        name="role"
        legend="They are a"
        options={[
          { value: "carer", label: "Shared Lives carer" },
          { value: "staff", label: "Staff member" },
          { value: "trainer", label: "Trainer" },
        ]}
      />
      {intakes.length ? (
        <SelectField
          name="intakeId"
          label="Intake (optional)"
          hint="The recruitment group they join."
          options={[{ value: "", label: "No intake" }, ...intakes.map((i) => ({ value: String(i.id), label: i.name }))]}
        />
      ) : null}
    </ActionForm>
  );
}
