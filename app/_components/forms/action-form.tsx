"use client";
// A form bound to a server action. Works without JavaScript (the server renders the returned state);
// with JavaScript it submits in place, moves focus to the error summary and marks the title "Error: ".
import { createContext, useActionState, useContext, useEffect, useRef, type ReactNode } from "react";
import { type FormState, emptyFormState } from "@/lib/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

const FormContext = createContext<{ state: FormState; pending: boolean }>({ state: emptyFormState, pending: false });

export function useFormContext() {
  return useContext(FormContext);
}

export function ActionForm({
  action,
  submitLabel,
  children,
  initialState = emptyFormState,
  secondary,
  id,
  submitClassName = "button",
  after,
}: {
  action: Action;
  submitLabel: string;
  children?: ReactNode;
  initialState?: FormState;
  secondary?: ReactNode;
  id?: string;
  submitClassName?: string;
  /** Shown after the form, with the same state (a preview of what was sent, say). */
  after?: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, initialState);
  const summary = useRef<HTMLDivElement>(null);
  const success = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const hasErrors = Boolean(state.errors?.length || state.message);
    const base = document.title.replace(/^Error: /, "");
    document.title = hasErrors ? `Error: ${base}` : base;
    if (hasErrors) summary.current?.focus();
    else if (state.success) success.current?.focus();
  }, [state]);

  return (
    <FormContext.Provider value={{ state, pending }}>
      {state.errors?.length || state.message ? (
        <div className="error-summary" role="alert" aria-labelledby={`${id ?? "form"}-error-title`} tabIndex={-1} ref={summary} data-testid="error-summary">
          <h2 id={`${id ?? "form"}-error-title`}>There is a problem</h2>
          <ul>
            {state.message ? <li>{state.message}</li> : null}
            {state.errors?.map((e, i) => (
              <li key={`${i}-${e.field}`}>
                <a href={`#${e.field}`}>{e.message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {state.success ? (
        <div className="notice notice--success" role="status" tabIndex={-1} ref={success}>
          <p>{state.success}</p>
        </div>
      ) : null}
      <form action={formAction} noValidate id={id}>
        {children}
        <div className="button-group">
          <button type="submit" className={submitClassName} disabled={pending} aria-disabled={pending}>
            {submitLabel}
          </button>
          {secondary}
        </div>
      </form>
      {after}
    </FormContext.Provider>
  );
}
