"""The seeded generator of src/engine/rng.ts (xoshiro128** seeded through
splitmix32), bit for bit. A generator is a list [a, b, c, d, seed]."""

from own_builtins import BUILTINS as __builtins__  # noqa: F401 (see own_builtins.py)

from errors import Error


M32 = 0xFFFFFFFF


def _splitmix_step(s):
    s = (s + 0x9E3779B9) & M32
    z = s
    z = ((z ^ (z >> 16)) * 0x85EBCA6B) & M32
    z = ((z ^ (z >> 13)) * 0xC2B2AE35) & M32
    return s, (z ^ (z >> 16)) & M32


def to_uint32(seed):
    return int(seed) & M32


def rng_new(seed):
    s = to_uint32(seed)
    s, a = _splitmix_step(s)
    s, b = _splitmix_step(s)
    s, c = _splitmix_step(s)
    s, d = _splitmix_step(s)
    if (a | b | c | d) == 0:
        a = 1
    return [a, b, c, d, seed]


def derive_seed(seed, *labels):
    h = _splitmix_step(to_uint32(seed))[1]
    for label in labels:
        h = _splitmix_step((h ^ (((label & M32) * 0x27D4EB2D) & M32)) & M32)[1]
    return h


# The generator's step, compiled once and run in fresh namespaces that hold
# nothing else: the runner's own copy here, and a private copy per ISMCTS
# search whose draw function a translated module receives (see ismcts_search).
# The module can reach that function's globals and closure, and they lead
# nowhere but to that copy and the search's generator state.
_RNG_STEP = compile('''
M32 = 0xFFFFFFFF


def rng_u32(r):
    a, b, c, d = r[0], r[1], r[2], r[3]
    x = (b * 5) & M32
    result = (((((x << 7) | (x >> 25)) & M32) * 9) & M32)
    t = (b << 9) & M32
    c ^= a
    d ^= b
    b ^= c
    a ^= d
    c ^= t
    d = ((d << 11) | (d >> 21)) & M32
    r[0] = a
    r[1] = b
    r[2] = c
    r[3] = d
    return result


def rng_random(r):
    return rng_u32(r) / 4294967296.0


def draw_function(r):
    """random() over generator r, for code outside the runner."""
    return lambda: rng_random(r)
''', '<gamecwm rng>', 'exec', dont_inherit=True)


def rng_step():
    namespace = {'__builtins__': {}}
    exec(_RNG_STEP, namespace)
    return namespace


_own_step = rng_step()
rng_u32 = _own_step['rng_u32']
rng_random = _own_step['rng_random']


def rng_int(r, n):
    return int(rng_random(r) * n)


def rng_pick(r, items):
    if len(items) == 0:
        raise Error('cannot pick from an empty list')
    return items[rng_int(r, len(items))]


def rng_derive(r, *labels):
    return rng_new(derive_seed(r[4], *labels))
