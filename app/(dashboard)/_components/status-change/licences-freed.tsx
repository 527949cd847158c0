import { useId } from "react";
import type { Person } from "@/lib/client/people";

interface LicenceCount {
  label: string;
  count: number;
}

/** Licences a deactivation frees, by type, most first. People whose licence is unknown are left out. */
export function countLicences(people: Person[]): LicenceCount[] {
  const counts = new Map<string, number>();
  for (const person of people) {
    if (person.licenseTypeLabel === undefined) continue;
    const label = person.licenseTypeLabel ?? person.licenseType ?? "No licence type";
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** "Licences freed: Plan 3, Review 2" — what the organisation gets back from a deactivation. */
export function LicencesFreed({ licences }: { licences: LicenceCount[] }) {
  const labelId = useId();
  if (licences.length === 0) return null;
  return (
    <div className="text-sm">
      <p id={labelId} className="font-medium">
        Licences freed
      </p>
      <ul aria-labelledby={labelId} className="mt-1 flex flex-wrap gap-2">
        {licences.map(({ label, count }) => (
          <li key={label} className="rounded-md border px-2 py-0.5">
            {label}: <span className="font-medium tabular-nums">{count.toLocaleString("en")}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
