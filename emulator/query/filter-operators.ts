import { tenantDay } from "../core/wf-date";
import type { FieldValue } from "../model/types";
import type { Column } from "./columns";

/**
 * The `_Mod` operators (workfront-api-constants `Operators`). Each factory gets the column and the
 * already-typed arguments and returns a row test. Semantics follow the constants' comments:
 * `ne` also matches null while `nee` does not, `startswith` ignores case, dates compare by
 * whole tenant day for equality unless the operator is `exacttime`.
 */
export interface OperatorArgs {
  /** Typed values: booleans, epoch ms for dates, strings otherwise. */
  values: FieldValue[];
  /** The same values as text, for the string operators. */
  texts: string[];
  range: FieldValue | undefined;
  rangeText: string | undefined;
}

export type RowTest = (i: number) => boolean;
type Factory = (col: Column, args: OperatorArgs) => RowTest;

export function compareValues(a: FieldValue, b: FieldValue): number {
  if (a === b) return 0;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function equalityTest(col: Column, values: FieldValue[], exact: boolean): (v: FieldValue) => boolean {
  if (col.path.field.kind === "dateTime" && !exact) {
    const days = new Set(values.map((v) => (typeof v === "number" ? tenantDay(v) : NaN)));
    return (v) => typeof v === "number" && days.has(tenantDay(v));
  }
  const set = new Set(values);
  return (v) => v !== null && set.has(v);
}

const likeRegex = (pattern: string): RegExp =>
  new RegExp(
    `^${pattern
      .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
      .replace(/%/g, ".*")
      .replace(/_/g, ".")}$`,
    "s",
  );

const lowerAll = (texts: string[]): string[] => texts.map((t) => t.toLowerCase());

function between(col: Column, args: OperatorArgs, ci: boolean): (i: number) => boolean | null {
  if (ci) {
    const lo = (args.texts[0] ?? "").toLowerCase();
    const hi = (args.rangeText ?? "").toLowerCase();
    return (i) => {
      const s = col.lower(i);
      return s === null ? null : s >= lo && s <= hi;
    };
  }
  const lo = args.values[0] ?? null;
  const hi = args.range ?? null;
  return (i) => {
    const v = col.value(i);
    return v === null ? null : compareValues(v, lo) >= 0 && compareValues(v, hi) <= 0;
  };
}

function ordered(test: (c: number) => boolean): Factory {
  return (col, args) => {
    const arg = args.values[0] ?? null;
    return (i) => {
      const v = col.value(i);
      return v !== null && arg !== null && test(compareValues(v, arg));
    };
  };
}

function containsAny(col: Column, args: OperatorArgs): (i: number) => { any: boolean; all: boolean } | null {
  const needles = lowerAll(args.texts);
  return (i) => {
    const s = col.lower(i);
    if (s === null) return null;
    const hits = needles.filter((n) => s.includes(n)).length;
    return { any: hits > 0, all: hits === needles.length };
  };
}

export const OPERATORS: Record<string, Factory> = {
  eq: (col, args) => {
    const eq = equalityTest(col, args.values, false);
    return (i) => eq(col.value(i));
  },
  exacttime: (col, args) => {
    const eq = equalityTest(col, args.values, true);
    return (i) => eq(col.value(i));
  },
  in: (col, args) => OPERATORS.eq!(col, args),
  ne: (col, args) => {
    const eq = equalityTest(col, args.values, false);
    return (i) => !eq(col.value(i));
  },
  notin: (col, args) => OPERATORS.ne!(col, args),
  nee: (col, args) => {
    const eq = equalityTest(col, args.values, false);
    return (i) => {
      const v = col.value(i);
      return v !== null && !eq(v);
    };
  },
  cieq: (col, args) => {
    const set = new Set(lowerAll(args.texts));
    return (i) => {
      const s = col.lower(i);
      return s !== null && set.has(s);
    };
  },
  ciin: (col, args) => OPERATORS.cieq!(col, args),
  cine: (col, args) => {
    const set = new Set(lowerAll(args.texts));
    return (i) => {
      const s = col.lower(i);
      return s === null || !set.has(s);
    };
  },
  cinotin: (col, args) => OPERATORS.cine!(col, args),
  contains: (col, args) => {
    const needle = args.texts[0] ?? "";
    return (i) => col.text(i)?.includes(needle) ?? false;
  },
  notcontains: (col, args) => {
    const needle = args.texts[0] ?? "";
    return (i) => !(col.text(i)?.includes(needle) ?? false);
  },
  cicontains: (col, args) => {
    const needle = (args.texts[0] ?? "").toLowerCase();
    return (i) => col.lower(i)?.includes(needle) ?? false;
  },
  cinotcontains: (col, args) => {
    const needle = (args.texts[0] ?? "").toLowerCase();
    return (i) => !(col.lower(i)?.includes(needle) ?? false);
  },
  cicontainsany: (col, args) => {
    const test = containsAny(col, args);
    return (i) => test(i)?.any ?? false;
  },
  cicontainsall: (col, args) => {
    const test = containsAny(col, args);
    return (i) => test(i)?.all ?? false;
  },
  cinotcontainsany: (col, args) => {
    const test = containsAny(col, args);
    return (i) => !(test(i)?.any ?? false);
  },
  cinotcontainsall: (col, args) => {
    const test = containsAny(col, args);
    return (i) => !(test(i)?.all ?? false);
  },
  startswith: (col, args) => {
    const prefix = (args.texts[0] ?? "").toLowerCase();
    return (i) => col.lower(i)?.startsWith(prefix) ?? false;
  },
  like: (col, args) => {
    const regex = likeRegex(args.texts[0] ?? "");
    return (i) => {
      const s = col.text(i);
      return s !== null && regex.test(s);
    };
  },
  cilike: (col, args) => {
    const regex = likeRegex((args.texts[0] ?? "").toLowerCase());
    return (i) => {
      const s = col.lower(i);
      return s !== null && regex.test(s);
    };
  },
  isnull: (col) => (i) => col.value(i) === null,
  notnull: (col) => (i) => col.value(i) !== null,
  isblank: (col) => (i) => {
    const v = col.value(i);
    return v === null || v === "";
  },
  notblank: (col) => (i) => {
    const v = col.value(i);
    return v !== null && v !== "";
  },
  lt: ordered((c) => c < 0),
  lte: ordered((c) => c <= 0),
  gt: ordered((c) => c > 0),
  gte: ordered((c) => c >= 0),
  between: (col, args) => {
    const test = between(col, args, false);
    return (i) => test(i) === true;
  },
  cibetween: (col, args) => {
    const test = between(col, args, true);
    return (i) => test(i) === true;
  },
  notbetween: (col, args) => {
    const test = between(col, args, false);
    return (i) => test(i) === false;
  },
  cinotbetween: (col, args) => {
    const test = between(col, args, true);
    return (i) => test(i) === false;
  },
};

/** Operators whose meaning needs a `_Range` upper bound. */
export const RANGE_OPERATORS = new Set(["between", "cibetween", "notbetween", "cinotbetween"]);
/** Operators that ignore the value (but, as in Workfront, still need `field=` present). */
export const VALUELESS_OPERATORS = new Set(["isnull", "notnull", "isblank", "notblank"]);
