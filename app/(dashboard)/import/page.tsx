import type { Metadata } from "next";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { can } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { bulkRules } from "@/lib/jobs/config";
import { ImportView } from "./_components/import-view";

export const metadata: Metadata = { title: "Import a leavers list · wf-offboard" };

/** Import: a leavers list (CSV or pasted) matched on the server, previewed, then run as one job. */
export default async function ImportPage() {
  const user = await requirePageUser();
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Import a leavers list</h1>
        <p className="text-sm text-muted-foreground">
          Upload HR&apos;s CSV or paste e-mails, usernames or Workfront IDs. Each line is matched in Workfront and you see what would happen
          before anything changes.
        </p>
      </div>
      {can(user.role, "runBulkJobs") ? (
        <ImportView role={user.role} rules={bulkRules()} />
      ) : (
        <Alert>
          <AlertTitle>Your role may not deactivate people</AlertTitle>
          <AlertDescription>Ask an administrator for the operator role.</AlertDescription>
        </Alert>
      )}
    </div>
  );
}
