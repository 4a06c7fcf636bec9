"use client";
import { ActionForm, useFormContext } from "@/app/_components/forms/action-form";
import { Hidden, TextArea } from "@/app/_components/forms/fields";
import { errorFor } from "@/lib/form-state";
import { revokeCertificateAction } from "./actions";

function ConfirmBox() {
  const { state } = useFormContext();
  const error = errorFor(state, "confirm");
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      {error ? (
        <p className="field-error" id="confirm-error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <div className="choice">
        <input type="checkbox" id="confirm" name="confirm" value="yes" aria-describedby={error ? "confirm-error" : undefined} aria-invalid={error ? true : undefined} />
        <label htmlFor="confirm">I understand that revoking cannot be undone</label>
      </div>
    </div>
  );
}

export function RevokeForm({ certificateId }: { certificateId: number }) {
  return (
    <ActionForm action={revokeCertificateAction} submitLabel="Revoke this certificate" submitClassName="button button--warning" id="revoke">
      <Hidden name="certificateId" value={String(certificateId)} />
      <TextArea
        name="reason"
        label="Why are you revoking it?"
        hint="For example, it was issued by mistake. Trainers and admins of the scheme can read this; the public check page does not show it."
        rows={3}
      />
      <ConfirmBox />
    </ActionForm>
  );
}
