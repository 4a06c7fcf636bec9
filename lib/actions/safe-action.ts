import "server-only";
// The one wrapper every server action goes through (the pattern of dub's safe-action), so that no
// action can forget a step: it loads the viewer, checks the roles it is given, parses the form with
// a zod schema, and turns the errors lib/ throws into what the person sees. Actions hold only what
// is particular to them.
//
// - Signed out (where a session is needed): sent to sign in, coming back to `returnTo`.
// - In a supported session (an officer's browser acting as a carer), unless the action says
//   `supportedSession: "allowed"`: the "no access" page saying why, nothing changed. This holds for
//   "public" actions too: only what the course needs is allowed there (lib/access.ts).
// - A role not in the list, or NotAllowed from lib/: the "no access" page (403), nothing changed.
// - Input the schema refuses: the `{ errors, values }` form state, a message beside each field.
//   A NUL character in any field is refused the same way, before the schema: no one types it, and
//   PostgreSQL cannot store it in text (it would fail the insert with a 500).
// - ShownError (a quiz problem, say): its message, beside its field when it names one.
//
// redirect() is never caught here: only NotAllowed and ShownError are, and everything else
// (Next's redirect and notFound signals among them) goes on up to Next.
import { redirect } from "next/navigation";
import { z } from "zod";
import type { Role } from "@/db/schema";
import { type InSupportedSession, type Viewer, refusedInSupportedSession } from "../access";
import { getViewer } from "../auth/viewer";
import { NotAllowed, ShownError } from "../errors";
import { type FormState, formValues, zodErrors } from "../form-state";
import { SUPPORTED_SESSION_NO_ACCESS_PATH, showNoAccess } from "../http-status";

/** Who may use an action: anyone (sign-in, accepting an invitation), anyone signed in, or these roles. */
export type Access = "public" | "signed-in" | readonly Role[];

export type ViewerFor<A extends Access> = A extends "public" ? Viewer | null : Viewer;

export const NUL_MESSAGE = "This contains a hidden character that cannot be saved. Type it again rather than pasting it.";

/** The form's fields parsed by the schema, or an issue on the first field holding a NUL character. */
function parseForm<S extends z.ZodType>(schema: S, input: ((formData: FormData) => unknown) | undefined, formData: FormData) {
  for (const [name, value] of formData.entries()) {
    if (typeof value === "string" && value.includes("\u0000")) {
      return { success: false as const, error: new z.ZodError([{ code: "custom", path: [name], message: NUL_MESSAGE, input: value }]) };
    }
  }
  return schema.safeParse((input ?? Object.fromEntries)(formData));
}

/** Never put back into a form after an error. */
const NEVER_ECHOED = ["password", "token"];

export type ActionOptions<S extends z.ZodType, A extends Access> = {
  access: A;
  /** "allowed": part of the course, which a supported session may use. Default: refused there. */
  supportedSession?: InSupportedSession;
  schema: S;
  /** Where a signed-out visitor comes back to after signing in. */
  returnTo?: (formData: FormData) => string | undefined;
  /** The object the schema parses (default: the form's fields). */
  input?: (formData: FormData) => unknown;
  /** More fields not to put back into the form after an error. */
  omitValues?: string[];
  /** The answer to input the schema refuses (default: each field's first message beside it). */
  invalid?: (error: z.ZodError, values: Record<string, string>) => FormState;
  /** The answer to NotAllowed (default: the "no access" page). */
  notAllowed?: (values: Record<string, string>) => FormState;
};

export type ActionContext<A extends Access> = { viewer: ViewerFor<A>; formData: FormData; values: Record<string, string> };

type Handler<S extends z.ZodType, A extends Access, R> = (input: z.output<S>, context: ActionContext<A>) => Promise<R> | R;

function signInPath(returnTo: string | undefined): string {
  return returnTo ? `/sign-in?next=${encodeURIComponent(returnTo)}` : "/sign-in";
}

/** Loads the viewer and checks access; redirects (never returns) when refused. */
async function viewerFor<A extends Access>(
  options: { access: A; supportedSession?: InSupportedSession; returnTo?: (formData: FormData) => string | undefined },
  formData: FormData,
): Promise<ViewerFor<A>> {
  const { access } = options;
  const viewer = await getViewer();
  if (refusedInSupportedSession(viewer, options.supportedSession)) redirect(SUPPORTED_SESSION_NO_ACCESS_PATH);
  if (access === "public") return viewer as ViewerFor<A>;
  if (!viewer) redirect(signInPath(options.returnTo?.(formData)));
  if (access !== "signed-in" && !(access as readonly Role[]).includes(viewer.role)) showNoAccess();
  return viewer as ViewerFor<A>;
}

function shown(error: ShownError, values: Record<string, string>): FormState {
  return error.field ? { errors: [{ field: error.field, message: error.message }], values } : { message: error.message, values };
}

/** A server action for a form that shows its result (useActionState, or a JavaScript-off post). */
export function safeAction<S extends z.ZodType, A extends Access>(
  options: ActionOptions<S, A>,
  handler: Handler<S, A, FormState>,
): (previous: FormState, formData: FormData) => Promise<FormState> {
  return async (_previous, formData) => {
    const viewer = await viewerFor(options, formData);
    const values = formValues(formData, [...NEVER_ECHOED, ...(options.omitValues ?? [])]);
    const parsed = parseForm(options.schema, options.input, formData);
    if (!parsed.success) return options.invalid ? options.invalid(parsed.error, values) : { errors: zodErrors(parsed.error), values };
    try {
      return await handler(parsed.data, { viewer, formData, values });
    } catch (error) {
      if (error instanceof NotAllowed) {
        if (options.notAllowed) return options.notAllowed(values);
        showNoAccess();
      }
      if (error instanceof ShownError) return shown(error, values);
      throw error;
    }
  };
}

export type PlainActionOptions<S extends z.ZodType, A extends Access> = Omit<ActionOptions<S, A>, "invalid" | "notAllowed" | "omitValues"> & {
  /** Where to send a post the schema refuses (default: the "no access" page: only a tampered form gets here). */
  invalid?: (error: z.ZodError, formData: FormData) => never;
  /** Where to send a ShownError (default: it is thrown on, as a 500 would be wrong but so is hiding it). */
  shown?: (error: ShownError, formData: FormData) => never;
};

/**
 * A server action for a plain form with nothing to show but where it goes next (`<form action>`
 * with one argument): the same checks, and the handler ends in redirect().
 */
export function safeFormAction<S extends z.ZodType, A extends Access>(
  options: PlainActionOptions<S, A>,
  handler: Handler<S, A, void>,
): (formData: FormData) => Promise<void> {
  return async (formData) => {
    const viewer = await viewerFor(options, formData);
    const parsed = parseForm(options.schema, options.input, formData);
    if (!parsed.success) {
      if (options.invalid) options.invalid(parsed.error, formData);
      showNoAccess();
    }
    try {
      await handler(parsed.data, { viewer, formData, values: {} });
    } catch (error) {
      if (error instanceof NotAllowed) showNoAccess();
      if (error instanceof ShownError && options.shown) options.shown(error, formData);
      throw error;
    }
  };
}
