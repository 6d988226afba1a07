// The AST scan for constructs a GameCWM may not use: anything that reaches
// outside the module (imports, require, globals such as process), breaks
// determinism (Date, Math.random) or generates or escapes code (eval,
// Function, Proxy, Reflect, .constructor, __proto__, with), and async code.

import { ts } from 'ts-morph';
import type { Diagnostic } from './diagnostic.js';

/** The one module a GameCWM may import from, and only with `import type`. */
export const PACKAGE_MODULE = 'gamecwm';

export const FORBIDDEN_GLOBALS: Record<string, string> = {
  eval: 'eval is not allowed: write the logic directly',
  Function: 'the Function constructor is not allowed: write the logic directly',
  Date: 'Date is not allowed: a GameCWM must be deterministic',
  globalThis: 'globalThis is not allowed: use only module-level names',
  window: 'window is not allowed: a GameCWM has no host environment',
  global: 'global is not allowed: a GameCWM has no host environment',
  self: 'self is not allowed: a GameCWM has no host environment',
  process: 'process is not allowed: a GameCWM has no host environment',
  require: 'require is not allowed: a GameCWM has no imports',
  module: 'module is not allowed: use ES exports',
  exports: 'exports is not allowed: use ES exports',
  Proxy: 'Proxy is not allowed: use plain objects',
  Reflect: 'Reflect is not allowed: use plain objects',
  setTimeout: 'timers are not allowed: every function must return synchronously',
  setInterval: 'timers are not allowed: every function must return synchronously',
  setImmediate: 'timers are not allowed: every function must return synchronously',
  queueMicrotask: 'queueMicrotask is not allowed: every function must return synchronously',
  Promise: 'Promise is not allowed: every function must return synchronously',
  WebAssembly: 'WebAssembly is not allowed',
  SharedArrayBuffer: 'SharedArrayBuffer is not allowed',
  Atomics: 'Atomics is not allowed',
  fetch: 'fetch is not allowed: a GameCWM does no I/O',
  console: 'console is not allowed: a GameCWM does no I/O',
};

// A Map, not an object literal: `{ __proto__: ... }` would set a prototype, not a key.
export const FORBIDDEN_PROPERTIES = new Map<string, string>([
  ['constructor', '.constructor is not allowed: it reaches the Function constructor'],
  ['__proto__', '__proto__ is not allowed: use plain objects'],
  ['prototype', '.prototype is not allowed: use plain functions and objects'],
  ['__defineGetter__', '__defineGetter__ is not allowed'],
  ['__defineSetter__', '__defineSetter__ is not allowed'],
]);

export function findForbiddenConstructs(sourceFile: ts.SourceFile): Diagnostic[] {
  const found: Diagnostic[] = [];
  const report = (node: ts.Node, message: string) => {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    found.push({ line: line + 1, column: character + 1, code: 'forbidden', message });
  };

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const from = ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : '?';
      const typeOnly = node.importClause?.isTypeOnly === true
        || (node.importClause !== undefined && node.importClause.name === undefined
          && node.importClause.namedBindings !== undefined && ts.isNamedImports(node.importClause.namedBindings)
          && node.importClause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (from !== PACKAGE_MODULE || !typeOnly) {
        report(node, `imports are not allowed (found an import from "${from}"); a GameCWM is one self-contained module. Only \`import type { ... } from '${PACKAGE_MODULE}'\` is allowed`);
      }
      return;
    }
    if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      report(node, 're-exports from other modules are not allowed; a GameCWM is one self-contained module');
    } else if (ts.isImportEqualsDeclaration(node)) {
      report(node, '`import x = require(...)` is not allowed; a GameCWM has no imports');
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      report(node, 'dynamic import() is not allowed; a GameCWM has no imports');
    } else if (ts.isWithStatement(node)) {
      report(node, '`with` is not allowed');
    } else if (ts.isIdentifier(node) && isExpressionIdentifier(node) && Object.hasOwn(FORBIDDEN_GLOBALS, node.text)) {
      report(node, FORBIDDEN_GLOBALS[node.text]);
    } else if (ts.isPropertyAccessExpression(node)) {
      const name = node.name.text;
      const forbidden = FORBIDDEN_PROPERTIES.get(name);
      if (forbidden) report(node.name, forbidden);
      if (name === 'random' && ts.isIdentifier(node.expression) && node.expression.text === 'Math') {
        report(node, 'Math.random is not allowed: a GameCWM is deterministic; randomness comes only from resampleHistory\'s `random` argument');
      }
    } else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)
      && FORBIDDEN_PROPERTIES.has(node.argumentExpression.text)) {
      report(node, FORBIDDEN_PROPERTIES.get(node.argumentExpression.text)!);
    } else if (isAsync(node)) {
      report(node, 'async functions are not allowed: every function must return synchronously');
    } else if (ts.isAwaitExpression(node)) {
      report(node, 'await is not allowed: every function must return synchronously');
    } else if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node)) && node.asteriskToken) {
      report(node, 'generator functions are not allowed: return arrays instead');
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** An identifier used as a value, not a property name, a declaration or a type. */
function isExpressionIdentifier(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (!parent) return true;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent)
    || ts.isMethodDeclaration(parent) || ts.isMethodSignature(parent)) && parent.name === node) return false;
  if (ts.isTypeReferenceNode(parent) || ts.isQualifiedName(parent)) return false;
  if (ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent)
    || ts.isBindingElement(parent) || ts.isInterfaceDeclaration(parent) || ts.isTypeAliasDeclaration(parent)) {
    return (parent as { initializer?: ts.Node }).initializer === node;
  }
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent) || ts.isLabeledStatement(parent)) return false;
  return true;
}

function isAsync(node: ts.Node): boolean {
  return (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node))
    && (ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Async) !== 0;
}
