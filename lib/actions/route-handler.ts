import "server-only";
// The one wrapper every route handler goes through (the Auth.js catch-all aside): the same steps as
// safeAction, answered in HTTP because downloads and plain form posts have no form state to show.
//
// - A POST from another site: 403 (server actions have Next's own origin check; handlers do not).
// - Signed out (where a session is needed): 303 to sign in, coming back to `signInReturn`.
// - In a supported session, unless the route says `supportedSession: "allowed"`: 403, saying why.
// - A role not in the list, or NotAllowed from lib/: 403 with `forbidden` as plain text.
// - Route parameters the schema refuses: 404; a query the schema refuses: 400.
// - ShownError: its status and message.
import { z } from "zod";
import type { Role } from "@/db/schema";
import { type InSupportedSession, type Viewer, refusedInSupportedSession } from "../access";
import { getViewer } from "../auth/viewer";
import { NotAllowed, ShownError } from "../errors";
import { isSameOriginPost, plainText, seeOther } from "../form-post";
import type { Access, ViewerFor } from "./safe-action";

/** What a route refused in a supported session says. */
export const SUPPORTED_SESSION_REFUSAL =
  "This is not part of a supported session: a supported session can only read the course and do its quizzes. End the supported session to use this.";

type RawParams = Record<string, string | string[] | undefined>;

export type RouteOptions<A extends Access, P extends z.ZodType, Q extends z.ZodType> = {
  access: A;
  /** "allowed": part of the course, which a supported session may use. Default: refused there. */
  supportedSession?: InSupportedSession;
  /** The route's [segments]; refused ones get 404 with `notFound`. */
  params?: P;
  /** The query string's fields; refused ones get 400. */
  query?: Q;
  /** Where a signed-out visitor comes back to after signing in (from the raw parameters). */
  signInReturn?: (params: RawParams, request: Request) => string | Promise<string>;
  /** What a refused viewer is told. */
  forbidden?: string;
  /** What a refused route parameter is told. */
  notFound?: string;
  /** false: no viewer is loaded (public routes only), so the route needs no session lookup: /health. */
  loadViewer?: A extends "public" ? boolean : true;
};

export type RouteContext<A extends Access, P extends z.ZodType, Q extends z.ZodType> = {
  request: Request;
  viewer: ViewerFor<A>;
  params: z.output<P>;
  query: z.output<Q>;
};

type NextContext = { params: Promise<RawParams> };

const EMPTY = { safeParse: (v: unknown) => ({ success: true as const, data: v }) };

export function routeHandler<A extends Access, P extends z.ZodType = z.ZodType<RawParams>, Q extends z.ZodType = z.ZodType<RawParams>>(
  options: RouteOptions<A, P, Q>,
  handler: (context: RouteContext<A, P, Q>) => Promise<Response> | Response,
): (request: Request, context?: NextContext) => Promise<Response> {
  const forbidden = options.forbidden ?? "You do not have access to this.";
  return async (request, context) => {
    if (request.method !== "GET" && request.method !== "HEAD" && !isSameOriginPost(request.headers)) {
      return plainText(403, "This form must be sent from this site.");
    }
    const rawParams: RawParams = (await context?.params) ?? {};
    const viewer = options.access === "public" && options.loadViewer === false ? null : ((await getViewer()) as Viewer | null);
    if (refusedInSupportedSession(viewer, options.supportedSession)) return plainText(403, SUPPORTED_SESSION_REFUSAL);
    if (options.access !== "public") {
      if (!viewer) {
        const back = options.signInReturn ? await options.signInReturn(rawParams, request) : new URL(request.url).pathname;
        return seeOther(`/sign-in?next=${encodeURIComponent(back)}`);
      }
      if (options.access !== "signed-in" && !(options.access as readonly Role[]).includes(viewer.role)) return plainText(403, forbidden);
    }
    const params = (options.params ?? EMPTY).safeParse(rawParams);
    if (!params.success) return plainText(404, options.notFound ?? "Not found.");
    const query = (options.query ?? EMPTY).safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return plainText(400, "Something in the address is not right. Go back and try again.");
    try {
      return await handler({ request, viewer: viewer as ViewerFor<A>, params: params.data as z.output<P>, query: query.data as z.output<Q> });
    } catch (error) {
      if (error instanceof NotAllowed) return plainText(403, forbidden);
      if (error instanceof ShownError) return plainText(error.status, error.message);
      throw error;
    }
  };
}

/** A positive whole number as a route segment or query value (no leading zeros, signs, decimals or exponents). */
export const idText = z
  .string()
  .regex(/^[1-9]\d{0,14}$/)
  .transform(Number);
