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

/**
 * Queueing a big sheet's calls takes longer than a frame: after this many calls, or this many bytes, queued since
 * the last turn of the event loop, the batch gives it another (without a sync), so the pane paints and answers.
 */
export const SLICE_CALLS = 250;
export const SLICE_BYTES = 250_000;

/**
 * A turn of the event loop that lets the browser paint and handle input: scheduler.yield where there is one (it
 * resumes ahead of other tasks), else a message to a channel of our own, else a timer (browsers make nested
 * timers wait 4 ms, which a long run of slices would add up).
 */
export function eventLoopTurn(): Promise<void> {
  const { scheduler } = globalThis as { scheduler?: { yield?: () => Promise<void> } };
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  if (typeof MessageChannel === "function")
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  return new Promise((resolve) => setTimeout(resolve, 0));
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
  private sliceCalls = 0;
  private sliceBytes = 0;
  readonly stats: BatchStats = { syncs: 0, apiCalls: 0, largestRequestBytes: 0, totalRequestBytes: 0 };

  constructor(
    private readonly context: ExcelContext,
    readonly limitBytes: number,
    /** Throws when the user has cancelled; checked before every sync. */
    private readonly checkCancelled: () => void,
    /** Awaited after every sync: gives the event loop a turn, so the pane can paint its progress. */
    private readonly afterSync: () => Promise<void> = () => Promise.resolve(),
    /** Awaited between slices of queued calls (SLICE_CALLS, SLICE_BYTES) that no sync separates. */
    private readonly betweenSlices: () => Promise<void> = () => Promise.resolve(),
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
    this.sliceCalls += calls;
    this.sliceBytes += bytes;
    if (this.sliceCalls >= SLICE_CALLS || this.sliceBytes >= SLICE_BYTES) {
      this.endSlice();
      await this.betweenSlices();
    }
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
    this.endSlice();
    await this.afterSync();
  }

  private endSlice(): void {
    this.sliceCalls = 0;
    this.sliceBytes = 0;
  }

  private count(bytes: number, calls: number): void {
    this.pendingBytes += bytes;
    this.pendingCalls += calls;
    this.stats.apiCalls += calls;
  }
}
