import type { WorkfrontUser } from "@/lib/workfront";
import type { TenantFacts } from "./tenant-facts";
import type { ProtectionCode, UserProtection } from "./user-dto";

/** Why a user may never be deactivated from this dashboard, whoever asks. */
const reasons: Record<ProtectionCode, string> = {
  main_admin: "This is the Workfront tenant's main administrator (Customer Info › Admin Email); Workfront never allows deactivating it.",
  integration_user: "This is the Workfront user whose credential the dashboard uses; deactivating it would cut the dashboard off.",
  // Worded for HR, as the dialog says it (the catalogues' users.protection.configured): no variable names.
  configured: "This account is on the dashboard's list of protected accounts, kept by whoever runs the dashboard or by an admin in Settings.",
};

export function protectionOf(
  user: Pick<WorkfrontUser, "id" | "email" | "username">,
  facts: Pick<TenantFacts, "integrationUserId" | "mainAdminId">,
  configured: readonly string[],
): UserProtection | null {
  const code: ProtectionCode | null =
    user.id === facts.mainAdminId
      ? "main_admin"
      : user.id === facts.integrationUserId
        ? "integration_user"
        : [user.id, user.email?.toLowerCase(), user.username?.toLowerCase()].some(
              (key) => key !== undefined && key !== null && configured.includes(key),
            )
          ? "configured"
          : null;
  return code ? { code, reason: reasons[code] } : null;
}
