import { z } from "zod";
import { LOCALES } from "./locales";

/** The body of POST /api/preferences/locale (the language switch). */
export const localeBodySchema = z.object({ locale: z.enum(LOCALES) }).strict();
