import type { Metadata } from "next";
import { can } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { appConnectionStatus } from "@/lib/connection/http";
import { WorkfrontSettings } from "./_components/workfront-settings";

export const metadata: Metadata = { title: "Settings · wf-offboard" };
export const dynamic = "force-dynamic";

/** Admins only: the Workfront connection. Everyone else is told why they cannot see it. */
export default async function SettingsPage() {
  // Checked here too: the layout is not re-run when the client navigates between pages.
  const user = await requirePageUser();
  if (!can(user.role, "manageSettings")) {
    return (
      <div className="max-w-2xl space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p role="alert" className="text-sm">
          Only the admin role may see and change settings (403). Ask an admin if the Workfront connection needs attention.
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-3xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="text-sm text-muted-foreground">
          How this dashboard reaches Workfront. The credential stays on the server, encrypted; this page only ever shows its last four characters.
        </p>
      </div>
      <WorkfrontSettings initialStatus={await appConnectionStatus()} />
    </div>
  );
}
