#!/usr/bin/env python3
"""Runs the paper's own evaluator on one paper-format candidate, as the paper runs it, and prints its verdict.

usage: paper_evaluator.py --evaluation DIR --config DIR --games DIR --game ID --candidate FILE
                          [--num-games N] [--reward-games N] [--seed S] [--timeout-s T]

The evaluator (run_behavioral_metrics.run_evaluation and grpo_reward.compute_reward of the user's copy of
the paper's repository) imports the candidate into its own process; so this script is always started as a
child of the host, one candidate per process, with resource limits and an audit hook that refuses
processes, sockets and writes outside a private temporary tree. Its only output is one JSON line:
  {"eval_score", "tiers": {tier: {"passed", "total", "checks": [{"name", "passed", "message"}]}}, "reward"}
or {"error": "..."} when the evaluator itself could not run.
"""
import argparse
import json
import os
import resource
import sys
import tempfile


def build_tree(evaluation, config, games):
    """The evaluator expects data/games/, evaluation/ and config/ side by side and runs from that root."""
    root = tempfile.mkdtemp(prefix='gamecwm-paper-eval-')
    os.makedirs(os.path.join(root, 'data'))
    os.symlink(os.path.abspath(games), os.path.join(root, 'data', 'games'))
    os.symlink(os.path.abspath(evaluation), os.path.join(root, 'evaluation'))
    os.symlink(os.path.abspath(config), os.path.join(root, 'config'))
    scratch = os.path.join(root, 'tmp')
    os.makedirs(scratch)
    return root, scratch


def limit_resources(timeout_s):
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
    resource.setrlimit(resource.RLIMIT_CPU, (timeout_s, timeout_s + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (16 << 20, 16 << 20))


def confine(scratch):
    """Candidates may read (the evaluator imports them and the scenarios) but not act outside the process."""
    home = os.path.realpath(scratch)
    allowed = home + os.sep
    refused = ('subprocess.Popen', 'os.system', 'os.exec', 'os.posix_spawn', 'os.spawn', 'os.fork', 'os.forkpty',
               'pty.spawn', 'socket.connect', 'socket.bind', 'socket.__new__', 'os.kill', 'os.remove', 'os.rename',
               'os.rmdir', 'shutil.rmtree', 'os.chmod', 'os.symlink', 'os.link', 'os.truncate', 'os.mkdir')

    def writes(args):
        mode, flags = (args[1] if len(args) > 1 else None), (args[2] if len(args) > 2 else 0)
        if isinstance(mode, str):
            return any(c in mode for c in 'wax+')
        # os.open: mode is None and the flags say (an fd reopened by io.open was checked when it was made)
        return isinstance(flags, int) and bool(flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC))

    def hook(event, args):
        if event in refused or event.startswith('os.exec') or event.startswith('os.spawn'):
            if event == 'os.remove' and isinstance(args[0], str) and os.path.realpath(args[0]).startswith(allowed):
                return  # the reward's loader deletes its own temporary copy
            raise PermissionError(f'{event} is not allowed while the paper evaluator runs a candidate')
        if event == 'open' and isinstance(args[0], (str, bytes)) and writes(args):
            path = os.fsdecode(args[0])
            real = os.path.realpath(path)
            if real != home and not real.startswith(allowed):
                raise PermissionError(f'writing {path!r} is not allowed while the paper evaluator runs a candidate')

    sys.addaudithook(hook)


def tier_json(tier):
    return {'passed': tier.passed, 'total': tier.total,
            'checks': [{'name': c['name'], 'passed': bool(c['passed']), 'message': str(c['message'] or '')[:300]} for c in tier.results]}


def main():
    ap = argparse.ArgumentParser()
    for name in ('--evaluation', '--config', '--games', '--game', '--candidate'):
        ap.add_argument(name, required=True)
    ap.add_argument('--num-games', type=int, default=100)
    ap.add_argument('--reward-games', type=int, default=10)
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--timeout-s', type=int, default=300)
    a = ap.parse_args()
    sys.dont_write_bytecode = True
    root, scratch = build_tree(a.evaluation, a.config, a.games)
    candidate = os.path.abspath(a.candidate)
    source = open(candidate, encoding='utf-8').read()
    os.chdir(root)
    sys.path.insert(0, root)
    os.environ['TMPDIR'] = scratch
    tempfile.tempdir = scratch
    limit_resources(a.timeout_s)
    out = sys.stdout
    try:
        from evaluation.run_behavioral_metrics import run_evaluation
        from evaluation.grpo_reward import compute_reward
    except Exception as e:  # noqa: BLE001 - the user's copy of the evaluator is broken or incomplete
        out.write(json.dumps({'error': f'cannot import the paper evaluator: {type(e).__name__}: {e}'}) + '\n')
        return
    confine(scratch)
    sys.stdout = sys.stderr  # whatever the candidate prints must not corrupt our one line
    try:
        result = run_evaluation(candidate, a.game, num_games=a.num_games, seed=a.seed, quiet=True)
        verdict = {'eval_score': result.overall_score, 'tiers': {k: tier_json(t) for k, t in result.tiers.items()}}
    except BaseException as e:  # noqa: BLE001 - the evaluator lets some candidate faults escape
        verdict = {'error': f'the paper evaluator failed: {type(e).__name__}: {str(e)[:300]}'}
    if 'error' not in verdict:
        try:
            reward = compute_reward(source, a.game, num_games=a.reward_games, seed=a.seed)
            verdict['reward'] = float(reward if isinstance(reward, (int, float)) else reward.get('reward', 0.0))
        except BaseException as e:  # noqa: BLE001
            verdict['reward'] = None
            verdict['reward_error'] = f'{type(e).__name__}: {str(e)[:200]}'
    out.write(json.dumps(verdict) + '\n')
    out.flush()
    os._exit(0)  # candidates may leave threads or handlers behind


if __name__ == '__main__':
    main()
