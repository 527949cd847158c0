import { z } from "zod";
import { WorkfrontError } from "./errors";

export interface LicenseTypeOption {
  value: string;
  label: string;
}

/**
 * `GET /user/metadata` describes every USER field, and tenants differ in what they list. Only the
 * part the app uses is read: `licenseType`'s `possibleValues`, whose labels the tenant may rename.
 * Everything else is left unread, so an unusual field cannot break the app: Workfront's enums have
 * string values for some fields and integer values for others (`defaultInterface` is 0, 1, 2 … in
 * the official client's fixtures/metadata.json), and a value of either type is accepted here.
 */
const possibleValueSchema = z.object({ label: z.string(), value: z.union([z.string(), z.number()]) }).loose();

const userMetadataSchema = z
  .object({
    fields: z
      .object({
        licenseType: z.object({ possibleValues: z.array(z.unknown()).nullish() }).loose().nullish(),
      })
      .loose(),
  })
  .loose();

export function readLicenseTypes(data: unknown): LicenseTypeOption[] {
  const metadata = userMetadataSchema.safeParse(data);
  if (!metadata.success) throw new WorkfrontError("unavailable", "Workfront's answer was not valid USER metadata");
  // One odd entry costs its own label, not the page: unreadable entries are skipped.
  return (metadata.data.fields.licenseType?.possibleValues ?? []).flatMap((entry) => {
    const option = possibleValueSchema.safeParse(entry);
    return option.success ? [{ value: String(option.data.value), label: option.data.label }] : [];
  });
}
