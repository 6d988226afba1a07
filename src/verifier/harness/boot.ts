// Entry point of the harness bundle: exposes one function that serves JSON
// requests against the candidate module the sandbox loads after it.

import type { AnyGameCWM } from '../../engine/contract.js';
import { serve } from './entry.js';

const scope = globalThis as unknown as { __gamecwmHarness: (json: string) => string; __candidate: AnyGameCWM };
scope.__gamecwmHarness = (json: string) => serve(scope.__candidate, json);
