// Shares a few slots (sandbox processes, cores) between many owners by least
// attained service: a waiting piece of work goes before every other whose
// owner has held a slot for longer so far (ties: the owner that arrived first).
// An owner is one candidate being verified; its pieces are its sandbox calls.
// A fresh candidate therefore overtakes one that has already burned a time
// limit, and an owner that runs long pays with its own waiting, not others'.
// A long piece may give its slot back part-way (`Turn.yield`) when someone
// with less service is waiting.

/** One owner's account: the slot time it has attained, in ms. */
export interface Account {
  readonly order: number;
  usedMs: number;
}

/** The slot a running piece holds. */
export interface Turn {
  /** Whether an owner with at least `marginMs` less service than this one (counting this turn so far) is waiting. */
  contended(marginMs?: number): boolean;
  /** Gives the slot to the cheaper waiter and waits for a slot again (charging the time held so far). */
  yield(signal?: AbortSignal): Promise<void>;
}

interface Waiter {
  account: Account;
  seq: number;
  start: () => void;
}

export class FairScheduler {
  private active = 0;
  private nextOrder = 0;
  private nextSeq = 0;
  private readonly waiting: Waiter[] = [];

  constructor(readonly slots: number) {
    if (!Number.isInteger(slots) || slots < 1) throw new Error(`a scheduler needs at least one slot, not ${slots}`);
  }

  /** Pieces running now. */
  get running(): number {
    return this.active;
  }

  /** Pieces waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  /** A new owner, behind every earlier one among equals. */
  account(): Account {
    return { order: this.nextOrder++, usedMs: 0 };
  }

  /** Runs `task` in a slot of `account`'s turn; the time it holds the slot is charged to the account. */
  async run<T>(account: Account, task: (turn: Turn) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const turn = await this.take(account, signal);
    try {
      return await task(turn);
    } finally {
      turn.release();
    }
  }

  /** Waits for a slot in `account`'s turn and holds it until release(), charging the account the time held. */
  async take(account: Account, signal?: AbortSignal): Promise<Turn & { release(): void }> {
    await this.acquire(account, signal);
    let since = performance.now();
    let held = true;
    const charge = () => {
      const now = performance.now();
      account.usedMs += now - since;
      since = now;
    };
    return {
      contended: (marginMs = 0) => {
        const head = this.head();
        return head !== undefined && head.account !== account && before(head.account, { order: account.order, usedMs: account.usedMs + performance.now() - since - marginMs });
      },
      yield: async (yieldSignal) => {
        charge();
        held = false;
        this.release();
        await this.acquire(account, yieldSignal);
        held = true;
        since = performance.now();
      },
      release: () => {
        if (!held) return;
        charge();
        held = false;
        this.release();
      },
    };
  }

  private acquire(account: Account, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason ?? new Error('aborted'));
    if (this.active < this.slots && this.waiting.length === 0) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        account, seq: this.nextSeq++,
        start: () => {
          signal?.removeEventListener('abort', abort);
          this.active++;
          resolve();
        },
      };
      const abort = () => {
        const index = this.waiting.indexOf(waiter);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(signal?.reason ?? new Error('aborted'));
      };
      signal?.addEventListener('abort', abort, { once: true });
      this.waiting.push(waiter);
      // A slot may be free while others wait only for the instant between a release and the next start.
      this.dispatch();
    });
  }

  private release(): void {
    this.active--;
    this.dispatch();
  }

  private dispatch(): void {
    while (this.active < this.slots) {
      const head = this.head();
      if (!head) return;
      this.waiting.splice(this.waiting.indexOf(head), 1);
      head.start();
    }
  }

  /** The waiter to serve next: least service, then the earliest owner, then the earliest request. */
  private head(): Waiter | undefined {
    let best: Waiter | undefined;
    for (const waiter of this.waiting) {
      if (!best || before(waiter.account, best.account) || (sameRank(waiter.account, best.account) && waiter.seq < best.seq)) best = waiter;
    }
    return best;
  }
}

/**
 * One owner's turns across its pieces of work, done one after another: the
 * slot is taken for the first piece and kept between pieces (the owner's next
 * piece follows within moments), given up at a piece's start only when
 * someone cheaper waits, and released at the end.
 */
export class Tenancy {
  private turn?: Turn & { release(): void };

  constructor(readonly scheduler: FairScheduler, readonly account: Account = scheduler.account()) {}

  /** The slot for the owner's next piece. */
  async next(signal?: AbortSignal): Promise<Turn> {
    if (!this.turn) this.turn = await this.scheduler.take(this.account, signal);
    else if (this.turn.contended()) await this.turn.yield(signal);
    return this.turn;
  }

  end(): void {
    this.turn?.release();
    this.turn = undefined;
  }
}

function before(a: Account, b: Account): boolean {
  return a.usedMs < b.usedMs || (a.usedMs === b.usedMs && a.order < b.order);
}

function sameRank(a: Account, b: Account): boolean {
  return a.usedMs === b.usedMs && a.order === b.order;
}
