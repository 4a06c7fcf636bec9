// The demo's invented people and what each has done, in days relative to the day the demo is
// seeded (0 is today, -365 a year ago), so that every status a trainer meets is there whatever day
// it runs. `expect` is the matrix status the story is written to reach; test/integration/demo.test.ts
// checks it on several days.
import { PERSON_STATUSES, type PersonStatus } from "@/lib/trainer/status";

// By position: the names are the matrix statuses of lib/trainer/status.ts, in its order.
export const [NOT_STARTED, IN_PROGRESS, COMPLETE, DUE_SOON, OVERDUE, LAPSED] = PERSON_STATUSES;
export const LEFT = "left" as const;

/** A cycle of the training completed on day `on` (its three modules on on-4, on-2 and on). */
export type DoneCycle = { on: number; assisted?: "one" | "all" };
/** A cycle started but not finished: `modules` completed, then perhaps a quiz left half done. */
export type OpenCycle = { from: number; modules: 0 | 1 | 2; stalled?: boolean };

export type Story = {
  name: string;
  email: string;
  role: "carer" | "staff" | "trainer";
  /** Index into the scheme's intakes, or null. */
  intake: number | null;
  joined: number;
  cycles: DoneCycle[];
  open?: OpenCycle;
  /** The first certificate is revoked ten days after issue, and the training done again. */
  revokedFirst?: string;
  left?: number;
  /** A demo account: signs in with the demo password. */
  account?: boolean;
  expect: PersonStatus | typeof LEFT;
};

export type SchemeCast = { intakes: number[]; people: Story[] };

const at = (name: string) => `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@demo.example`;
const p = (name: string, role: Story["role"], intake: number | null, joined: number, cycles: DoneCycle[], expect: Story["expect"], more: Partial<Story> = {}): Story => ({
  name,
  email: at(name),
  role,
  intake,
  joined,
  cycles,
  expect,
  ...more,
});

/** Two years of intakes: one two years ago, one a year ago, one three weeks ago. */
export const DEMO_CAST: SchemeCast = {
  intakes: [-760, -385, -21],
  people: [
    // Complete: a valid certificate, refresher not yet open.
    p("Amina Yusuf", "carer", 0, -755, [{ on: -740 }, { on: -390 }, { on: -20 }], COMPLETE),
    p("Ben Clarke", "carer", 0, -752, [{ on: -735 }, { on: -295 }], COMPLETE),
    p("Chloe Davies", "carer", 0, -750, [{ on: -738, assisted: "all" }, { on: -385 }, { on: -25 }], COMPLETE),
    p("Dev Patel", "carer", 1, -380, [{ on: -370 }, { on: -40 }], COMPLETE),
    p("Ellie Morgan", "staff", 1, -380, [{ on: -368 }, { on: -10 }], COMPLETE),
    p("Femi Okafor", "carer", 1, -378, [{ on: -350 }, { on: -30 }], COMPLETE),
    p("Grace Hughes", "carer", null, -260, [{ on: -240 }], COMPLETE),
    p("Harry Lewis", "staff", null, -200, [{ on: -180 }], COMPLETE),
    p("Imran Khan", "carer", 1, -375, [{ on: -300 }, { on: -270 }], COMPLETE, {
      revokedFirst: "A relative answered the quizzes for him. He has done the training again himself.",
    }),
    p("Jade Roberts", "carer", 1, -376, [{ on: -345 }, { on: -35, assisted: "one" }], COMPLETE),
    p("Kofi Mensah", "carer", 2, -21, [{ on: -5 }], COMPLETE),
    p("Lily Evans", "carer", 2, -20, [{ on: -3 }], COMPLETE),
    // Due soon: the refresher window is open.
    p("Mo Ahmed", "carer", 0, -752, [{ on: -700 }, { on: -370 }], DUE_SOON),
    p("Nina Nowak", "carer", 1, -380, [{ on: -345 }], DUE_SOON),
    p("Owen Fraser", "staff", 1, -380, [{ on: -358 }], DUE_SOON),
    p("Priya Shah", "carer", 1, -379, [{ on: -320 }], DUE_SOON, { open: { from: -3, modules: 1 } }),
    p("Rosa Quinn", "carer", null, -330, [{ on: -310 }], DUE_SOON),
    { ...p("Rae Refresher (demo)", "carer", 1, -378, [{ on: -330 }], DUE_SOON), email: "refresher@demo.example", account: true },
    // Overdue: the certificate ran out in the last 90 days.
    p("Sam Taylor", "carer", 1, -380, [{ on: -372 }], OVERDUE),
    p("Tom Walker", "staff", null, -420, [{ on: -400 }], OVERDUE),
    p("Uma Wright", "carer", 0, -755, [{ on: -745 }, { on: -375 }], OVERDUE),
    p("Vic Young", "carer", null, -440, [{ on: -420 }], OVERDUE, { open: { from: -20, modules: 0, stalled: true } }),
    // Lapsed: the certificate ran out more than 90 days ago.
    p("Wes Green", "carer", 0, -756, [{ on: -745 }], LAPSED),
    p("Yusuf Iqbal", "staff", null, -540, [{ on: -520 }], LAPSED),
    p("Zara Brown", "carer", 1, -500, [{ on: -480 }], LAPSED),
    // In progress: training started, no certificate yet.
    p("Alan Smith", "carer", 2, -19, [], IN_PROGRESS, { open: { from: -10, modules: 1 } }),
    p("Beth Jones", "carer", 2, -19, [], IN_PROGRESS, { open: { from: -6, modules: 0, stalled: true } }),
    p("Carl Wilson", "carer", 2, -18, [], IN_PROGRESS, { open: { from: -6, modules: 2, stalled: true } }),
    p("Dina Lee", "staff", 2, -18, [], IN_PROGRESS, { open: { from: -8, modules: 2 } }),
    p("Eve Martin", "carer", null, -150, [], IN_PROGRESS, { open: { from: -140, modules: 1 } }),
    // Not started.
    p("Hannah Price", "carer", 2, -14, [], NOT_STARTED),
    p("Isaac Cole", "carer", 2, -10, [], NOT_STARTED),
    p("Julia Ward", "staff", 2, -7, [], NOT_STARTED),
    // Left the scheme.
    p("Kieran Shaw", "carer", 0, -752, [{ on: -740 }], LEFT, { left: -500 }),
    p("Laura Bell", "carer", 1, -379, [], LEFT, { open: { from: -370, modules: 1 }, left: -200 }),
    p("Marcus Reid", "staff", 1, -380, [{ on: -360 }], LEFT, { left: -30 }),
  ],
};

/** A second, small scheme with its own trainer: its people never appear to the demo trainer. */
export const RIVERSIDE_CAST: SchemeCast = {
  intakes: [],
  people: [
    p("Olu Adebayo", "carer", null, -390, [{ on: -200 }], COMPLETE),
    p("Fran Kelly", "carer", null, -395, [{ on: -380 }], OVERDUE),
    p("Gus Hart", "staff", null, -360, [{ on: -340 }], DUE_SOON),
    p("Meg Lloyd", "carer", null, -12, [], NOT_STARTED),
  ],
};

/** The person whose certificate code the guide offers to check on the public page. */
export const CERTIFICATE_TO_TRY = at("Grace Hughes");

/** Scenarios people often get wrong, and the wrong answer most of them choose (the first wrong option). */
export const HARD_SCENARIOS = new Set([
  "gr-relative-asks-about-medication",
  "gr-self-harm-secret",
  "conf-photo-day-out",
  "conf-day-service-capacity",
  "toc-withheld-consent-mental-health",
  "toc-general-info-refused",
]);
