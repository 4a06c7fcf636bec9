"use client";
import { ActionForm } from "@/app/_components/forms/action-form";
import { Hidden, TextField } from "@/app/_components/forms/fields";
import { emailMeALink } from "../actions";

export function LinkRequestForm({ next }: { next: string | null }) {
  return (
    <ActionForm action={emailMeALink} submitLabel="Email me a link" id="email-link">
      {next ? <Hidden name="next" value={next} /> : null}
      <TextField name="email" label="Email address" type="email" autoComplete="email" inputMode="email" />
    </ActionForm>
  );
}
