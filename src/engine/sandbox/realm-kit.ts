// The candidate realm's kit: a small script run in every candidate context,
// for verification and for play alike, after the hardening prelude and
// before the candidate's module. It keeps the context's own JSON.parse and
// makes `random` arguments there, so whatever a candidate is handed is a
// value of its own realm (it can reach nothing of the checker's), and the
// two uses look the same from inside. The host (or the play bridge) takes
// the kit and removes its global before the candidate loads.

export const KIT_GLOBAL = '__gamecwmKit';

export const REALM_KIT = String.raw`
(function () {
  'use strict';
  var parse = JSON.parse;
  function fromJson(text) { return parse(text); }
  function makeRandom(next) { return function random() { return next(); }; }
  globalThis.${KIT_GLOBAL} = { fromJson: fromJson, makeRandom: makeRandom };
})();
`;
