"use client";

import { type FormEvent, useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";

/** The file's header did not say which column to read: the person picks it from the header. */
export function ColumnPicker({ message, header, onPick }: { message: string; header: string[]; onPick: (column: string) => void }) {
  const [column, setColumn] = useState("1");
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onPick(column);
  }
  return (
    <form onSubmit={submit} className="space-y-3">
      <Alert>
        <AlertTitle>Which column holds the people?</AlertTitle>
        <AlertDescription>{message}</AlertDescription>
      </Alert>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="import-column" className="text-sm font-medium">
          Column
        </label>
        <NativeSelect id="import-column" value={column} onChange={(event) => setColumn(event.target.value)}>
          {header.map((name, index) => (
            // By number: two columns may share a name, or have none.
            <option key={index} value={String(index + 1)}>
              {name || `Column ${index + 1}`}
            </option>
          ))}
        </NativeSelect>
        <Button type="submit" size="sm">
          Check again with this column
        </Button>
      </div>
    </form>
  );
}
