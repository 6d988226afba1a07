// Entry point of the harness bundle: exposes one function that serves a JSON
// request against a candidate module's exports. The harness lives in its own
// long-lived context (its code stays warm across candidates); each candidate
// is loaded into a fresh context and handed over by reference, with its
// realm's kit (see engine/sandbox/realm-kit.ts).

import type { AnyGameCWM } from '../../engine/contract.js';
import type { CandidateRealm } from '../guard.js';
import { serve } from './entry.js';

type Serve = (candidate: AnyGameCWM, fromJson: CandidateRealm['fromJson'], makeRandom: CandidateRealm['makeRandom'], json: string) => string;
const scope = globalThis as unknown as { __gamecwmServe: Serve };
scope.__gamecwmServe = (candidate, fromJson, makeRandom, json) => serve(candidate, json, { fromJson, makeRandom });
