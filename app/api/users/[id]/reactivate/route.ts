import { statusChangeHandler } from "../status-change-route";

export const dynamic = "force-dynamic";

/** POST /api/users/{id}/reactivate {"reason": "…", "ticket": "…"} */
export const POST = statusChangeHandler("reactivate");
