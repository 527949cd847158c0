import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { otherMethods } from "@/lib/http/methods";

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are built per request so that configuration is read after start-up validation.
async function handler(request: Request, context: Context) {
  return NextAuth(request as never, context as never, authOptions());
}

export { handler as GET, handler as POST };

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
