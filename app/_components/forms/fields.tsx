"use client";
// Form fields that read their error and previous value from the surrounding ActionForm.
import type { InputHTMLAttributes, ReactNode } from "react";
import { errorFor } from "@/lib/form-state";
import { useFormContext } from "./action-form";

function Message({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p className="field-error" id={`${id}-error`}>
      <span className="visually-hidden">Error: </span>
      {error}
    </p>
  ) : null;
}

export function TextField({
  name,
  label,
  hint,
  type = "text",
  autoComplete,
  defaultValue,
  ...rest
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  type?: "text" | "email" | "password" | "date" | "search" | "tel" | "url";
  autoComplete?: string;
  defaultValue?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "type" | "defaultValue">) {
  const { state } = useFormContext();
  const error = errorFor(state, name);
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  const value = type === "password" ? undefined : (state.values?.[name] ?? defaultValue);
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <label htmlFor={name}>{label}</label>
      {hint ? (
        <span className="field-hint" id={`${name}-hint`}>
          {hint}
        </span>
      ) : null}
      <Message id={name} error={error} />
      <input
        id={name}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={value}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        spellCheck={type === "email" ? false : undefined}
        {...rest}
      />
    </div>
  );
}

export function TextArea({ name, label, hint, rows = 6, defaultValue }: { name: string; label: ReactNode; hint?: ReactNode; rows?: number; defaultValue?: string }) {
  const { state } = useFormContext();
  const error = errorFor(state, name);
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <label htmlFor={name}>{label}</label>
      {hint ? (
        <span className="field-hint" id={`${name}-hint`}>
          {hint}
        </span>
      ) : null}
      <Message id={name} error={error} />
      <textarea id={name} name={name} rows={rows} defaultValue={state.values?.[name] ?? defaultValue} aria-describedby={describedBy} aria-invalid={error ? true : undefined} />
    </div>
  );
}

export function RadioGroup({
  name,
  legend,
  hint,
  options,
  defaultValue,
  legendAsHeading = false,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: { value: string; label: ReactNode }[];
  defaultValue?: string;
  legendAsHeading?: boolean;
}) {
  const { state } = useFormContext();
  const error = errorFor(state, name);
  const chosen = state.values?.[name] ?? defaultValue;
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <fieldset aria-describedby={describedBy}>
        <legend>{legendAsHeading ? <h1>{legend}</h1> : legend}</legend>
        {hint ? (
          <span className="field-hint" id={`${name}-hint`}>
            {hint}
          </span>
        ) : null}
        <Message id={name} error={error} />
        <ul className="choices">
          {options.map((o, i) => (
            <li className="choice" key={o.value}>
              <input type="radio" id={i === 0 ? name : `${name}-${o.value}`} name={name} value={o.value} defaultChecked={chosen === o.value} />
              <label htmlFor={i === 0 ? name : `${name}-${o.value}`}>{o.label}</label>
            </li>
          ))}
        </ul>
      </fieldset>
    </div>
  );
}

export function Hidden({ name, value }: { name: string; value: string }) {
  return <input type="hidden" name={name} value={value} />;
}

export function SelectField({ name, label, options, hint }: { name: string; label: ReactNode; hint?: ReactNode; options: { value: string; label: string }[] }) {
  const { state } = useFormContext();
  const error = errorFor(state, name);
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <label htmlFor={name}>{label}</label>
      {hint ? (
        <span className="field-hint" id={`${name}-hint`}>
          {hint}
        </span>
      ) : null}
      <Message id={name} error={error} />
      <select id={name} name={name} defaultValue={state.values?.[name]} aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
