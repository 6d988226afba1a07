#!/usr/bin/env python3
"""Does one paper-format game module behave as another? (the paper's golden.py is the usual "other")

usage: golden_agreement.py OURS.py GOLDEN.py [--trajectories N] [--seed S] [--max-steps L] [--json]

Both modules are trusted here (our own export and the paper's implementation); candidates never run
through this script. Seeded random trajectories are drawn from EACH side in turn (N per side): the
driving side picks the action (chance by its probabilities, players uniformly), both sides apply it,
and at every state both must agree on the current player, the terminal flag, the legal action SET,
the rewards, and, at chance nodes, the outcome probabilities (the golden's by how it samples: a
uniform choice over its listed outcomes, counting repeats). Observations may differ in format but
must separate exactly the same situations: over all visited states, for each player, one side's
observation determines the other's and the reverse. Prints one JSON report (or a summary).
"""
import argparse
import hashlib
import importlib.util
import json
import math
import random
import sys

CHANCE, TERMINAL = -1, -4


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def canonical(value):
    """A text equal exactly when the values compare equal with == (sets and dicts in sorted order)."""
    if isinstance(value, dict):
        return 'd{' + ','.join(sorted(canonical(k) + ':' + canonical(v) for k, v in value.items())) + '}'
    if isinstance(value, (list, tuple)):
        return 'l[' + ','.join(canonical(v) for v in value) + ']'
    if isinstance(value, (set, frozenset)):
        return 's{' + ','.join(sorted(canonical(v) for v in value)) + '}'
    if isinstance(value, bool) or (isinstance(value, float) and value == int(value)):
        return 'n' + str(int(value))
    if isinstance(value, int):
        return 'n' + str(value)
    if isinstance(value, str):
        return 't' + json.dumps(value)
    return 'v' + repr(value)


def digest(value):
    """128 bits of the canonical text: Python's hash() is too weak here (hash(-1) == hash(-2))."""
    return hashlib.blake2b(canonical(value).encode(), digest_size=16).digest()


def chance_distribution(module, state, legal):
    """{outcome: probability} as the module defines or samples it."""
    if hasattr(module, 'get_chance_outcomes'):
        pairs = module.get_chance_outcomes(state)
        dist = {}
        for action, p in pairs:
            dist[action] = dist.get(action, 0.0) + float(p)
        return dist
    counts = {}
    for action in legal:
        counts[action] = counts.get(action, 0) + 1
    return {a: c / len(legal) for a, c in counts.items()}


def same_numbers(a, b):
    return len(a) == len(b) and all(math.isclose(float(x), float(y), rel_tol=1e-9, abs_tol=1e-9) for x, y in zip(a, b))


class Partition:
    """Observations of one player on both sides: each side's must determine the other's.

    The two directions are judged apart (problems[direction] = its first counterexample), so a
    documented difference in one direction cannot hide a difference in the other."""

    COARSER, FINER = 'golden separates situations ours does not', 'ours separates situations the golden does not'

    def __init__(self):
        self.forward = {}
        self.backward = {}
        self.problems = {}

    def add(self, ours, golden, actions):
        # Digests of the canonical forms, not the forms: a long game's observations would take gigabytes.
        # `actions` is a Prefix (a trajectory's shared list and a length), copied only for a report.
        a, b = digest(ours), digest(golden)
        for direction, table, key, value in ((self.COARSER, self.forward, a, b), (self.FINER, self.backward, b, a)):
            if direction in self.problems:
                continue
            seen = table.setdefault(key, (value, actions))
            if seen[0] != value:
                self.problems[direction] = (seen[1].actions(), actions.actions())


class Prefix:
    """The first `length` actions of a trajectory's list (which keeps growing), without a copy."""

    __slots__ = ('played', 'length')

    def __init__(self, played):
        self.played, self.length = played, len(played)

    def actions(self):
        return self.played[:self.length]


class Agreement:
    def __init__(self, ours, golden, players, opening_deals=0, seed=0):
        self.ours, self.golden = ours, golden
        # --opening-deals N: the golden draws its deal inside apply_action (one opaque action such as
        # gin_rummy's "deal_random"), so both sides are offered the same N seeded whole deals
        # "deal:<card>,<card>,..." made of the cards ours deals one at a time, and go on from there.
        self.opening_deals = self.whole_deals(opening_deals, seed) if opening_deals else None
        self.partitions = [Partition() for _ in range(players)]
        self.first = {}
        # golden_rewards_undefined: non-terminal states where the golden's get_rewards raises (not compared)
        self.counts = {'states': 0, 'trajectories': 0, 'unfinished': 0, 'golden_rewards_undefined': 0}
        self.longest = {'ours': 0, 'golden': 0}

    def whole_deals(self, count, seed):
        cards = [a[len('deal:'):] for a in self.ours.get_legal_actions(self.ours.get_initial_state()) if a.startswith('deal:')]
        rng = random.Random(seed)
        return ['deal:' + ','.join(rng.sample(cards, len(cards))) for _ in range(count)]

    def fail(self, kind, actions, message):
        if kind not in self.first:
            self.first[kind] = {'actions': list(actions), 'message': message}

    def step_state(self, so, sg, actions):
        """Compares two states; returns (player, legal actions as the sides list them) or None to stop."""
        self.counts['states'] += 1
        po, pg = self.ours.get_current_player(so), self.golden.get_current_player(sg)
        if (po == TERMINAL) != (pg == TERMINAL):
            self.fail('terminal', actions, f'terminal: ours {po == TERMINAL}, golden {pg == TERMINAL}')
            return None
        if po != pg:
            self.fail('current_player', actions, f'current player: ours {po}, golden {pg}')
            return None
        ro = self.ours.get_rewards(so)
        try:
            rg = self.golden.get_rewards(sg)
        except Exception as e:  # noqa: BLE001 - some goldens define rewards only where they are read
            if pg == TERMINAL:
                self.fail('rewards', actions, f'golden get_rewards raises at a terminal state: {type(e).__name__}: {e}')
            self.counts['golden_rewards_undefined'] += 1
            rg = ro
        if not same_numbers(ro, rg):
            self.fail('rewards', actions, f'rewards: ours {ro}, golden {rg}')
        lo, lg = self.ours.get_legal_actions(so), self.golden.get_legal_actions(sg)
        if self.opening_deals and not actions and po == CHANCE:
            self.counts['opening_deals'] = len(self.opening_deals)
            return po, (self.opening_deals, self.opening_deals)
        if set(lo) != set(lg):
            self.fail('legal_actions', actions,
                      f'legal actions: only ours {sorted(set(lo) - set(lg))[:8]}, only golden {sorted(set(lg) - set(lo))[:8]}')
            return None
        if po == CHANCE:
            do, dg = chance_distribution(self.ours, so, lo), chance_distribution(self.golden, sg, lg)
            off = [a for a in set(do) | set(dg) if not math.isclose(do.get(a, 0.0), dg.get(a, 0.0), abs_tol=1e-9)]
            if off:
                a = sorted(off)[0]
                self.fail('chance_probabilities', actions, f'P({a}): ours {do.get(a, 0.0)}, golden {dg.get(a, 0.0)}')
        oo, og = self.ours.get_observations(so), self.golden.get_observations(sg)
        for p, partition in enumerate(self.partitions):
            partition.add(oo[p] if p < len(oo) else None, og[p] if p < len(og) else None, Prefix(actions))
        return po, (lo, lg)

    def trajectory(self, driver, rng, max_steps):
        so, sg = self.ours.get_initial_state(), self.golden.get_initial_state()
        actions = []
        self.counts['trajectories'] += 1
        for _ in range(max_steps):
            stepped = self.step_state(so, sg, actions)
            if stepped is None:
                return
            player, (lo, lg) = stepped
            if player == TERMINAL:
                self.longest[driver] = max(self.longest[driver], len(actions))
                return
            legal = lo if driver == 'ours' else lg
            if not legal:
                self.fail('no_actions', actions, f'{driver} lists no legal action at a non-terminal state')
                return
            if player == CHANCE and self.opening_deals and not actions:
                action = rng.choice(self.opening_deals)
            elif player == CHANCE:
                module, state = (self.ours, so) if driver == 'ours' else (self.golden, sg)
                dist = chance_distribution(module, state, legal)
                outcomes = sorted(dist)
                u, acc, action = rng.random(), 0.0, outcomes[-1]
                for a in outcomes:
                    acc += dist[a]
                    if u < acc:
                        action = a
                        break
            else:
                action = rng.choice(sorted(set(legal)))
            actions.append(action)
            try:
                so = self.ours.apply_action(so, action)
            except Exception as e:  # noqa: BLE001 - a refusal is a disagreement to report
                self.fail('apply', actions, f'ours refuses {action!r}: {type(e).__name__}: {e}')
                return
            try:
                sg = self.golden.apply_action(sg, action)
            except Exception as e:  # noqa: BLE001
                self.fail('apply', actions, f'golden refuses {action!r}: {type(e).__name__}: {e}')
                return
        self.counts['unfinished'] += 1

    def report(self):
        for p, partition in enumerate(self.partitions):
            for what, (first, second) in partition.problems.items():
                suffix = '' if what == Partition.COARSER else '_finer'
                self.fail(f'observations_player{p}{suffix}', second,
                          f'player {p}: {what}; compare the states after {json.dumps(first)} and {json.dumps(second)}')
        return {'agree': not self.first, 'disagreements': self.first, **self.counts, 'longest': self.longest}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('ours')
    ap.add_argument('golden')
    ap.add_argument('--trajectories', type=int, default=1000, help='per side (default 1000)')
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--max-steps', type=int, default=5000)
    ap.add_argument('--players', type=int, default=2)
    ap.add_argument('--opening-deals', type=int, default=0,
                    help='the golden deals inside apply_action: offer both sides N seeded whole deals at the start')
    ap.add_argument('--json', action='store_true')
    a = ap.parse_args()
    random.seed(a.seed)  # a golden that draws from the global generator stays reproducible
    ours, golden = load(a.ours, 'ours'), load(a.golden, 'golden')
    agreement = Agreement(ours, golden, a.players, a.opening_deals, a.seed)
    for side_index, driver in enumerate(('ours', 'golden')):
        for i in range(a.trajectories):
            rng = random.Random(a.seed * 1_000_003 + side_index * 500_009 + i)
            agreement.trajectory(driver, rng, a.max_steps)
    report = agreement.report()
    if a.json:
        print(json.dumps(report))
    else:
        print(f"{'agree' if report['agree'] else 'DISAGREE'}: {report['trajectories']} trajectories, {report['states']} states, "
              f"longest ours {report['longest']['ours']} / golden {report['longest']['golden']}, unfinished {report['unfinished']}"
              + (f", golden rewards undefined at {report['golden_rewards_undefined']} non-terminal states" if report['golden_rewards_undefined'] else ''))
        for kind, d in report['disagreements'].items():
            print(f'  {kind}: {d["message"]}\n    actions: {json.dumps(d["actions"])}')
    sys.exit(0 if report['agree'] else 1)


if __name__ == '__main__':
    main()
