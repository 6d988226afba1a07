// Bounded concurrency: a counting semaphore. `run` waits for a free slot,
// runs the task and frees the slot whatever the task does; waiters are served
// in arrival order. A waiter can give up (an AbortSignal) before it starts.
// It is the fair scheduler with every task its own owner: none has used a
// slot yet while it waits, so least attained service is arrival order.

import { FairScheduler } from './fair-scheduler.js';

export class Limiter {
  private readonly scheduler: FairScheduler;

  constructor(readonly slots: number) {
    if (!Number.isInteger(slots) || slots < 1) throw new Error(`a limiter needs at least one slot, not ${slots}`);
    this.scheduler = new FairScheduler(slots);
  }

  /** Tasks running now. */
  get running(): number {
    return this.scheduler.running;
  }

  /** Tasks waiting for a slot. */
  get queued(): number {
    return this.scheduler.queued;
  }

  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.scheduler.run(this.scheduler.account(), () => task(), signal);
  }
}
