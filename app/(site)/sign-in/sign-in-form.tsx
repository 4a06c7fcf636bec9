"use client";
import { ActionForm } from "@/app/_components/forms/action-form";
import { Hidden, TextField } from "@/app/_components/forms/fields";
import { signInWithPassword } from "./actions";

export function SignInForm({ next }: { next: string | null }) {
  return (
    <ActionForm action={signInWithPassword} submitLabel="Sign in" id="sign-in">
      {next ? <Hidden name="next" value={next} /> : null}
      <TextField name="email" label="Email address" type="email" autoComplete="username" inputMode="email" />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" />
    </ActionForm>
  );
}
