// The errors lib/ throws for the wrappers (lib/actions/) to turn into answers. No server imports:
// anything may import this file.

/**
 * The viewer may not see or do this (or it does not exist: the two are not told apart, so ids
 * cannot be probed). Server actions show the "no access" page; route handlers answer 403.
 */
export class NotAllowed extends Error {
  constructor(message = "You do not have access to this.") {
    super(message);
    this.name = "NotAllowed";
  }
}

/**
 * A problem to tell the person in words (a quiz that is already submitted, an answer that is not
 * one of the options). Server actions show `message` in the error summary, beside `field` when
 * there is one; route handlers answer `status` with the message as plain text.
 */
export class ShownError extends Error {
  constructor(
    message: string,
    readonly field?: string,
    readonly status: 400 | 404 | 409 = 400,
  ) {
    super(message);
    this.name = "ShownError";
  }
}
