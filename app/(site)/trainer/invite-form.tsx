"use client";
import { ActionForm } from "@/app/_components/forms/action-form";
import { RadioGroup, TextField } from "@/app/_components/forms/fields";
import { invitePersonAction } from "./actions";

export function InviteForm() {
  return (
    <ActionForm action={invitePersonAction} submitLabel="Send invitation" id="invite">
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
    </ActionForm>
  );
}
