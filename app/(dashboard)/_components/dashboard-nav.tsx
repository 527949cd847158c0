"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { type Permission, type Role, can } from "@/lib/auth/roles";
import { cn } from "@/lib/utils";

/** Each section with the permission it needs: nobody is shown a link to a page that refuses them. */
const links: { href: string; label: "users" | "licences" | "import" | "jobs" | "scheduled" | "audit" | "settings"; permission: Permission }[] = [
  { href: "/users", label: "users", permission: "viewUsers" },
  { href: "/licences", label: "licences", permission: "viewUsers" },
  { href: "/import", label: "import", permission: "runBulkJobs" },
  { href: "/jobs", label: "jobs", permission: "viewAudit" },
  { href: "/scheduled", label: "scheduled", permission: "viewUsers" },
  { href: "/audit", label: "audit", permission: "viewAudit" },
  { href: "/settings", label: "settings", permission: "manageSettings" },
];

/** Client only for `usePathname`: marks the current section for sighted and screen-reader users. */
export function DashboardNav({ role }: { role: Role }) {
  const pathname = usePathname();
  const t = useTranslations("common.nav");
  return (
    <nav aria-label={t("label")} className="order-last w-full sm:order-none sm:w-auto">
      <ul className="-ml-3 flex flex-wrap items-center gap-1 text-sm sm:ml-0">
        {links.filter((link) => can(role, link.permission)).map((link) => {
          const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "rounded-md px-3 py-1.5 font-medium text-muted-foreground transition-colors hover:bg-accent hover:text-foreground",
                  "focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
                  current && "bg-accent text-foreground",
                )}
              >
                {t(link.label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
