"use client";
import { ActionForm } from "@/app/_components/forms/action-form";
import { Hidden } from "@/app/_components/forms/fields";
import { signInWithLink } from "../actions";

export function LinkSignInForm({ token, next }: { token: string; next: string | null }) {
  return (
    <ActionForm action={signInWithLink} submitLabel="Sign in" id="link-sign-in">
      <Hidden name="token" value={token} />
      {next ? <Hidden name="next" value={next} /> : null}
    </ActionForm>
  );
}
