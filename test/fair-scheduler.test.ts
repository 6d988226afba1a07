// The fair scheduler (src/fair-scheduler.ts): waiting work is served by least
// attained service, then by its owner's arrival; a running piece can give its
// slot to a cheaper waiter part-way; a waiter can give up before it starts.

import { describe, expect, it } from 'vitest';
import { FairScheduler, Tenancy } from '../src/fair-scheduler.js';

/** A task that runs until `release` is called, recording when it started. */
function gate(log: string[], name: string) {
  let open!: () => void;
  const done = new Promise<void>((resolve) => { open = resolve; });
  return { task: async () => { log.push(name); await done; return name; }, release: () => open() };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('FairScheduler', () => {
  it('serves the owner with the least service first, owners of equal service in arrival order', async () => {
    const scheduler = new FairScheduler(1);
    const log: string[] = [];
    const blocker = gate(log, 'blocker');
    const running = scheduler.run(scheduler.account(), blocker.task);
    const heavy = scheduler.account();
    const early = scheduler.account();
    const late = scheduler.account();
    heavy.usedMs = 5000;
    const pieces = [
      scheduler.run(heavy, async () => { log.push('heavy'); }),
      scheduler.run(late, async () => { log.push('late'); }),
      scheduler.run(early, async () => { log.push('early'); }),
    ];
    expect(scheduler.queued).toBe(3);
    expect(scheduler.running).toBe(1);
    blocker.release();
    await Promise.all([running, ...pieces]);
    expect(log).toEqual(['blocker', 'early', 'late', 'heavy']);
    expect(scheduler.running).toBe(0);
  });

  it('charges the time a piece holds its slot, so an owner that ran long goes behind a fresh one', async () => {
    const scheduler = new FairScheduler(1);
    const looping = scheduler.account();
    await scheduler.run(looping, () => new Promise((resolve) => setTimeout(resolve, 30)));
    expect(looping.usedMs).toBeGreaterThanOrEqual(25);
    const log: string[] = [];
    const blocker = gate(log, 'blocker');
    const running = scheduler.run(scheduler.account(), blocker.task);
    // The looping owner asks first, the fresh one later: the fresh one still goes first.
    const second = scheduler.run(looping, async () => { log.push('looping'); });
    const fresh = scheduler.run(scheduler.account(), async () => { log.push('fresh'); });
    blocker.release();
    await Promise.all([running, second, fresh]);
    expect(log).toEqual(['blocker', 'fresh', 'looping']);
  });

  it('runs as many pieces at once as it has slots, and frees a slot whatever the task does', async () => {
    const scheduler = new FairScheduler(2);
    const log: string[] = [];
    const a = gate(log, 'a');
    const b = gate(log, 'b');
    const pieces = [scheduler.run(scheduler.account(), a.task), scheduler.run(scheduler.account(), b.task)];
    const third = scheduler.run(scheduler.account(), async () => { log.push('c'); });
    await tick();
    expect(log).toEqual(['a', 'b']);
    expect(scheduler.queued).toBe(1);
    const failing = scheduler.run(scheduler.account(), async () => { throw new Error('the candidate crashed'); });
    a.release();
    await expect(failing).rejects.toThrow('the candidate crashed');
    b.release();
    await Promise.all([...pieces, third]);
    expect(log).toEqual(['a', 'b', 'c']);
    expect(scheduler.running).toBe(0);
    expect(scheduler.queued).toBe(0);
  });

  it('lets a long piece yield its slot to a cheaper waiter and resume after it', async () => {
    const scheduler = new FairScheduler(1);
    const log: string[] = [];
    const long = scheduler.account();
    let resumed!: () => void;
    const yielded = new Promise<void>((resolve) => { resumed = resolve; });
    let contendedAlone: boolean | undefined;
    const running = scheduler.run(long, async (turn) => {
      log.push('long starts');
      contendedAlone = turn.contended();
      await new Promise((resolve) => setTimeout(resolve, 20));
      // A fresh owner is waiting now, with 20 ms less service than this one.
      expect(turn.contended()).toBe(true);
      expect(turn.contended(10_000)).toBe(false);
      await turn.yield();
      log.push('long resumes');
      resumed();
    });
    await tick();
    const cheap = scheduler.run(scheduler.account(), async () => { log.push('cheap'); });
    await Promise.all([running, cheap, yielded]);
    expect(contendedAlone).toBe(false);
    expect(log).toEqual(['long starts', 'cheap', 'long resumes']);
    expect(long.usedMs).toBeGreaterThanOrEqual(15);
  });

  it('drops a waiter whose signal aborts, and serves the rest', async () => {
    const scheduler = new FairScheduler(1);
    const log: string[] = [];
    const blocker = gate(log, 'blocker');
    const running = scheduler.run(scheduler.account(), blocker.task);
    const abort = new AbortController();
    const dropped = scheduler.run(scheduler.account(), async () => { log.push('dropped'); }, abort.signal);
    const kept = scheduler.run(scheduler.account(), async () => { log.push('kept'); });
    abort.abort(new Error('the client went away'));
    await expect(dropped).rejects.toThrow('the client went away');
    expect(scheduler.queued).toBe(1);
    blocker.release();
    await Promise.all([running, kept]);
    expect(log).toEqual(['blocker', 'kept']);
    const already = new AbortController();
    already.abort(new Error('too late'));
    await expect(scheduler.run(scheduler.account(), async () => 1, already.signal)).rejects.toThrow('too late');
  });

  it('keeps a tenancy\'s slot between its pieces, and gives it up at a piece only to someone cheaper', async () => {
    const scheduler = new FairScheduler(1);
    const log: string[] = [];
    const tenancy = new Tenancy(scheduler);
    await tenancy.next();
    // Between pieces the slot stays taken: an owner of equal service that arrived later waits.
    const later = scheduler.run(scheduler.account(), async () => { log.push('later'); });
    await tick();
    expect(log).toEqual([]);
    await tenancy.next();
    expect(scheduler.running).toBe(1);
    // Once the tenant has used more than the waiter, its next piece lets the waiter go first.
    await new Promise((resolve) => setTimeout(resolve, 10));
    await tenancy.next();
    log.push('tenant');
    await later;
    expect(log).toEqual(['later', 'tenant']);
    tenancy.end();
    tenancy.end();
    expect(scheduler.running).toBe(0);
  });

  it('refuses a scheduler without slots', () => {
    expect(() => new FairScheduler(0)).toThrow('at least one slot');
  });
});
