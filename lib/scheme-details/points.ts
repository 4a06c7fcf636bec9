// The points of the national course where a carer is told to ask their scheme, and what a scheme's
// details add at each: which contacts, and which local note. Pure and free of server imports (the
// settings page's preview and the panels share it).
//
// Where each point appears is written down here, not guessed from the wording:
// - lessons: `<YourScheme about="…" />` in the MDX, at the paragraph that says to ask (LESSON_POINTS
//   lists them; test/unit/scheme-points.test.ts checks that the two agree);
// - the "Should I share?" walk-through: WALKTHROUGH_POINTS;
// - quiz feedback: SCENARIO_POINTS; in-page knowledge checks: CHECK_POINTS (the tests check that
//   every scenario and check whose feedback sends the carer to the scheme is listed).
import { telHref, ukPhoneDigits } from "./formats";
import type { DetailField, SchemeDetails } from "./form";

export const POINTS = ["advice", "safeguarding", "breach", "sending", "records"] as const;
export type PointId = (typeof POINTS)[number];

export type PointText = {
  /** The panel's heading, with the scheme's name. */
  heading: (name: string) => string;
  /** Where it shows, for the settings page. */
  where: string;
  note: DetailField;
};

export const POINT_TEXT: Record<PointId, PointText> = {
  advice: { heading: (name) => `Who to ask at ${name}`, where: "where the course says to ask for advice", note: "noteAdvice" },
  safeguarding: {
    heading: (name) => `If someone may be at risk of harm: ${name}`,
    where: "where a child or adult may be at risk of harm",
    note: "noteSafeguarding",
  },
  breach: { heading: (name) => `Tell ${name} about a data breach`, where: "on data breaches", note: "noteBreach" },
  sending: { heading: (name) => `How ${name} sends private documents`, where: "on sending documents safely", note: "noteSending" },
  records: { heading: (name) => `Records: who to ask at ${name}`, where: "on keeping, showing and returning records", note: "noteRecords" },
};

/** Lesson pages ("module/page") and the points their MDX shows, in page order. */
export const LESSON_POINTS: Readonly<Record<string, readonly PointId[]>> = {
  "golden-rules/index": ["advice"],
  "golden-rules/golden-rules": ["advice"],
  "golden-rules/confidential": ["advice"],
  "golden-rules/public-interest": ["advice"],
  "golden-rules/share-safely": ["sending"],
  "golden-rules/keep-a-record": ["records"],
  "golden-rules/seek-advice": ["advice"],
  "golden-rules/risk-of-harm": ["safeguarding"],
  "confidentiality/index": ["advice"],
  "confidentiality/permission-to-share": ["advice"],
  "confidentiality/consent-and-capacity": ["advice"],
  "confidentiality/when-consent-changes": ["advice"],
  "confidentiality/cannot-keep-confidential": ["safeguarding"],
  "confidentiality/seeing-records": ["records"],
  "confidentiality/keeping-records-safe": ["records"],
  "confidentiality/social-media": ["advice"],
  "confidentiality/encrypted-email": ["sending", "breach"],
  "confidentiality/data-breaches": ["breach"],
  "confidentiality/when-a-placement-ends": ["records"],
  "confidentiality/five-rules": ["advice"],
  "triangle-of-care/staff-good-practice": ["advice"],
  "triangle-of-care/support-for-carers": ["advice"],
};

/** "Should I share?": the start page ("start") and the outcomes that say to ask the scheme. */
export const WALKTHROUGH_POINTS: Readonly<Record<string, PointId>> = {
  start: "safeguarding",
  "out-act-now": "safeguarding",
  "out-seek-advice": "advice",
  "out-put-it-right": "sending",
  "out-ask-how-to-record": "records",
};

/** Quiz scenarios whose feedback sends the carer to their scheme or officer. */
export const SCENARIO_POINTS: Readonly<Record<string, PointId>> = {
  "gr-adult-visitor-at-risk": "safeguarding",
  "gr-advocate-asks-for-records": "sending",
  "gr-child-at-risk": "safeguarding",
  "gr-inspector-asks-for-files": "advice",
  "gr-money-taken-from-bank-card": "safeguarding",
  "gr-police-at-the-door": "advice",
  "gr-record-after-sharing": "records",
  "gr-record-not-sharing": "records",
  "gr-relative-asks-about-medication": "advice",
  "gr-seek-advice-without-name": "advice",
  "gr-self-harm-secret": "safeguarding",
  "gr-share-securely": "sending",
  "conf-bullied-at-college": "safeguarding",
  "conf-consent-withdrawn": "advice",
  "conf-email-wrong-address": "breach",
  "conf-family-whatsapp": "advice",
  "conf-infection-day-centre": "advice",
  "conf-lost-phone": "breach",
  "conf-money-disclosure": "safeguarding",
  "conf-overheard-on-bus": "breach",
  "conf-person-asks-what-is-written": "records",
  "conf-photo-day-out": "advice",
  "conf-photo-wrong-chat": "breach",
  "conf-placement-ends-paperwork": "records",
  "toc-feeling-unsafe": "safeguarding",
  "toc-placement-change-family": "advice",
};

/** In-page knowledge checks whose feedback sends the carer to their scheme or officer. */
export const CHECK_POINTS: Readonly<Record<string, PointId>> = {
  "gr-harm-1": "safeguarding",
  "conf-consent-1": "advice",
  "conf-cannot-1": "safeguarding",
  "conf-cannot-2": "safeguarding",
  "conf-breach-1": "breach",
};

/** One line of a panel: "Phone: 0300 123 4567", with a link where it is a number, address or page. */
export type ContactItem = { label: string; text: string; href?: string; detail?: string };

const phoneItem = (label: string, value: string | null, detail?: string | null): ContactItem | null => {
  if (!value) return null;
  const digits = ukPhoneDigits(value);
  return { label, text: value, href: digits ? telHref(digits) : undefined, detail: detail ?? undefined };
};
const emailItem = (label: string, value: string | null): ContactItem | null => (value ? { label, text: value, href: `mailto:${value}` } : null);
const textItem = (label: string, value: string | null): ContactItem | null => (value ? { label, text: value } : null);
const linkItem = (label: string, value: string | null): ContactItem | null => (value ? { label, text: value, href: value } : null);

/** "Jo Bloggs, your Shared Lives officer", or whichever of the two is given. */
function adviceWho(d: SchemeDetails): string | null {
  return [d.adviceName, d.adviceRole].filter(Boolean).join(", ") || null;
}

function outOfHours(d: SchemeDetails): ContactItem | null {
  if (d.outOfHoursPhone) return phoneItem("Out of hours", d.outOfHoursPhone, d.outOfHoursText);
  return textItem("Out of hours", d.outOfHoursText);
}

function adviceItems(d: SchemeDetails): (ContactItem | null)[] {
  return [textItem("Ask", adviceWho(d)), textItem("Office hours", d.adviceHours), phoneItem("Phone", d.advicePhone), emailItem("Email", d.adviceEmail)];
}

function dpLeadItems(d: SchemeDetails): (ContactItem | null)[] {
  return [
    textItem("Data protection lead", d.dpLeadName),
    phoneItem("Data protection lead's phone", d.dpLeadPhone),
    emailItem("Data protection lead's email", d.dpLeadEmail),
  ];
}

/** The contacts a point shows, in the order a carer needs them; empty when the scheme gave none. */
export function pointContacts(d: SchemeDetails, point: PointId): ContactItem[] {
  let items: (ContactItem | null)[];
  switch (point) {
    case "advice":
      items = [...adviceItems(d), outOfHours(d)];
      break;
    case "safeguarding":
      items = [
        textItem("Safeguarding", d.safeguardingName),
        textItem("How to raise a concern", d.safeguardingHow),
        phoneItem("Safeguarding phone", d.safeguardingPhone),
        linkItem("Safeguarding web page", d.safeguardingLink),
        outOfHours(d),
        phoneItem("Your scheme, in office hours", d.advicePhone, adviceWho(d)),
      ];
      break;
    case "breach": {
      // Without a breach contact of its own, a breach goes to the usual advice contact.
      const own = Boolean(d.breachContact || d.breachPhone || d.breachEmail);
      items = [
        textItem("Tell", own ? d.breachContact : adviceWho(d)),
        textItem("How fast", d.breachWithin),
        phoneItem("Phone", own ? d.breachPhone : d.advicePhone),
        emailItem("Email", own ? d.breachEmail : d.adviceEmail),
        outOfHours(d),
        ...dpLeadItems(d),
      ];
      break;
    }
    case "sending":
      items = [
        textItem("How to send them", d.secureSendingHow),
        linkItem("Guide", d.secureSendingLink),
        phoneItem("Questions", d.advicePhone, adviceWho(d)),
        d.advicePhone ? null : emailItem("Questions", d.adviceEmail),
      ];
      break;
    case "records":
      items = [...adviceItems(d), ...dpLeadItems(d)];
      break;
  }
  return items.filter((i): i is ContactItem => i !== null);
}

/** The point's local note, if the scheme wrote one. */
export function pointNote(d: SchemeDetails, point: PointId): string | null {
  return d[POINT_TEXT[point].note];
}

/** True when a panel at this point would show anything. */
export function pointHasContent(d: SchemeDetails | null | undefined, point: PointId): d is SchemeDetails {
  return Boolean(d && (pointContacts(d, point).length > 0 || pointNote(d, point)));
}

/** The contacts as one line of plain text, for emails, PDFs and under quiz feedback. */
export function contactLine(items: ContactItem[]): string {
  const bare = (text: string) => text.replace(/[.!]+$/, "");
  return items.map((i) => `${i.label}: ${bare(i.text)}${i.detail ? ` (${bare(i.detail)})` : ""}`).join(". ") + (items.length ? "." : "");
}

/** The scheme's main contact (advice, else out of hours), for My training, reminders and certificates. */
export function mainContacts(d: SchemeDetails): ContactItem[] {
  return pointContacts(d, "advice");
}

/** The scheme's phone and email for advice, for certificates and reminders (empty when it gave neither). */
export function schemeContact(d: SchemeDetails): ContactItem[] {
  return [phoneItem("Phone", d.advicePhone), emailItem("Email", d.adviceEmail)].filter((i): i is ContactItem => i !== null);
}

/** schemeContact as plain text: "0300 123 4567, team@example.org"; null when there is none. */
export function schemeContactText(d: SchemeDetails): string | null {
  return schemeContact(d).map((i) => i.text).join(", ") || null;
}
