import type { UserDto } from "@/lib/offboarding/user-dto";

function UserSummary({ user }: { user: UserDto }) {
  return (
    <>
      <span className="block font-medium">{user.name}</span>
      <span className="block break-all text-muted-foreground">{user.email ?? "No e-mail address"}</span>
      <span className="block text-muted-foreground">Licence: {user.licenseTypeLabel ?? "none"}</span>
    </>
  );
}

/** Names everyone a confirmation will change, so nobody confirms the wrong person. */
export function AffectedUsers({ users }: { users: UserDto[] }) {
  const [only] = users;
  if (users.length === 1 && only) {
    return (
      <div className="rounded-md border bg-muted/40 p-3 text-sm" aria-label="Affected user" role="group">
        <UserSummary user={only} />
      </div>
    );
  }
  return (
    // Focusable so keyboard users can scroll a long list.
    <ul aria-label="Affected users" tabIndex={0} className="max-h-56 divide-y overflow-y-auto rounded-md border text-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
      {users.map((user) => (
        <li key={user.id} className="p-3">
          <UserSummary user={user} />
        </li>
      ))}
    </ul>
  );
}
