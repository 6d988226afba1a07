// Stub detection for resampleHistory, as the paper's reward does: a
// resampler that only throws, or never reads the history it must explain,
// earns no information credit however its outputs happen to replay.

import { ts } from 'ts-morph';

/** Why the module's resampleHistory is a stub, or null if it is not (or is absent). */
export function resampleStubReason(sourceFile: ts.SourceFile): string | null {
  const fn = findExportedFunction(sourceFile, 'resampleHistory');
  if (!fn || !fn.body) return null;
  if (!ts.isBlock(fn.body)) return usesParameter(fn) ? null : 'resampleHistory never reads its history argument';
  const statements = fn.body.statements;
  if (statements.length === 0) return 'resampleHistory has an empty body';
  if (statements.every((s) => ts.isThrowStatement(s))) return 'resampleHistory only throws';
  if (!usesParameter(fn)) return 'resampleHistory never reads its history argument';
  return null;
}

type FunctionLike = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression;

function findExportedFunction(sourceFile: ts.SourceFile, name: string): FunctionLike | undefined {
  for (const statement of sourceFile.statements) {
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === name) return statement;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (ts.isIdentifier(declaration.name) && declaration.name.text === name && init
          && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) return init;
      }
    }
  }
  return undefined;
}

function usesParameter(fn: FunctionLike): boolean {
  const first = fn.parameters[0];
  if (!first) return false;
  if (!ts.isIdentifier(first.name)) return true; // destructured: it reads the history
  const name = first.name.text;
  let used = false;
  const visit = (node: ts.Node): void => {
    if (used) return;
    if (ts.isIdentifier(node) && node.text === name && node !== first.name) used = true;
    else ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  return used;
}
