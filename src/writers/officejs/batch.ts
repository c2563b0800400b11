/**
 * Queues calls on a request context and syncs only when the next call would push the pending request past the
 * byte limit (Excel on the web rejects requests over 5 MB), so syncs grow with payload only. Every request starts
 * with suspendApiCalculationUntilNextSync: Excel recalculates once per request, not once per call.
 */
import type { ExcelContext } from "./excelSubset";

/** Estimated bytes one call adds to a request besides its arguments (object path, method id). */
export const CALL_BYTES = 200;

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Estimated request bytes of `calls` API calls whose arguments are `args`. */
export function callBytes(args: readonly unknown[], calls = 1): number {
  return calls * CALL_BYTES + utf8Length(JSON.stringify(args));
}

export interface BatchStats {
  syncs: number;
  apiCalls: number;
  largestRequestBytes: number;
  totalRequestBytes: number;
}

export class Batch {
  private pendingBytes = 0;
  private pendingCalls = 0;
  readonly stats: BatchStats = { syncs: 0, apiCalls: 0, largestRequestBytes: 0, totalRequestBytes: 0 };

  constructor(
    private readonly context: ExcelContext,
    readonly limitBytes: number,
    /** Throws when the user has cancelled; checked before every sync. */
    private readonly checkCancelled: () => void,
    /** Awaited after every sync: gives the event loop a turn, so the pane can paint its progress. */
    private readonly afterSync: () => Promise<void> = () => Promise.resolve(),
  ) {}

  get isEmpty(): boolean {
    return this.pendingCalls === 0;
  }

  /** Bytes still free in the pending request. */
  room(): number {
    return this.limitBytes - this.pendingBytes - (this.isEmpty ? CALL_BYTES : 0);
  }

  /** Queue calls of a known size (see callBytes), syncing first if they do not fit. */
  async queueSized(bytes: number, enqueue: () => void, calls = 1): Promise<void> {
    if (bytes > this.limitBytes - CALL_BYTES)
      throw new RangeError(
        `one Excel request would need ${bytes} bytes, over the limit of ${this.limitBytes}`,
      );
    if (bytes > this.room()) await this.flush();
    if (this.isEmpty) {
      this.context.application.suspendApiCalculationUntilNextSync();
      this.count(CALL_BYTES, 1);
    }
    enqueue();
    this.count(bytes, calls);
  }

  queue(args: readonly unknown[], enqueue: () => void, calls = 1): Promise<void> {
    return this.queueSized(callBytes(args, calls), enqueue, calls);
  }

  /** Queue a read (load) that the next sync answers. */
  read(enqueue: () => void, calls = 1): void {
    enqueue();
    this.count(callBytes([], calls), calls);
  }

  async flush({ cancellable = true } = {}): Promise<void> {
    if (this.isEmpty) return;
    if (cancellable) this.checkCancelled();
    const bytes = this.pendingBytes;
    this.pendingBytes = 0;
    this.pendingCalls = 0;
    this.stats.syncs++;
    this.stats.largestRequestBytes = Math.max(this.stats.largestRequestBytes, bytes);
    this.stats.totalRequestBytes += bytes;
    await this.context.sync();
    await this.afterSync();
  }

  private count(bytes: number, calls: number): void {
    this.pendingBytes += bytes;
    this.pendingCalls += calls;
    this.stats.apiCalls += calls;
  }
}
