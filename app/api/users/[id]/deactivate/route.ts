import { statusChangeHandler } from "../status-change-route";

export const dynamic = "force-dynamic";

/** POST /api/users/{id}/deactivate {"reason": "…", "ticket": "…"} */
export const POST = statusChangeHandler("deactivate");
