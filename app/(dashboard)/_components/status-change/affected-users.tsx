import type { Person } from "@/lib/client/people";

function PersonSummary({ person }: { person: Person }) {
  return (
    <>
      <span className="block font-medium">{person.name}</span>
      <span className="block break-all text-muted-foreground">{person.email ?? "No e-mail address"}</span>
      {person.licenseTypeLabel === undefined ? null : (
        <span className="block text-muted-foreground">Licence: {person.licenseTypeLabel ?? "none"}</span>
      )}
    </>
  );
}

/**
 * Names everyone a confirmation will change, so nobody confirms the wrong person. `total` is more
 * than `people.length` when only some are named (the undo of a very large job).
 */
export function AffectedUsers({ people, total = people.length }: { people: Person[]; total?: number }) {
  const [only] = people;
  if (total === 1 && only) {
    return (
      <div className="rounded-md border bg-muted/40 p-3 text-sm" aria-label="Affected user" role="group">
        <PersonSummary person={only} />
      </div>
    );
  }
  return (
    // Focusable so keyboard users can scroll a long list.
    <ul aria-label="Affected users" tabIndex={0} className="max-h-56 divide-y overflow-y-auto rounded-md border text-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
      {people.map((person) => (
        <li key={person.id} className="p-3">
          <PersonSummary person={person} />
        </li>
      ))}
      {total > people.length ? (
        <li className="p-3 text-muted-foreground">…and {(total - people.length).toLocaleString("en")} more</li>
      ) : null}
    </ul>
  );
}
