import { DomainError } from '../errors/domain.error';

export class WorkQueueFullError extends DomainError {
  constructor(what: string, retryAfterSeconds: number) {
    super('SERVER_BUSY', `Too many ${what} are being computed on this instance; retry in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

export interface BoundedWorkQueueOptions {
  /** Tasks run at once. */
  concurrency: number;
  /** Tasks that may wait for a free slot; one more is refused with {@link WorkQueueFullError}. */
  capacity: number;
  /** What the tasks are, for the refusal's message ("uncached recommendations"). */
  what: string;
}

/** Retry-After is an estimate from recent task durations, kept within these bounds (seconds). */
const MIN_RETRY_S = 1;
const MAX_RETRY_S = 60;
/** Duration assumed before the first task has finished. */
const INITIAL_ESTIMATE_MS = 1_000;

/**
 * Runs expensive tasks a few at a time with a bounded waiting line: past it, a task is refused at once (503 with
 * Retry-After) instead of joining a queue whose latency grows without bound. Per process; plain TypeScript.
 */
export class BoundedWorkQueue {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private averageMs = INITIAL_ESTIMATE_MS;

  constructor(private readonly options: BoundedWorkQueueOptions) {}

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.options.concurrency) {
      if (this.waiting.length >= this.options.capacity) throw new WorkQueueFullError(this.options.what, this.retryAfterSeconds());
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    const started = Date.now();
    try {
      return await task();
    } finally {
      // Exponential average: recent durations matter most, one outlier moves it a fifth of the way.
      this.averageMs += (Date.now() - started - this.averageMs) / 5;
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so a newcomer can never overtake the line.
      if (next) next();
      else this.running--;
    }
  }

  /** Seconds until a slot is likely free: the line ahead, spread over the slots, at the recent task duration. */
  private retryAfterSeconds(): number {
    const ahead = this.running + this.waiting.length;
    const seconds = Math.ceil((ahead * this.averageMs) / this.options.concurrency / 1000);
    return Math.min(MAX_RETRY_S, Math.max(MIN_RETRY_S, seconds));
  }
}
