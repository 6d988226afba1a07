"""A reward function for TRL that asks a running `gamecwm serve-reward` for the
paper's RLVR reward of each completion. Standard library only.

    # gamecwm serve-reward --port 8765        (in another shell)
    from datasets import load_dataset
    from trl import GRPOConfig, GRPOTrainer
    from gamecwm_reward import reward_func   # or make_reward_func(url=..., lang=...)

    dataset = load_dataset('json', data_files='grpo.jsonl', split='train')  # gamecwm dataset grpo -o grpo.jsonl
    trainer = GRPOTrainer(model='Qwen/Qwen2.5-3B-Instruct', reward_funcs=reward_func,
                          args=GRPOConfig(output_dir='out'), train_dataset=dataset)

TRL passes the dataset's columns as keyword arguments, one value per
completion: `game` (required) and `lang` ("ts" or "python", default "ts").
Completions may be strings or conversations (lists of {"role", "content"});
the service takes the first code block of each. The URL defaults to
$GAMECWM_REWARD_URL or http://127.0.0.1:8765.
"""

import json
import os
import urllib.error
import urllib.request

DEFAULT_URL = 'http://127.0.0.1:8765'


class RewardServiceError(RuntimeError):
    """The reward service could not be reached or refused a request."""


def _text(completion):
    if isinstance(completion, str):
        return completion
    if isinstance(completion, list):
        turns = [m for m in completion if isinstance(m, dict) and isinstance(m.get('content'), str)]
        answers = [m for m in turns if m.get('role') == 'assistant'] or turns
        return answers[-1]['content'] if answers else ''
    raise TypeError(f'a completion must be a string or a list of messages, not {type(completion).__name__}')


def _post(url, body, timeout):
    data = json.dumps(body).encode('utf-8')
    request = urllib.request.Request(url.rstrip('/') + '/reward', data=data, method='POST',
                                     headers={'content-type': 'application/json'})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read().decode('utf-8'))
    except urllib.error.HTTPError as error:
        try:
            message = json.loads(error.read().decode('utf-8')).get('error', '')
        except (ValueError, AttributeError):
            message = ''
        raise RewardServiceError(f'the reward service answered {error.code}: {message}') from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, 'reason', error)
        raise RewardServiceError(f'cannot reach the reward service at {url}: {reason}') from None


def make_reward_func(url=None, lang=None, timeout=600.0, batch_size=64):
    """A TRL reward function bound to a service URL (and a default language)."""
    base = url or os.environ.get('GAMECWM_REWARD_URL') or DEFAULT_URL

    def reward_func(completions, game=None, **kwargs):
        if game is None:
            raise ValueError('the dataset needs a "game" column (gamecwm dataset grpo writes one)')
        games = [game] * len(completions) if isinstance(game, str) else list(game)
        langs_column = kwargs.get('lang')
        if langs_column is None:
            langs = [lang or 'ts'] * len(completions)
        elif isinstance(langs_column, str):
            langs = [langs_column] * len(completions)
        else:
            langs = list(langs_column)
        if len(games) != len(completions) or len(langs) != len(completions):
            raise ValueError('"game" and "lang" need one value per completion')
        texts = [_text(c) for c in completions]
        rewards = [0.0] * len(texts)
        # One request per language, in batches; games may differ within a request.
        for language in sorted(set(langs)):
            indices = [i for i, l in enumerate(langs) if l == language]
            for start in range(0, len(indices), batch_size):
                chunk = indices[start:start + batch_size]
                answer = _post(base, {'game': [games[i] for i in chunk], 'completions': [texts[i] for i in chunk],
                                      'lang': language}, timeout)
                for i, value in zip(chunk, answer['rewards']):
                    rewards[i] = float(value)
        return rewards

    reward_func.__name__ = 'gamecwm_reward'
    return reward_func


reward_func = make_reward_func()
