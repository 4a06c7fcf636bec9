// The shapes the person page's parts share: the record as lib/ returns it (awaited, so the same
// types hold when the data layer turns async), the module titles, and a link builder that keeps
// ?scheme for admins.
import type { personRecord } from "@/lib/trainer/person-record";
import type { moduleTitles } from "@/lib/training/complete";

export type PersonRecordView = Awaited<ReturnType<typeof personRecord>>;
export type PersonView = PersonRecordView["person"];
export type ModuleTitleMap = Awaited<ReturnType<typeof moduleTitles>>;
export type TrainerHref = (path: string, query?: Record<string, string | number>) => string;
