import { otherMethods } from "@/lib/http/methods";
import { statusChangeHandler } from "../status-change-route";

export const dynamic = "force-dynamic";

/** POST /api/users/{id}/reactivate {"reason": "…", "ticket": "…"} */
export const POST = statusChangeHandler("reactivate");

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
