// The differential tier of a Python candidate, judged on the host: the runner
// replays the reference's recorded trajectories and reports the step checks
// it runs itself (legal actions, player, rewards, terminal) plus what the
// module shows along them (each player's observation as canonical text, the
// outcomes at chance steps); the partition and chance checks then run here,
// through the TypeScript tier's own PartitionComparer and chanceMismatch, so
// the two paths share one definition of every check.

import { chanceOutcomes } from '../engine/chance.js';
import { type Action, type AnyGameCWM, CHANCE } from '../engine/contract.js';
import type { GameInfo } from '../engine/game-info.js';
import type { RecordedTrajectory } from '../engine/record.js';
import { CheckRecorder, type CheckResult } from './check-result.js';
import { chanceMismatch, comparesPartitions, differentialCheckNames, observationKeys, PartitionComparer } from './differential.js';

/** What the runner's differential op returns for one batch. */
export interface PythonDifferentialPart {
  checks: CheckResult[];
  steps: number;
  agreeing_steps: number;
  /** Per trajectory: each step's observations as indices into `texts` (null where none were read), and [step, outcomes] at chance steps. */
  shown: Array<{ observations: Array<number[] | null> | null; chance: Array<[number, Array<[Action, number]>]> }>;
  texts: string[];
}

/** The runner's request for trajectories `first`.. of `recorded`: actions, expected steps, and whether to send observations. */
export function differentialRequest(recorded: RecordedTrajectory[], first: number, information: GameInfo['information']) {
  return recorded.map((t, k) => ({
    actions: t.actions,
    expected: t.states.map(({ player, legal, rewards }) => ({ player, legal, rewards })),
    observe: comparesPartitions(information, first + k),
  }));
}

/** Judges the batches of one candidate in order; `checks` gives the tier's checks in the TypeScript tier's order. */
export class PythonDifferentialJudge {
  private readonly recorder: CheckRecorder;
  private readonly partitions: PartitionComparer;
  private readonly players: number;
  steps = 0;
  agreeing = 0;

  constructor(private readonly reference: AnyGameCWM, information: GameInfo['information']) {
    this.recorder = new CheckRecorder(differentialCheckNames(information));
    this.players = reference.getObservations(reference.getInitialState()).length;
    this.partitions = new PartitionComparer(this.players, this.recorder, information === 'imperfect');
  }

  /** Adds one batch: `recorded` are the trajectories the batch replayed, in the order sent. */
  add(recorded: RecordedTrajectory[], part: PythonDifferentialPart): void {
    this.steps += part.steps;
    this.agreeing += part.agreeing_steps;
    for (const check of part.checks) if (!check.passed) this.recorder.fail(check.name, check.message ?? 'failed', check.actions);
    recorded.forEach((trajectory, k) => this.judgeTrajectory(trajectory, part.shown[k], part.texts));
  }

  private judgeTrajectory(trajectory: RecordedTrajectory, shown: PythonDifferentialPart['shown'][number] | undefined, texts: string[]): void {
    if (!shown) return;
    const chance = new Map(shown.chance);
    let state = this.reference.getInitialState();
    for (let t = 0; t < trajectory.states.length; t++) {
      const actions = trajectory.actions.slice(0, t);
      const observed = shown.observations?.[t];
      const refObservations = trajectory.states[t].observations;
      if (observed && observed.length === refObservations.length) {
        this.partitions.observe(
          observationKeys(t, refObservations, (value) => JSON.stringify(value)),
          observed.map((index) => `${t}|${texts[index]}`),
          actions,
        );
      }
      const outcomes = chance.get(t);
      if (trajectory.states[t].player === CHANCE && outcomes && !this.recorder.hasFailed('same-chance-probabilities')) {
        const mismatch = chanceMismatch(chanceOutcomes(this.reference, state), outcomes);
        if (mismatch) this.recorder.fail('same-chance-probabilities', mismatch, actions);
      }
      if (t < trajectory.actions.length) state = this.reference.applyAction(state, trajectory.actions[t]);
    }
  }

  checks(): CheckResult[] {
    return this.recorder.list();
  }

  transitionAccuracy(): number {
    return this.steps === 0 ? 0 : this.agreeing / this.steps;
  }
}
