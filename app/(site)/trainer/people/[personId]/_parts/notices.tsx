// What the trainer just did to this person (recorded an assisted completion, moved intake), said once.
import type { PersonView } from "./types";

export function PersonNotices({ person, recorded, certificateIssued, moved }: { person: PersonView; recorded: string | undefined; certificateIssued: boolean; moved: boolean }) {
  return (
    <>
    {recorded ? (
      <div className="notice notice--success" role="status">
        <p>
          Recorded: {person.name} completed {recorded} on paper (assisted).
          {certificateIssued ? " That completes their training: their certificate has been issued." : ""}
        </p>
      </div>
    ) : null}
    {moved ? (
      <div className="notice notice--success" role="status">
        <p>{person.intakeName ? `${person.name} is now in the intake “${person.intakeName}”.` : `${person.name} is no longer in an intake.`}</p>
      </div>
    ) : null}
    </>
  );
}
