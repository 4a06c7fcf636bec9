"use client";
import { ActionForm } from "@/app/_components/forms/action-form";
import { RadioGroup, SelectField, TextArea, TextField } from "@/app/_components/forms/fields";
import { createSchemeAction, inviteTrainerAction, markRetrainAction } from "./actions";

export function CreateSchemeForm() {
  return (
    <ActionForm action={createSchemeAction} submitLabel="Create scheme" id="create-scheme">
      <TextField name="schemeName" label="Scheme name" autoComplete="off" />
    </ActionForm>
  );
}

export function InviteTrainerForm({ schemes }: { schemes: { id: number; name: string }[] }) {
  return (
    <ActionForm action={inviteTrainerAction} submitLabel="Invite trainer" id="invite-trainer">
      <SelectField name="schemeId" label="Scheme" options={[{ value: "", label: "Choose a scheme" }, ...schemes.map((s) => ({ value: String(s.id), label: s.name }))]} />
      <TextField name="name" label="Trainer's name" autoComplete="off" />
      <TextField name="email" label="Trainer's email address" type="email" autoComplete="off" />
    </ActionForm>
  );
}

export function RetrainForm({ versions }: { versions: string[] }) {
  return (
    <ActionForm action={markRetrainAction} submitLabel="Mark for retraining" id="retrain" submitClassName="button button--warning">
      <RadioGroup name="version" legend="Which version needs retraining?" options={versions.map((v) => ({ value: v, label: `Version ${v}` }))} />
      <TextArea name="reason" label="Why? (people see this as the reason)" rows={3} />
    </ActionForm>
  );
}
