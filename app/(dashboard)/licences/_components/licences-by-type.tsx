import { getFormatter, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { LicenceTypeCount } from "@/lib/user-index/licences";

/** Active people per licence type: the licences in use. */
export async function LicencesByType({ rows }: { rows: (LicenceTypeCount & { label: string })[] }) {
  const t = await getTranslations("licences.byType");
  const format = await getFormatter();
  const total = rows.reduce((sum, row) => sum + row.active, 0);
  return (
    <Table id="licences-by-type">
      <TableCaption className="caption-top text-left text-base font-medium text-foreground">{t("caption")}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">{t("type")}</TableHead>
          <TableHead scope="col" className="text-right">
            {t("active")}
          </TableHead>
          <TableHead scope="col" className="text-right">
            {t("deactivated")}
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.licenseType ?? ""} data-licence={row.licenseType ?? ""}>
            <th scope="row" className="px-3 py-2 text-left font-medium">
              {row.label}
            </th>
            <TableCell className="text-right tabular-nums" data-testid="active">
              {format.number(row.active)}
            </TableCell>
            <TableCell className="text-right tabular-nums">{format.number(row.deactivated)}</TableCell>
          </TableRow>
        ))}
        <TableRow>
          <th scope="row" className="px-3 py-2 text-left font-medium">
            {t("total")}
          </th>
          <TableCell className="text-right font-medium tabular-nums">{format.number(total)}</TableCell>
          <TableCell />
        </TableRow>
      </TableBody>
    </Table>
  );
}
