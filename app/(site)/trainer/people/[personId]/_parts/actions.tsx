// What a trainer can do about this person: support a carer (a supported session, a paper workbook:
// issue 16), record an assisted completion, download their data,
// see their audit entries, deactivate or reactivate them, and move them to another intake.
import { Link } from "@/app/_components/links/link";
import type { intakesOf } from "@/lib/trainer/intakes";
import { ActiveToggle } from "../../../active-toggle";
import { moveToIntakeFormAction } from "../../../actions";
import { startSupportedSessionAction } from "../../../../support/actions";
import type { PersonView, TrainerHref } from "./types";

type Intakes = Awaited<ReturnType<typeof intakesOf>>;

export function PersonActions({
  person,
  isViewer,
  modulesLeft: remaining,
  intakes,
  href,
  officer,
}: {
  person: PersonView;
  isViewer: boolean;
  modulesLeft: number;
  intakes: Intakes;
  href: TrainerHref;
  /** The viewer is an officer of the scheme (a trainer, not an admin), who may support its carers. */
  officer: boolean;
}) {
  return (
    <>
    {officer && person.active && person.role === "carer" ? (
      <>
        <h2>Support {person.name}</h2>
        <p>
          For carers who find the course hard to do on their own: do it together on this device, or on paper. Either way they choose the answers
          and the server scores them as an online quiz; it is recorded as done with you.
        </p>
        <form action={startSupportedSessionAction}>
          <input type="hidden" name="personId" value={person.id} />
          <button type="submit" className="button button--secondary">
            Start a supported session with {person.name}
          </button>
        </form>
        <p>
          <Link href={`/support/${person.id}`}>
            Print a paper workbook for {person.name}, or see their workbooks
          </Link>
        </p>
      </>
    ) : null}
    <h2>Actions</h2>
    <ul>
      {person.active && remaining > 0 ? (
        <li>
          <Link href={href(`/trainer/people/${person.id}/assisted`)}>Record a module they completed on paper with their officer (assisted completion)</Link>
        </li>
      ) : null}
      <li>
        <a href={`/trainer/people/${person.id}/data`} download>
          Download all the data held about {person.name} (for a subject access request, JSON file)
        </a>
      </li>
      <li>
        <Link href={href("/trainer/audit", { person: person.id })}>See every audit entry about {person.name}</Link>
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
