"use client";
// The scheme's contacts and notes: one plain form (it works without JavaScript: the server renders
// what the action returns), a "Preview" button beside "Save details", and the preview of the panels
// carers will see, drawn from what was last sent (or what is saved).
import { ActionForm, useFormContext } from "@/app/_components/forms/action-form";
import { Hidden, TextArea, TextField } from "@/app/_components/forms/fields";
import { SchemePanel } from "@/app/_components/scheme/scheme-panel";
import { FIELD_GROUPS, type FieldKind, detailsFromValues } from "@/lib/scheme-details/form";
import type { FormState } from "@/lib/form-state";
import { POINTS, POINT_TEXT, pointHasContent } from "@/lib/scheme-details/points";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

const inputType = (kind: FieldKind) => (kind === "phone" ? "tel" : kind === "email" ? "email" : kind === "link" ? "url" : "text");

/**
 * The panels, from the values the server last accepted (it returns them tidied, for a preview or a
 * save) or from what is saved. After refused input there is nothing accepted to show.
 */
function Preview({ saved }: { saved: Record<string, string> }) {
  const { state } = useFormContext();
  const refused = Boolean(state.errors?.length || state.message);
  const details = detailsFromValues(state.values ?? saved);
  const shown = POINTS.filter((p) => pointHasContent(details, p));
  return (
    <section aria-labelledby="preview-title" id="preview">
      <h2 id="preview-title">Preview: what carers see</h2>
      {refused ? (
        <p>The preview shows once the problems above are put right.</p>
      ) : shown.length === 0 ? (
        <p>There are no contacts or notes yet, so carers see the course as it is, with no “Your scheme” boxes.</p>
      ) : (
        shown.map((p) => (
          <div key={p}>
            <p className="hint">Shown {POINT_TEXT[p].where}:</p>
            <SchemePanel details={details} point={p} headingLevel={3} />
          </div>
        ))
      )}
    </section>
  );
}

export function SchemeDetailsForm({ action, saved, schemeId }: { action: Action; saved: Record<string, string>; schemeId: number | null }) {
  return (
    <ActionForm
      action={action}
      submitLabel="Save details"
      id="scheme-details"
      secondary={
        <button type="submit" name="intent" value="preview" className="button button--secondary">
          Preview
        </button>
      }
      after={<Preview saved={saved} />}
    >
      {schemeId !== null ? <Hidden name="schemeId" value={String(schemeId)} /> : null}
      {FIELD_GROUPS.map((group) => (
        <fieldset key={group.id} className="form-fieldset" aria-describedby={"hint" in group ? `${group.id}-group-hint` : undefined}>
          <legend>
            <h2>{group.legend}</h2>
          </legend>
          {"hint" in group ? (
            <p className="field-hint" id={`${group.id}-group-hint`}>
              {group.hint}
            </p>
          ) : null}
          {group.fields.map((field) =>
            field.kind === "note" ? (
              <TextArea key={field.name} name={field.name} label={field.label} rows={4} defaultValue={saved[field.name]} />
            ) : (
              <TextField
                key={field.name}
                name={field.name}
                label={field.label}
                hint={"hint" in field ? field.hint : undefined}
                type={inputType(field.kind)}
                autoComplete={"autoComplete" in field ? field.autoComplete : "off"}
                defaultValue={saved[field.name]}
                spellCheck={field.kind === "phone" || field.kind === "email" || field.kind === "link" ? false : undefined}
              />
            ),
          )}
        </fieldset>
      ))}
    </ActionForm>
  );
}
