// The static tier: one long-lived ts-morph Project on an in-memory file
// system type-checks each candidate against the GameCWM contract, using the
// candidate's own exported State and Observation types, and scans its AST for
// forbidden constructs. Creating the Project is the expensive part (lib
// files); each later check replaces one file and costs milliseconds.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Project, ts } from 'ts-morph';
import { PACKAGE_ROOT } from '../../paths.js';
import { type CheckResult } from '../check-result.js';
import type { Diagnostic } from './diagnostic.js';
import { findForbiddenConstructs, PACKAGE_MODULE } from './forbidden.js';
import { resampleStubReason } from './stubs.js';

const CANDIDATE_PATH = '/work/candidate.ts';
const CONFORMANCE_PATH = '/work/conformance.ts';
const CONTRACT_PATH = `/work/node_modules/${PACKAGE_MODULE}/index.ts`;

const CONFORMANCE_SOURCE = `import * as candidate from './candidate';
import type { GameCWM } from '${PACKAGE_MODULE}';
export const conformance: GameCWM<candidate.State, candidate.Observation> = candidate;
`;

// The parts of the ES2023 library a pure, synchronous GameCWM can use. Leaving
// out promises, generators, typed arrays and Intl halves the type-check time
// (and an async candidate fails to type-check, as it should).
const CANDIDATE_LIBS = [
  'lib.es5.d.ts', 'lib.es2015.core.d.ts', 'lib.es2015.collection.d.ts', 'lib.es2015.iterable.d.ts',
  'lib.es2015.symbol.d.ts', 'lib.es2015.symbol.wellknown.d.ts', 'lib.es2016.array.include.d.ts',
  'lib.es2017.object.d.ts', 'lib.es2017.string.d.ts', 'lib.es2019.array.d.ts', 'lib.es2019.object.d.ts',
  'lib.es2019.string.d.ts', 'lib.es2021.string.d.ts', 'lib.es2022.array.d.ts', 'lib.es2022.object.d.ts',
  'lib.es2022.string.d.ts', 'lib.es2023.array.d.ts',
];

export const STATIC_CHECKS = ['parses', 'type-checks', 'satisfies-contract', 'no-forbidden-constructs'] as const;

/** The check that holds the portability verdict where Python is required (see StaticReport.portability). */
export const PORTABLE_CHECK = 'portable';

/** An extra check on the type-checked source, e.g. portability to Python. */
export type SourceCheck = (sourceFile: ts.SourceFile, checker: ts.TypeChecker) => Diagnostic[];

export interface StaticReport {
  checks: CheckResult[];
  diagnostics: Diagnostic[];
  /** Whether the candidate can be compiled and run at all. */
  runnable: boolean;
  /** Set when resampleHistory is a stub (it then earns no information credit). */
  resampleStub: string | null;
  /**
   * What the portability hook found (empty: portable), or null without a hook. A verdict of its
   * own: a correct GameCWM need not translate to Python; only where Python is asked for is it required.
   */
  portability: Diagnostic[] | null;
}

export class StaticChecker {
  private readonly project: Project;

  constructor(private readonly portability?: SourceCheck) {
    this.project = new Project({
      useInMemoryFileSystem: true,
      compilerOptions: {
        strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler, lib: CANDIDATE_LIBS, types: [],
        noEmit: true, skipLibCheck: true, noImplicitAny: true,
      },
    });
    const contract = readFileSync(resolve(PACKAGE_ROOT, 'src', 'engine', 'contract.ts'), 'utf8');
    this.project.createSourceFile(CONTRACT_PATH, contract, { overwrite: true });
    this.project.createSourceFile(CANDIDATE_PATH, 'export {};', { overwrite: true });
    this.project.createSourceFile(CONFORMANCE_PATH, CONFORMANCE_SOURCE, { overwrite: true });
  }

  check(source: string): StaticReport {
    const file = this.project.createSourceFile(CANDIDATE_PATH, source, { overwrite: true });
    const conformance = this.project.getSourceFileOrThrow(CONFORMANCE_PATH);
    const program = this.project.getProgram().compilerObject;
    const candidateNode = file.compilerNode;

    const syntax = program.getSyntacticDiagnostics(candidateNode).map((d) => toDiagnostic(d, 'syntax'));
    const types = syntax.length > 0 ? [] : program.getSemanticDiagnostics(candidateNode).map((d) => toDiagnostic(d, 'type'));
    const contract = syntax.length > 0 ? [] : program.getSemanticDiagnostics(conformance.compilerNode).map(contractDiagnostic);
    const forbidden = findForbiddenConstructs(candidateNode);
    const portability = !this.portability ? null
      : syntax.length > 0 ? syntax.map((d) => ({ ...d, code: 'portability', message: `cannot translate to Python: the module does not parse: ${d.message}` }))
        : this.portability(candidateNode, program.getTypeChecker());

    const checks: CheckResult[] = syntax.length > 0
      ? STATIC_CHECKS.map((name) => name === 'parses' ? result(name, syntax) : { name, passed: false, message: 'not checked: the module does not parse' })
      : [
        result('parses', syntax),
        result('type-checks', types),
        result('satisfies-contract', contract),
        result('no-forbidden-constructs', forbidden),
      ];
    return {
      checks,
      diagnostics: [...syntax, ...types, ...contract, ...forbidden],
      runnable: syntax.length === 0 && forbidden.length === 0,
      resampleStub: syntax.length === 0 ? resampleStubReason(candidateNode) : null,
      portability,
    };
  }
}

/** A check passed when it found no diagnostics, else failed with the first few at line:column. */
export function result(name: string, diagnostics: Diagnostic[]): CheckResult {
  if (diagnostics.length === 0) return { name, passed: true };
  const first = diagnostics.slice(0, 3).map((d) => `${d.line}:${d.column} ${d.message}`).join('; ');
  const more = diagnostics.length > 3 ? ` (and ${diagnostics.length - 3} more)` : '';
  return { name, passed: false, message: first + more };
}

function toDiagnostic(d: ts.Diagnostic, code: string): Diagnostic {
  const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
  if (d.file && d.start !== undefined) {
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return { line: line + 1, column: character + 1, code, message };
  }
  return { line: 1, column: 1, code, message };
}

/** Rephrases a conformance-file error as advice about the candidate's exports. */
function contractDiagnostic(d: ts.Diagnostic): Diagnostic {
  const text = ts.flattenDiagnosticMessageText(d.messageText, ' ');
  const missingType = /has no exported member '(State|Observation)'/.exec(text);
  const message = missingType
    ? `export a type named ${missingType[1]} (e.g. \`export interface ${missingType[1]} { ... }\`); the contract is checked against GameCWM<State, Observation>`
    : `the module's exports do not satisfy GameCWM<State, Observation>: ${text.replace(/typeof import\("[^"]*"\)/g, 'the module')}`;
  return { line: 1, column: 1, code: 'contract', message };
}
