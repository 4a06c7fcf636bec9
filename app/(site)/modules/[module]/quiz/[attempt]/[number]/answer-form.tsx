"use client";
import { ActionForm } from "@/app/_components/forms/action-form";
import { Hidden, RadioGroup } from "@/app/_components/forms/fields";
import { answerAction } from "../../actions";

export function AnswerForm(props: {
  moduleSlug: string;
  attemptId: number;
  number: number;
  scenarioId: string;
  question: string;
  options: { id: string; text: string }[];
  chosen: string | null;
  returnTo?: "check";
}) {
  return (
    <ActionForm action={answerAction} submitLabel="Save and continue" id="answer">
      <Hidden name="module" value={props.moduleSlug} />
      <Hidden name="attemptId" value={String(props.attemptId)} />
      <Hidden name="number" value={String(props.number)} />
      <Hidden name="scenario" value={props.scenarioId} />
      {props.returnTo ? <Hidden name="returnTo" value={props.returnTo} /> : null}
      <RadioGroup
        name="option"
        legend={props.question}
        options={props.options.map((o) => ({ value: o.id, label: o.text }))}
        defaultValue={props.chosen ?? undefined}
      />
    </ActionForm>
  );
}
