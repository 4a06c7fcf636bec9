"use client";
import { ActionForm } from "@/app/_components/forms/action-form";
import { Hidden } from "@/app/_components/forms/fields";
import { submitAction } from "../../actions";

export function SubmitForm({ moduleSlug, attemptId }: { moduleSlug: string; attemptId: number }) {
  return (
    <ActionForm action={submitAction} submitLabel="Submit my answers" id="submit">
      <Hidden name="module" value={moduleSlug} />
      <Hidden name="attemptId" value={String(attemptId)} />
    </ActionForm>
  );
}
