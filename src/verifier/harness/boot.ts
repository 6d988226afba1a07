// Entry point of the harness bundle: exposes one function that serves a JSON
// request against a candidate module's exports. The harness lives in its own
// long-lived context (its code stays warm across candidates); each candidate
// is loaded into a fresh context and handed over by reference.

import type { AnyGameCWM } from '../../engine/contract.js';
import { serve } from './entry.js';

const scope = globalThis as unknown as { __gamecwmServe: (candidate: AnyGameCWM, json: string) => string };
scope.__gamecwmServe = (candidate: AnyGameCWM, json: string) => serve(candidate, json);
