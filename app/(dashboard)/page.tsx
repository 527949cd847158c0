import { redirect } from "next/navigation";

/** The dashboard starts at the users list. */
export default function DashboardHome() {
  redirect("/users");
}
