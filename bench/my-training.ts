// Times learnerOverview (everything "My training" reads and works out) in this process, for the
// person with the most certificates in the large seeded scheme: a quick look without a build.
// Usage: npm run seed:large (once), then
//   node --conditions=react-server --import tsx --import ./bench/lib/register-mdx.mjs bench/my-training.ts
// (with DATABASE_URL set, on that PostgreSQL database).
process.env.DATABASE_PATH ||= "data/large.db";
import { sqlRow } from "@/db/raw-sql";
import { closeConfiguredDatabase, openConfiguredDatabase } from "@/lib/database";
import { learnerOverview } from "@/lib/training/overview";
import { findPersonById } from "@/db/queries/people";

async function main() {
  const db = await openConfiguredDatabase();
  const { id } = (await sqlRow<{ id: number }>(db, "select person_id as id from certificates group by person_id order by count(*) desc, person_id limit 1"))!;
  const p = (await findPersonById(id))!;
  const viewer = { personId: p.id, name: p.name, email: p.email, role: p.role, schemeId: p.schemeId, sessionId: "x" };
  for (let i = 0; i < 200; i++) await learnerOverview(viewer, p.id);
  const n = 2000;
  const t = performance.now();
  for (let i = 0; i < n; i++) await learnerOverview(viewer, p.id);
  console.log(`learnerOverview: ${(((performance.now() - t) / n) * 1000).toFixed(0)} µs per call (person ${p.id}, ${db.engine})`);
}
void main().then(closeConfiguredDatabase);
