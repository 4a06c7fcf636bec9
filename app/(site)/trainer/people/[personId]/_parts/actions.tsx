// What a trainer can do about this person: record an assisted completion, download their data,
// see their audit entries, deactivate or reactivate them, and move them to another intake.
import Link from "next/link";
import type { intakesOf } from "@/lib/trainer/intakes";
import { ActiveToggle } from "../../../active-toggle";
import { moveToIntakeFormAction } from "../../../actions";
import type { PersonView, TrainerHref } from "./types";

type Intakes = Awaited<ReturnType<typeof intakesOf>>;

export function PersonActions({ person, isViewer, modulesLeft: remaining, intakes, href }: { person: PersonView; isViewer: boolean; modulesLeft: number; intakes: Intakes; href: TrainerHref }) {
  return (
    <>
    <h2>Actions</h2>
    <ul>
      {person.active && remaining > 0 ? (
        <li>
          <Link prefetch={false} href={href(`/trainer/people/${person.id}/assisted`)}>Record a module they completed on paper with their officer (assisted completion)</Link>
        </li>
      ) : null}
      <li>
        <a href={`/trainer/people/${person.id}/data`} download>
          Download all the data held about {person.name} (for a subject access request, JSON file)
        </a>
      </li>
      <li>
        <Link prefetch={false} href={href("/trainer/audit", { person: person.id })}>See every audit entry about {person.name}</Link>
      </li>
    </ul>
    {!isViewer && !person.anonymisedAt ? (
      <>
        <h3>{person.active ? "When someone leaves" : "Account"}</h3>
        <p>
          {person.active
            ? "Deactivating someone signs them out at once and stops them signing in. Their training records are kept."
            : "They cannot sign in. Reactivating lets them sign in again."}
        </p>
        <ActiveToggle personId={person.id} name={person.name} active={person.active} />
      </>
    ) : null}
    {intakes.length ? (
      <form action={moveToIntakeFormAction}>
        <input type="hidden" name="personId" value={person.id} />
        <div className="form-group">
          <label htmlFor="intakeId">Intake</label>
          <select id="intakeId" name="intakeId" defaultValue={person.intakeId === null ? "" : String(person.intakeId)}>
            <option value="">No intake</option>
            {intakes.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          Change intake
        </button>
      </form>
    ) : null}
    </>
  );
}
