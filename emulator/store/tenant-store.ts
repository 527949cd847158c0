import { OBJECT_DEFS, type ObjectDef } from "../model/schema";
import {
  WORK_OBJ_CODES,
  type ObjCode,
  type Row,
  type TenantData,
  type UserRecord,
  type WorkObjCode,
} from "../model/types";

export interface Table {
  def: ObjectDef;
  rows: readonly Row[];
  index: ReadonlyMap<string, number>;
}

interface Journal {
  /** "USER:<row position>" → the row as it was before this journal first touched it. */
  before: Map<string, { objCode: ObjCode; i: number; row: Row }>;
  writes: number;
}

/**
 * The live tenant. USER rows and the person fields of work objects change; every change goes
 * through `updateUser` or `updateRow` so that
 * per-field versions (which invalidate cached sort orders and lower-cased columns) and the
 * rollback journal of atomic operations stay right.
 */
export class TenantStore {
  readonly data: TenantData;
  readonly tables: Readonly<Record<ObjCode, Table>>;
  /** Cached derived data (sort orders, lower-cased columns), validated by a version token. */
  private readonly memo = new Map<string, { token: string; value: unknown }>();
  private readonly fieldVersions = new Map<string, number>();
  private readonly usernames = new Map<string, number>();
  private readonly journals: Journal[] = [];
  private anyWrite = 0;

  constructor(
    data: TenantData,
    private readonly onCommittedWrites: (count: number) => void = () => {},
  ) {
    this.data = data;
    const table = (objCode: ObjCode, rows: Row[]): Table => ({
      def: OBJECT_DEFS[objCode],
      rows,
      index: new Map(rows.map((row, i) => [String(row.ID), i])),
    });
    const work = Object.fromEntries(
      WORK_OBJ_CODES.map((code) => [code, table(code, data.work?.[code] ?? [])]),
    ) as Record<WorkObjCode, Table>;
    this.tables = {
      USER: table("USER", data.users),
      CUST: table("CUST", [data.customer]),
      ACSLVL: table("ACSLVL", data.accessLevels),
      GROUP: table("GROUP", data.groups),
      CMPY: table("CMPY", data.companies),
      ...work,
    };
    data.users.forEach((user, i) => this.usernames.set(user.username, i));
  }

  find(objCode: ObjCode, id: string): Row | undefined {
    const table = this.tables[objCode];
    const i = table.index.get(id);
    return i === undefined ? undefined : table.rows[i];
  }

  user(id: string): UserRecord | undefined {
    const i = this.tables.USER.index.get(id);
    return i === undefined ? undefined : this.data.users[i];
  }

  userByUsername(username: string): UserRecord | undefined {
    const i = this.usernames.get(username);
    return i === undefined ? undefined : this.data.users[i];
  }

  /** Applies a patch that the caller has already validated. */
  updateUser(id: string, patch: Partial<UserRecord>): UserRecord {
    const i = this.tables.USER.index.get(id);
    const user = i === undefined ? undefined : this.data.users[i];
    if (i === undefined || !user) throw new Error(`updateUser: no user ${id}`);
    const journal = this.journals[this.journals.length - 1];
    if (journal && !journal.before.has(`USER:${i}`))
      journal.before.set(`USER:${i}`, { objCode: "USER", i, row: { ...user } });
    if (patch.username !== undefined && patch.username !== user.username) {
      this.usernames.delete(user.username);
      this.usernames.set(patch.username, i);
    }
    Object.assign(user, patch);
    for (const field of Object.keys(patch)) this.bump(`USER.${field}`);
    if (journal) journal.writes++;
    else this.onCommittedWrites(1);
    return user;
  }

  /** Applies a validated patch to a work object (a reassignment); journalled like a user edit. */
  updateRow(objCode: WorkObjCode, id: string, patch: Row): Row {
    const table = this.tables[objCode];
    const i = table.index.get(id);
    const row = i === undefined ? undefined : (table.rows[i] as Row | undefined);
    if (i === undefined || !row) throw new Error(`updateRow: no ${objCode} ${id}`);
    const journal = this.journals[this.journals.length - 1];
    const key = `${objCode}:${i}`;
    if (journal && !journal.before.has(key)) journal.before.set(key, { objCode, i, row: { ...row } });
    Object.assign(row, patch);
    for (const field of Object.keys(patch)) this.bump(`${objCode}.${field}`);
    if (journal) journal.writes++;
    else this.onCommittedWrites(1);
    return row;
  }

  /** Starts an all-or-nothing unit (atomic bulk edit or atomic batch); units nest. */
  begin(): void {
    this.journals.push({ before: new Map(), writes: 0 });
  }

  commit(): void {
    const journal = this.journals.pop();
    if (!journal) throw new Error("commit() without begin()");
    const parent = this.journals[this.journals.length - 1];
    if (!parent) {
      if (journal.writes > 0) this.onCommittedWrites(journal.writes);
      return;
    }
    for (const [i, before] of journal.before) if (!parent.before.has(i)) parent.before.set(i, before);
    parent.writes += journal.writes;
  }

  rollback(): void {
    const journal = this.journals.pop();
    if (!journal) throw new Error("rollback() without begin()");
    for (const { objCode, i, row: before } of journal.before.values()) {
      const row = this.tables[objCode].rows[i] as Row | undefined;
      if (!row) continue;
      if (objCode === "USER") this.usernames.delete(String(row.username));
      Object.assign(row, before);
      if (objCode === "USER") this.usernames.set(String(row.username), i);
      for (const field of Object.keys(before)) this.bump(`${objCode}.${field}`);
    }
  }

  /** A token that changes whenever any of the named fields (or, with "*", any field) changes. */
  versionToken(objCode: ObjCode, fields: readonly string[]): string {
    if (objCode === "CUST" || objCode === "ACSLVL" || objCode === "GROUP" || objCode === "CMPY")
      return "static";
    if (fields.includes("*")) return `any:${this.anyWrite}`;
    return fields.map((field) => this.fieldVersions.get(`${objCode}.${field}`) ?? 0).join(",");
  }

  /** Returns the cached value for `key` while `token` is unchanged, otherwise rebuilds it. */
  cached<T>(key: string, token: string, build: () => T): T {
    const hit = this.memo.get(key);
    if (hit && hit.token === token) return hit.value as T;
    const value = build();
    // Each sort order of 100,000 rows holds ~1 MB; odd one-off sorts should not pile up.
    if (this.memo.size >= 64) this.memo.clear();
    this.memo.set(key, { token, value });
    return value;
  }

  private bump(key: string): void {
    this.fieldVersions.set(key, (this.fieldVersions.get(key) ?? 0) + 1);
    this.anyWrite++;
  }
}
