// What "My training" reads, in a few statements whatever the length of someone's history: the
// person with every certificate (and its content version's retraining mark), then the completions
// of the one cycle the page shows (and, only while a module is not yet completed, which quizzes
// were started), and the pages they have read. On a remote database each statement
// is a round trip, so the page is built for few. The statements are prepared once per connection
// (db/prepared.ts).
import { and, desc, eq, sql } from "drizzle-orm";
import { type DbOrTx, reader } from "../client";
import { prepared } from "../prepared";
import { certificates, moduleCompletions, pageReads, people, quizAttempts, retrainVersions } from "../tables";

function prepare(db: DbOrTx) {
  const personId = sql.placeholder("personId");
  const cycle = sql.placeholder("cycle");
  return {
    history: db
      // Only the columns the page uses: mapping whole rows (the modules' JSON, every timestamp)
      // cost more than the query.
      .select({
        person: { id: people.id, name: people.name, schemeId: people.schemeId },
        certificate: {
          id: certificates.id,
          code: certificates.code,
          cycle: certificates.cycle,
          issuedOn: certificates.issuedOn,
          expiresOn: certificates.expiresOn,
          contentVersion: certificates.contentVersion,
          revokedAt: certificates.revokedAt,
          supersededAt: certificates.supersededAt,
        },
        retrainMarkedAt: retrainVersions.markedAt,
      })
      .from(people)
      .leftJoin(certificates, eq(certificates.personId, people.id))
      .leftJoin(retrainVersions, eq(retrainVersions.contentVersion, certificates.contentVersion))
      .where(eq(people.id, personId))
      .orderBy(desc(certificates.issuedOn), desc(certificates.id))
      .prepare(),
    completions: db
      .select()
      .from(moduleCompletions)
      .where(and(eq(moduleCompletions.personId, personId), eq(moduleCompletions.cycle, cycle)))
      .prepare(),
    attempted: db
      .selectDistinct({ moduleSlug: quizAttempts.moduleSlug })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.personId, personId), eq(quizAttempts.cycle, cycle)))
      .prepare(),
    reads: db
      .select({ moduleSlug: pageReads.moduleSlug, pageSlug: pageReads.pageSlug, lastReadAt: pageReads.lastReadAt })
      .from(pageReads)
      .where(eq(pageReads.personId, personId))
      .prepare(),
  };
}

function statements(db: DbOrTx) {
  return prepared(db, "my_training", prepare);
}

/**
 * The person, all their certificates (newest first) and the retraining marks of those
 * certificates' content versions; undefined if there is no such person.
 */
export async function personWithCertificates(personId: number, db: DbOrTx = reader()) {
  const rows = await statements(db).history.execute({ personId });
  const first = rows[0];
  if (!first) return undefined;
  const list: NonNullable<(typeof rows)[number]["certificate"]>[] = [];
  const retrainMarks = new Map<string, Date>();
  for (const r of rows) {
    if (!r.certificate) continue;
    list.push(r.certificate);
    if (r.retrainMarkedAt) retrainMarks.set(r.certificate.contentVersion, r.retrainMarkedAt);
  }
  return { person: first.person, certificates: list, retrainMarks };
}

/** One cycle's completions. */
export async function completionsOfCycle(personId: number, cycle: number, db: DbOrTx = reader()) {
  return await statements(db).completions.execute({ personId, cycle });
}

/** The modules with a quiz attempt in one cycle. */
export async function modulesAttemptedInCycle(personId: number, cycle: number, db: DbOrTx = reader()): Promise<Set<string>> {
  return new Set((await statements(db).attempted.execute({ personId, cycle })).map((r) => r.moduleSlug));
}

/** Every page the person has read. */
export async function pageReadsOf(personId: number, db: DbOrTx = reader()) {
  return await statements(db).reads.execute({ personId });
}
