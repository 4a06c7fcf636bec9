// How long each kind of field may be. No imports: the form, its hints and its rules share it.

/** Longest values, in characters. Notes are short on purpose: a panel beside the course, not a policy. */
export const LIMITS = { name: 100, short: 120, long: 300, note: 600, email: 254, link: 300 } as const;
