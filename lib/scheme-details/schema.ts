// The settings form's schema: every field of a scheme's details, checked (./rules.ts). Used by the
// server action; the seeds use it too, so that demo details pass the same checks.
import { z } from "zod";
import { type DetailField, FIELD_GROUPS } from "./form";
import { LIMITS } from "./limits";
import { email, link, note, phone, shortText } from "./rules";

const label = (name: DetailField): string => {
  for (const group of FIELD_GROUPS) for (const f of group.fields) if (f.name === name) return f.label;
  return name;
};

/**
 * The settings form, checked. Missing fields count as blank (a form without them is an old page or a
 * hand-made post); the name is the only one that must be given. Fields the schema does not know are
 * dropped, whatever they are called (`__proto__` and `constructor` included).
 */
export const schemeDetailsForm = z.object({
  publicName: z
    .string({ error: "Enter the name carers know your scheme by" })
    .pipe(shortText(label("publicName"), LIMITS.name))
    .transform((v, ctx) => {
      if (v !== null) return v;
      ctx.addIssue({ code: "custom", message: "Enter the name carers know your scheme by" });
      return z.NEVER;
    }),
  adviceRole: shortText(label("adviceRole")).default(null),
  adviceName: shortText(label("adviceName")).default(null),
  advicePhone: phone(label("advicePhone")).default(null),
  adviceEmail: email(label("adviceEmail")).default(null),
  adviceHours: shortText(label("adviceHours")).default(null),
  outOfHoursPhone: phone(label("outOfHoursPhone")).default(null),
  outOfHoursText: shortText(label("outOfHoursText"), LIMITS.long).default(null),
  breachContact: shortText(label("breachContact")).default(null),
  breachWithin: shortText(label("breachWithin")).default(null),
  breachPhone: phone(label("breachPhone")).default(null),
  breachEmail: email(label("breachEmail")).default(null),
  dpLeadName: shortText(label("dpLeadName")).default(null),
  dpLeadPhone: phone(label("dpLeadPhone")).default(null),
  dpLeadEmail: email(label("dpLeadEmail")).default(null),
  safeguardingName: shortText(label("safeguardingName")).default(null),
  safeguardingHow: shortText(label("safeguardingHow"), LIMITS.long).default(null),
  safeguardingPhone: phone(label("safeguardingPhone")).default(null),
  safeguardingLink: link(label("safeguardingLink")).default(null),
  secureSendingHow: shortText(label("secureSendingHow"), LIMITS.long).default(null),
  secureSendingLink: link(label("secureSendingLink")).default(null),
  noteAdvice: note(label("noteAdvice")).default(null),
  noteSafeguarding: note(label("noteSafeguarding")).default(null),
  noteBreach: note(label("noteBreach")).default(null),
  noteSending: note(label("noteSending")).default(null),
  noteRecords: note(label("noteRecords")).default(null),
});

export type SchemeDetailsInput = z.output<typeof schemeDetailsForm>;

