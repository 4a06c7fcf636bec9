import "server-only";
// "Not found" and "no access" for signed-in pages. Next's notFound() and forbidden() send an empty
// body to browsers without JavaScript when called while a page renders (vercel/next.js#62228), so
// pages redirect to plain pages instead, and proxy.ts gives those pages their 404 / 403 status.
import { redirect } from "next/navigation";
import { NotAllowed } from "./errors";

export const NOT_FOUND_PATH = "/page-not-found";
export const NO_ACCESS_PATH = "/no-access";
/** The "no access" page saying that a supported session reaches only the course. */
export const SUPPORTED_SESSION_NO_ACCESS_PATH = "/no-access?why=supported-session";

export function showNotFound(): never {
  redirect(NOT_FOUND_PATH);
}

export function showNoAccess(): never {
  redirect(NO_ACCESS_PATH);
}

/** For pages: runs a lib/ call, turning NotAllowed into the "no access" page (actions use lib/actions). */
export async function orNoAccessAsync<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof NotAllowed) showNoAccess();
    throw error;
  }
}
