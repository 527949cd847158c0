import { getFormatter, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { GroupLicenceCount } from "@/lib/user-index/licences";

/** Licences in use per home group: one row per group, one cell per licence type. */
export async function LicencesByGroup({ rows, limit }: { rows: (GroupLicenceCount & { label: string })[]; limit: number }) {
  const t = await getTranslations("licences.byGroup");
  const format = await getFormatter();
  const types = [...new Map(rows.map((row) => [row.licenseType, row.label])).entries()];
  const groups = new Map<string, { name: string; counts: Map<string | null, number> }>();
  for (const row of rows) {
    const key = row.groupId ?? "";
    const group = groups.get(key) ?? { name: row.groupName ?? t("noGroup"), counts: new Map() };
    group.counts.set(row.licenseType, row.active);
    groups.set(key, group);
  }
  return (
    <Table id="licences-by-group">
      <TableCaption className="caption-top text-left text-base font-medium text-foreground">
        {t("caption")} <span className="text-sm font-normal text-muted-foreground">{t("limit", { count: limit })}</span>
      </TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">{t("group")}</TableHead>
          {types.map(([code, label]) => (
            <TableHead key={code ?? ""} scope="col" className="text-right">
              {label}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {[...groups].map(([key, group]) => (
          <TableRow key={key}>
            <th scope="row" className="px-3 py-2 text-left font-medium">
              {group.name}
            </th>
            {types.map(([code]) => (
              <TableCell key={code ?? ""} className="text-right tabular-nums">
                {format.number(group.counts.get(code) ?? 0)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
