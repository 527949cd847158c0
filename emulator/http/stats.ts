import { FAULT_KINDS, type FaultKind } from "../config";

export interface StatsSnapshot {
  /** API requests received (control requests excluded), whatever became of them. */
  total: number;
  /** Per route, e.g. "GET USER/search", "PUT USER/:id", "POST batch". */
  byRoute: Record<string, number>;
  inFlight: number;
  /** Most requests admitted at once (throttled ones never count). */
  peakInFlight: number;
  throttled: number;
  faults: Record<FaultKind, number>;
  /** USER rows actually changed and committed (a no-op update or a rolled-back one is not a write). */
  writes: number;
  /** Extra: the calls inside /batch requests, by the same route keys. */
  batchedByRoute: Record<string, number>;
  /** Extra: requests refused with 414 for a URI over 8892 bytes. */
  uriTooLong: number;
  /** Objects written that the cost model charged for (each costs `perObjectCostMs`), whatever the cost was. */
  objectsCharged: number;
  /** Rows read that the cost model charged for (each costs `perRowCostMs`, by default `perObjectCostMs`). */
  rowsCharged: number;
}

const zeroFaults = (): Record<FaultKind, number> =>
  Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>;

/** Counters behind GET /__emulator/stats. */
export class Stats {
  total = 0;
  inFlight = 0;
  peakInFlight = 0;
  throttled = 0;
  writes = 0;
  uriTooLong = 0;
  objectsCharged = 0;
  rowsCharged = 0;
  faults = zeroFaults();
  private byRoute = new Map<string, number>();
  private batchedByRoute = new Map<string, number>();

  countRoute(key: string): void {
    this.byRoute.set(key, (this.byRoute.get(key) ?? 0) + 1);
  }

  countBatched(key: string): void {
    this.batchedByRoute.set(key, (this.batchedByRoute.get(key) ?? 0) + 1);
  }

  /** Returns a release function that is safe to call more than once. */
  admit(): () => void {
    this.inFlight++;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight--;
    };
  }

  /** Zeroes every counter; requests still in flight stay counted as in flight. */
  reset(): void {
    this.total = 0;
    this.throttled = 0;
    this.writes = 0;
    this.uriTooLong = 0;
    this.objectsCharged = 0;
    this.rowsCharged = 0;
    this.peakInFlight = this.inFlight;
    this.faults = zeroFaults();
    this.byRoute.clear();
    this.batchedByRoute.clear();
  }

  snapshot(): StatsSnapshot {
    return {
      total: this.total,
      byRoute: Object.fromEntries(this.byRoute),
      inFlight: this.inFlight,
      peakInFlight: this.peakInFlight,
      throttled: this.throttled,
      faults: { ...this.faults },
      writes: this.writes,
      batchedByRoute: Object.fromEntries(this.batchedByRoute),
      uriTooLong: this.uriTooLong,
      objectsCharged: this.objectsCharged,
      rowsCharged: this.rowsCharged,
    };
  }
}
