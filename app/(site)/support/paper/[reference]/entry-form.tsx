"use client";
// The answers ticked on a paper answer sheet, typed in: one question at a time down the page, each
// with the letters and words printed on the sheet (never which one is best). Works without
// JavaScript (ActionForm: the server renders the errors).
import { ActionForm } from "@/app/_components/forms/action-form";
import { Hidden, RadioGroup } from "@/app/_components/forms/fields";
import { enterAnswersAction } from "../../actions";

export function EntryForm({
  reference,
  questions,
}: {
  reference: string;
  questions: { number: number; title: string; options: { letter: string; text: string }[] }[];
}) {
  return (
    <ActionForm action={enterAnswersAction} submitLabel="Score these answers" id="entry">
      <Hidden name="reference" value={reference} />
      {questions.map((q) => (
        <RadioGroup
          key={q.number}
          name={`q${q.number}`}
          legend={`Question ${q.number}: ${q.title}`}
          options={q.options.map((o) => ({ value: o.letter, label: `${o.letter}: ${o.text}` }))}
        />
      ))}
    </ActionForm>
  );
}
