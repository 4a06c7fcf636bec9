// How a module was completed, in one word and in words for a trainer: online on their own, in a
// supported session on an officer's device, on paper with the answers typed in by an officer (both
// scored by the server, issue 16), or by an assisted completion (other evidence, no score). Pure;
// the matrix, the person's record, the certificate and the export all say it this way.

export const COMPLETION_ROUTES = ["online", "supported", "paper", "assisted"] as const;
export type CompletionRoute = (typeof COMPLETION_ROUTES)[number];

export type RouteFacts = {
  assisted: boolean | number | null;
  supportedByPersonId: number | null;
  paperEnteredByPersonId: number | null;
};

/** Assisted completions have no attempt; paper beats supported (a paper attempt is never in a session). */
export function completionRoute(facts: RouteFacts): CompletionRoute {
  if (facts.assisted) return "assisted";
  if (facts.paperEnteredByPersonId !== null) return "paper";
  if (facts.supportedByPersonId !== null) return "supported";
  return "online";
}

/** The officer a route names, if any. */
export function routeOfficerId(facts: RouteFacts): number | null {
  const route = completionRoute(facts);
  return route === "paper" ? facts.paperEnteredByPersonId : route === "supported" ? facts.supportedByPersonId : null;
}

/** A short tag, shown with the words (never alone). Empty for online, which needs no label. */
export const ROUTE_TAG: Record<CompletionRoute, string> = {
  online: "",
  supported: "Supported session",
  paper: "On paper",
  assisted: "Assisted",
};

/** "in a supported session with Olu Officer", "on paper, entered by Olu Officer", "" for online. */
export function routeWords(route: CompletionRoute, officerName: string | null): string {
  const who = officerName ?? "an officer";
  switch (route) {
    case "supported":
      return `in a supported session with ${who}`;
    case "paper":
      return `on paper, entered by ${who}`;
    case "assisted":
      return "assisted (done on paper with a Shared Lives officer, recorded with evidence)";
    default:
      return "";
  }
}

/** The route as a certificate stores it (absent for online and assisted, as on older certificates). */
export function certificateRoute(route: CompletionRoute): "supported" | "paper" | undefined {
  return route === "supported" || route === "paper" ? route : undefined;
}
