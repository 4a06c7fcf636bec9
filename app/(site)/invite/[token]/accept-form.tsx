"use client";
import { ActionForm } from "@/app/_components/forms/action-form";
import { Hidden, TextField } from "@/app/_components/forms/fields";
import { acceptInvitationAction } from "./actions";

export function AcceptForm({ token, email, name }: { token: string; email: string; name: string | null }) {
  return (
    <ActionForm action={acceptInvitationAction} submitLabel="Create my account" id="accept">
      <Hidden name="token" value={token} />
      {/* Lets password managers save the right username with the new password. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden aria-label="Email address" />
      <TextField name="name" label="Your full name" hint="As you would like it on your certificate." autoComplete="name" defaultValue={name ?? undefined} />
      <TextField
        name="password"
        label="Create a password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters. A few random words is a good choice. You can paste it or use a password manager."
      />
    </ActionForm>
  );
}
