// Type-directed translation of a GameCWM module (the contract's portable
// subset) into a Python module in the paper's format. The TypeScript types,
// from one long-lived ts-morph Project, decide the translation wherever
// JavaScript and Python differ: `+` on strings, `%` on negatives, truthiness
// of empty arrays, `===` on objects (identity), out-of-range reads, number to
// string conversion, default sort order. Anything outside the subset is
// reported with line:column instead of being translated wrongly; the list of
// those diagnostics is also the verifier's portability verdict.

import { Project, ts } from 'ts-morph';
import type { Diagnostic } from '../../verifier/static/diagnostic.js';
import { pythonClassName, pythonName } from './names.js';
import { pythonRegex, RegexNotPortable } from './regex.js';
import { PYTHON_RUNTIME } from './runtime.js';

/** The contract's functions and their names in the paper's format. */
const EXPORTS: Record<string, string> = {
  getInitialState: 'get_initial_state', applyAction: 'apply_action', getCurrentPlayer: 'get_current_player',
  getPlayerName: 'get_player_name', getRewards: 'get_rewards', getLegalActions: 'get_legal_actions',
  getObservations: 'get_observations', getChanceOutcomes: 'get_chance_outcomes', resampleHistory: 'resample_history',
};

export interface Translation {
  python: string;
  diagnostics: Diagnostic[];
}

class Unsupported extends Error {
  constructor(readonly node: ts.Node, message: string) {
    super(message);
  }
}

const MODULE_PATH = '/translate/module.ts';

export class PythonTranslator {
  private readonly project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: { strict: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2023.d.ts'], noEmit: true, skipLibCheck: true, types: [] },
  });

  translate(source: string): Translation {
    const file = this.project.createSourceFile(MODULE_PATH, source, { overwrite: true });
    const checker = this.project.getProgram().compilerObject.getTypeChecker();
    return translateSourceFile(file.compilerNode, checker);
  }
}

/** Translates a source file another Project has already type-checked. */
export function translateSourceFile(sourceFile: ts.SourceFile, checker: ts.TypeChecker): Translation {
  return new ModuleTranslation(sourceFile, checker).run();
}

/** The portability verdict: what the translation to Python cannot handle. */
export function pythonPortability(sourceFile: ts.SourceFile, checker: ts.TypeChecker): Diagnostic[] {
  return translateSourceFile(sourceFile, checker).diagnostics;
}

class ModuleTranslation {
  private readonly diagnostics: Diagnostic[] = [];
  private temp = 0;
  /** Statements (nested defs) to emit before the statement being translated. */
  private hoisted: string[][] = [];
  private readonly resampleImplName = '_resample_history_impl';
  private classNameSet?: Set<string>;
  /** Labels in scope, each with the id its jumps carry. */
  private readonly labels = new Map<string, number>();
  /** The label whose `continue` the next loop body must catch. */
  private continueLabel?: number;

  constructor(private readonly file: ts.SourceFile, private readonly checker: ts.TypeChecker) {}

  run(): Translation {
    const functions: string[] = [];
    const constants: string[] = [];
    for (const statement of this.file.statements) {
      try {
        if (ts.isFunctionDeclaration(statement)) functions.push(...this.functionDeclaration(statement, 0), '');
        // Classes are not hoisted: they run in order with the constants, as in JavaScript.
        else if (ts.isClassDeclaration(statement)) constants.push(...this.classDeclaration(statement), '');
        else if (ts.isEnumDeclaration(statement)) constants.push(...this.enumDeclaration(statement), '');
        else if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isImportDeclaration(statement)) continue;
        else if (ts.isVariableStatement(statement)) constants.push(...this.statement(statement, 0));
        else if (ts.isEmptyStatement(statement)) continue;
        else throw new Unsupported(statement, `top-level ${ts.SyntaxKind[statement.kind]} is outside the portable subset; use const declarations and functions`);
      } catch (error) {
        this.report(error);
      }
    }
    const hasResample = this.file.statements.some((s) => ts.isFunctionDeclaration(s) && s.name?.text === 'resampleHistory');
    // The paper's resample_history draws from Python's random. resample_history_with_random keeps the
    // TypeScript signature: the Python runner's ISMCTS hands it the search's own generator, so the
    // translated module draws the same numbers as the TypeScript search with the same seed.
    const footer = hasResample
      ? ['', 'def resample_history(obs_action_history, player_id):',
        '    return resample_history_with_random(obs_action_history, player_id, random.random)',
        '', '',
        'def resample_history_with_random(obs_action_history, player_id, random_fn):',
        `    return ${this.resampleImplName}([list(entry) for entry in obs_action_history], player_id, random_fn)`]
      : [];
    const python = [
      '# Generated by gamecwm from a TypeScript GameCWM. Paper format: module-level functions,',
      '# State = dict, Action = str, chance player -1, terminal -4. Standard library only.',
      // Functions first: module-level constants may call them (JavaScript hoists declarations).
      PYTHON_RUNTIME, '', ...functions, ...constants, ...footer, '',
    ].join('\n');
    return { python, diagnostics: this.diagnostics };
  }

  private report(error: unknown): void {
    if (!(error instanceof Unsupported)) throw error;
    const { line, character } = this.file.getLineAndCharacterOfPosition(error.node.getStart(this.file));
    this.diagnostics.push({ line: line + 1, column: character + 1, code: 'portability', message: `cannot translate to Python: ${error.message}` });
  }

  // ---------------------------------------------------------------- names

  private name(identifier: ts.Identifier | string): string {
    const text = typeof identifier === 'string' ? identifier : identifier.text;
    if (typeof identifier !== 'string' && identifier.parent && ts.isFunctionDeclaration(identifier.parent)
      && identifier.parent.parent === this.file && EXPORTS[text]) {
      return text === 'resampleHistory' ? this.resampleImplName : EXPORTS[text];
    }
    if (EXPORTS[text] && this.isModuleFunction(text)) return text === 'resampleHistory' ? this.resampleImplName : EXPORTS[text];
    if (this.classNames.has(text)) return pythonClassName(text);
    return pythonName(text);
  }

  /** Classes declared at the top level of the module (they keep their names in Python). */
  private get classNames(): Set<string> {
    this.classNameSet ??= new Set(this.file.statements.flatMap((s) => ((ts.isClassDeclaration(s) || ts.isEnumDeclaration(s)) && s.name ? [s.name.text] : [])));
    return this.classNameSet;
  }

  private isModuleFunction(text: string): boolean {
    return this.file.statements.some((s) => ts.isFunctionDeclaration(s) && s.name?.text === text);
  }

  private tempName(): string {
    this.temp += 1;
    return `_t${this.temp}`;
  }

  // ---------------------------------------------------------------- types

  private typeOf(node: ts.Node): ts.Type {
    return this.checker.getTypeAtLocation(node);
  }

  private nonNullable(type: ts.Type): ts.Type {
    return this.checker.getNonNullableType(type);
  }

  private isString(node: ts.Node): boolean {
    return this.every(this.nonNullable(this.typeOf(node)), (t) => (t.flags & ts.TypeFlags.StringLike) !== 0);
  }

  private isNumber(node: ts.Node): boolean {
    return this.every(this.nonNullable(this.typeOf(node)), (t) => (t.flags & ts.TypeFlags.NumberLike) !== 0);
  }

  private isBoolean(node: ts.Node): boolean {
    return this.every(this.typeOf(node), (t) => (t.flags & ts.TypeFlags.BooleanLike) !== 0);
  }

  private isArray(node: ts.Node): boolean {
    const type = this.nonNullable(this.typeOf(node));
    // A regular expression's match is an array of the whole match and its groups.
    return this.every(type, (t) => this.checker.isArrayType(t) || this.checker.isTupleType(t)
      || ['RegExpMatchArray', 'RegExpExecArray'].includes(t.getSymbol()?.getName() ?? ''));
  }

  /** Whether every part of the node's type is the named library type (RegExp, Map, Set, ...). */
  private isLibraryType(node: ts.Node, ...names: string[]): boolean {
    const type = this.nonNullable(this.typeOf(node));
    return this.every(type, (t) => names.includes(t.getSymbol()?.getName() ?? '') && !this.isModuleClassType(t));
  }

  private isRegExp(node: ts.Node): boolean {
    return this.isLibraryType(node, 'RegExp');
  }

  private isMap(node: ts.Node): boolean {
    return this.isLibraryType(node, 'Map', 'ReadonlyMap');
  }

  private isSet(node: ts.Node): boolean {
    return this.isLibraryType(node, 'Set', 'ReadonlySet');
  }

  private isModuleClassType(type: ts.Type): boolean {
    const declaration = type.getSymbol()?.declarations?.[0];
    return declaration !== undefined && ts.isClassDeclaration(declaration) && declaration.getSourceFile() === this.file;
  }

  /** An instance of a class of this module (`this` included), or the class itself (its static side): attributes, not dict keys. */
  private isClassObject(node: ts.Expression): boolean {
    if (node.kind === ts.SyntaxKind.ThisKeyword) return true;
    if (ts.isIdentifier(node) && this.classNames.has(node.text)) {
      const declaration = this.checker.getSymbolAtLocation(node)?.declarations?.[0];
      if (declaration && (ts.isClassDeclaration(declaration) || ts.isEnumDeclaration(declaration))) return true;
    }
    const type = this.nonNullable(this.typeOf(node));
    return this.every(type, (t) => this.isModuleClassType(t));
  }

  /** Map and Set keys must compare in Python as in JavaScript: strings, numbers, or booleans alone. */
  private checkKeyType(node: ts.Node, type: ts.Type | undefined, what: string): void {
    const parts = type === undefined ? [] : type.isUnion() ? type.types : [type];
    const kinds = new Set(parts.map((t) => ((t.flags & ts.TypeFlags.StringLike) ? 'string' : (t.flags & ts.TypeFlags.NumberLike) ? 'number' : (t.flags & ts.TypeFlags.BooleanLike) ? 'boolean' : 'other')));
    if (parts.length === 0 || kinds.has('other') || (kinds.has('boolean') && kinds.has('number'))) {
      throw new Unsupported(node, `${what} keys must be strings or numbers (declare the type, e.g. new ${what}<string, number>()); other keys compare differently in Python`);
    }
  }

  /** Objects and arrays: compared by identity, always truthy. */
  private isObject(node: ts.Node): boolean {
    const type = this.nonNullable(this.typeOf(node));
    return this.every(type, (t) => (t.flags & ts.TypeFlags.Object) !== 0 || (t.flags & ts.TypeFlags.NonPrimitive) !== 0);
  }

  private isNullable(node: ts.Node): boolean {
    const type = this.typeOf(node);
    return type.isUnion() && type.types.some((t) => (t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)) !== 0);
  }

  private every(type: ts.Type, predicate: (t: ts.Type) => boolean): boolean {
    if (type.isUnion()) return type.types.every((t) => predicate(t));
    return predicate(type);
  }

  // ---------------------------------------------------------------- statements

  private indent(level: number): string {
    return '    '.repeat(level);
  }

  private functionDeclaration(node: ts.FunctionDeclaration, level: number): string[] {
    if (!node.name || !node.body) throw new Unsupported(node, 'a function needs a name and a body');
    if (node.asteriskToken) throw new Unsupported(node, 'generators are outside the portable subset');
    const params = this.parameters(node.parameters);
    const lines = [`${this.indent(level)}def ${this.name(node.name)}(${params.names.join(', ')}):`];
    const body = this.block(node.body.statements, level + 1, this.scopeDeclarations(node), params.prologue);
    return [...lines, ...body];
  }

  /**
   * Python parameters, and the statements that bind destructured ones and copy
   * a rest parameter into a list (`prologue`, to run first in the body).
   */
  private parameters(parameters: ts.NodeArray<ts.ParameterDeclaration>, callback = false): { names: string[]; prologue: (level: number) => string[] } {
    const bindings: Array<(level: number) => string[]> = [];
    let rest = false;
    const names = parameters.filter((p) => !(ts.isIdentifier(p.name) && p.name.text === 'this')).map((p) => {
      let name: string;
      if (ts.isIdentifier(p.name)) {
        name = this.name(p.name);
      } else {
        name = this.tempName();
        const pattern = p.name;
        bindings.push((level) => this.bindPattern(pattern, name, level));
      }
      if (p.dotDotDotToken) {
        rest = true;
        bindings.unshift((level) => [`${this.indent(level)}${name} = list(${name})`]);
        return `*${name}`;
      }
      // A default applies when the argument is undefined; the binding, if any, reads the result.
      return p.initializer ? `${name}=${this.expression(p.initializer)}` : p.questionToken ? `${name}=None` : name;
    });
    // Callbacks are called with (value, index): accept and ignore extra arguments.
    if (callback && !rest) names.push('*_js_rest');
    return { names, prologue: (level: number) => bindings.flatMap((bind) => bind(level)) };
  }

  /**
   * The `global` and `nonlocal` statements a function needs: for the module-level variables it
   * assigns, and for the variables of an enclosing function a nested one assigns.
   */
  private scopeDeclarations(fn: ts.FunctionLikeDeclaration): string[] {
    const own = new Set<string>();
    const collectOwn = (node: ts.Node) => {
      if ((ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isBindingElement(node)) && ts.isIdentifier(node.name)) own.add(node.name.text);
      if (node !== fn && ts.isFunctionLike(node)) return;
      ts.forEachChild(node, collectOwn);
    };
    collectOwn(fn);
    const globals = new Set<string>();
    const nonlocals = new Set<string>();
    const assigned = (target: ts.Expression) => {
      target = skipOuter(target);
      if (ts.isArrayLiteralExpression(target)) {
        target.elements.forEach(assigned);
        return;
      }
      if (!ts.isIdentifier(target) || own.has(target.text)) return;
      const declaration = this.checker.getSymbolAtLocation(target)?.valueDeclaration;
      const moduleLevel = declaration !== undefined && ts.isVariableDeclaration(declaration) && ts.isVariableStatement(declaration.parent.parent)
        && declaration.parent.parent.parent === this.file;
      if (moduleLevel) globals.add(this.name(target));
      else if (fn.parent !== this.file && !ts.isClassLike(fn.parent)) nonlocals.add(this.name(target));
    };
    const visit = (node: ts.Node) => {
      if (node !== fn && ts.isFunctionLike(node)) return;
      if (ts.isBinaryExpression(node) && isAssignment(node.operatorToken.kind)) assigned(node.left);
      if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node))
        && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) assigned(node.operand);
      ts.forEachChild(node, visit);
    };
    visit(fn);
    return [...(globals.size > 0 ? [`global ${[...globals].join(', ')}`] : []), ...(nonlocals.size > 0 ? [`nonlocal ${[...nonlocals].join(', ')}`] : [])];
  }

  private block(statements: readonly ts.Statement[], level: number, declarations: string[] = [], prologue?: (level: number) => string[]): string[] {
    const lines = declarations.map((d) => `${this.indent(level)}${d}`);
    if (prologue) {
      try {
        lines.push(...prologue(level));
      } catch (error) {
        this.report(error);
      }
    }
    for (const statement of statements) {
      try {
        lines.push(...this.statement(statement, level));
      } catch (error) {
        this.report(error);
      }
    }
    if (lines.length === declarations.length) lines.push(`${this.indent(level)}pass`);
    return lines;
  }

  /** Translates one statement; nested defs its expressions need come first. */
  private statement(node: ts.Statement, level: number): string[] {
    this.hoisted.push([]);
    let lines: string[];
    try {
      lines = this.statementBody(node, level);
    } finally {
      const defs = this.hoisted.pop()!;
      lines = [...defs.flatMap((def) => def.split('\n').map((l) => this.indent(level) + l)), ...(lines! ?? [])];
    }
    return lines;
  }

  private statementBody(node: ts.Statement, level: number): string[] {
    const pad = this.indent(level);
    if (ts.isVariableStatement(node)) {
      if ((node.declarationList.flags & ts.NodeFlags.BlockScoped) === 0) throw new Unsupported(node, '`var` is outside the portable subset; use let or const');
      return node.declarationList.declarations.flatMap((d) => this.variableDeclaration(d, level));
    }
    if (ts.isFunctionDeclaration(node)) return this.functionDeclaration(node, level);
    if (ts.isReturnStatement(node)) return [`${pad}return${node.expression ? ` ${this.expression(node.expression)}` : ''}`];
    if (ts.isExpressionStatement(node)) return this.expressionStatement(node.expression, level);
    if (ts.isIfStatement(node)) return this.ifStatement(node, level, 'if');
    if (ts.isBlock(node)) return this.block(node.statements, level);
    if (ts.isForOfStatement(node)) return this.forOf(node, level);
    if (ts.isForStatement(node)) return this.forStatement(node, level);
    if (ts.isForInStatement(node)) {
      const { variable, prologue } = this.loopVariable(node.initializer);
      return [`${pad}for ${variable} in _js_keys(${this.expression(node.expression)}):`, ...this.loopBody(node.statement, level + 1, prologue)];
    }
    if (ts.isWhileStatement(node)) return [`${pad}while ${this.condition(node.expression)}:`, ...this.loopBody(node.statement, level + 1)];
    if (ts.isDoStatement(node)) {
      // The body runs once before the condition is first tested; `continue` goes to the test.
      const first = this.tempName();
      return [`${pad}${first} = True`, `${pad}while ${first} or ${this.condition(node.expression)}:`, `${pad}    ${first} = False`, ...this.loopBody(node.statement, level + 1)];
    }
    if (ts.isBreakStatement(node) || ts.isContinueStatement(node)) {
      const kind = ts.isBreakStatement(node) ? 'break' : 'continue';
      if (!node.label) return [`${pad}${kind}`];
      // Python has no labels: the jump is an exception the labelled statement catches.
      const label = this.labels.get(node.label.text);
      if (label === undefined) throw new Unsupported(node, `${kind} to an unknown label`);
      return [`${pad}raise _JsJump('${kind}', ${label})`];
    }
    if (ts.isLabeledStatement(node)) return this.labeledStatement(node, level);
    if (ts.isThrowStatement(node)) return [`${pad}raise ${this.thrown(node.expression)}`];
    if (ts.isTryStatement(node)) return this.tryStatement(node, level);
    if (ts.isSwitchStatement(node)) return this.switchStatement(node, level);
    if (ts.isEmptyStatement(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return [];
    throw new Unsupported(node, `${ts.SyntaxKind[node.kind]} is outside the portable subset`);
  }

  private loopBody(statement: ts.Statement, level: number, prologue?: (level: number) => string[]): string[] {
    const label = this.continueLabel;
    this.continueLabel = undefined;
    const statements = ts.isBlock(statement) ? statement.statements : [statement];
    if (label === undefined) return this.block(statements, level, [], prologue);
    // `continue label` ends this iteration: the jump is caught at the end of the body.
    const pad = this.indent(level);
    return [`${pad}try:`, ...this.block(statements, level + 1, [], prologue), ...catchJump(pad, 'continue', label)];
  }

  /** A labelled statement: `break label` leaves it, `continue label` (on a loop) ends the loop's iteration. */
  private labeledStatement(node: ts.LabeledStatement, level: number): string[] {
    const pad = this.indent(level);
    const id = ++this.temp;
    const name = node.label.text;
    const jumps = { break: false, continue: false };
    const find = (n: ts.Node): void => {
      if ((ts.isBreakStatement(n) || ts.isContinueStatement(n)) && n.label?.text === name) jumps[ts.isBreakStatement(n) ? 'break' : 'continue'] = true;
      if (!ts.isFunctionLike(n)) ts.forEachChild(n, find);
    };
    find(node.statement);
    const isLoop = ts.isIterationStatement(node.statement, false);
    if (jumps.continue && !isLoop) throw new Unsupported(node, 'continue to a label that is not on a loop');
    const previous = this.labels.get(name);
    this.labels.set(name, id);
    try {
      if (jumps.continue) this.continueLabel = id;
      const inner = this.statement(node.statement, jumps.break ? level + 1 : level);
      return jumps.break ? [`${pad}try:`, ...inner, ...catchJump(pad, 'break', id)] : inner;
    } finally {
      this.continueLabel = undefined;
      if (previous === undefined) this.labels.delete(name);
      else this.labels.set(name, previous);
    }
  }

  /** The loop variable, and the statements that bind a destructured one at the start of each iteration. */
  private loopVariable(initializer: ts.ForInitializer): { variable: string; prologue?: (level: number) => string[] } {
    if (!ts.isVariableDeclarationList(initializer) || initializer.declarations.length !== 1) {
      throw new Unsupported(initializer, 'a loop needs exactly one `const`/`let` variable');
    }
    const name = initializer.declarations[0].name;
    if (ts.isIdentifier(name)) return { variable: this.name(name) };
    const variable = this.tempName();
    return { variable, prologue: (level) => this.bindPattern(name, variable, level) };
  }

  /**
   * Assignments that bind a destructuring pattern to the value `source` (a Python expression):
   * array patterns by index (a missing element is undefined), object patterns by key, defaults
   * where the value is undefined, rest elements as copies, nested patterns recursively.
   */
  private bindPattern(pattern: ts.BindingName, source: string, level: number): string[] {
    const pad = this.indent(level);
    if (ts.isIdentifier(pattern)) return [`${pad}${this.name(pattern)} = ${source}`];
    const value = /^[A-Za-z_][A-Za-z0-9_]*$/.test(source) ? source : this.tempName();
    const lines = value === source ? [] : [`${pad}${value} = ${source}`];
    const read = (element: ts.BindingElement, raw: string) => (element.initializer ? this.withDefault(raw, element.initializer) : raw);
    if (ts.isArrayBindingPattern(pattern)) {
      pattern.elements.forEach((element, i) => {
        if (ts.isOmittedExpression(element)) return;
        if (element.dotDotDotToken) lines.push(...this.bindPattern(element.name, `_js_slice(list(${value}), ${i})`, level));
        else lines.push(...this.bindPattern(element.name, read(element, `_js_get(${value}, ${i})`), level));
      });
      return lines;
    }
    const taken: string[] = [];
    for (const element of pattern.elements) {
      if (element.dotDotDotToken) {
        lines.push(...this.bindPattern(element.name, `{k: v for k, v in ${value}.items() if k not in (${taken.map((k) => `${k}, `).join('')})}`, level));
        continue;
      }
      const property = element.propertyName ?? element.name;
      let key: string;
      if (ts.isIdentifier(property) || ts.isStringLiteral(property)) key = JSON.stringify(property.text);
      else if (ts.isNumericLiteral(property)) key = JSON.stringify(String(Number(property.text)));
      else if (ts.isComputedPropertyName(property)) key = `_js_key(${this.expression(property.expression)})`;
      else throw new Unsupported(element, 'this destructuring pattern is outside the portable subset');
      taken.push(key);
      lines.push(...this.bindPattern(element.name, read(element, `${value}.get(${key})`), level));
    }
    return lines;
  }

  private variableDeclaration(declaration: ts.VariableDeclaration, level: number): string[] {
    const pad = this.indent(level);
    const value = declaration.initializer ? this.expression(declaration.initializer) : 'None';
    if (ts.isIdentifier(declaration.name)) return [`${pad}${this.name(declaration.name)} = ${value}`];
    const source = this.tempName();
    return [`${pad}${source} = ${value}`, ...this.bindPattern(declaration.name, source, level)];
  }

  private withDefault(read: string, initializer: ts.Expression): string {
    const t = this.tempName();
    return `(${t} if (${t} := ${read}) is not None else ${this.expression(initializer)})`;
  }

  private expressionStatement(expression: ts.Expression, level: number): string[] {
    const pad = this.indent(level);
    if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isArrayLiteralExpression(expression.left)) {
      // `[a, b] = [b, a]`: the right side is read completely before any target is assigned.
      const source = this.tempName();
      const lines = [`${pad}${source} = ${this.expression(expression.right)}`];
      expression.left.elements.forEach((target, i) => {
        if (ts.isOmittedExpression(target)) return;
        if (ts.isSpreadElement(target) || ts.isArrayLiteralExpression(target) || ts.isObjectLiteralExpression(target) || ts.isBinaryExpression(target)) {
          throw new Unsupported(target, 'rest, nested or defaulted targets in a destructuring assignment are outside the portable subset');
        }
        lines.push(`${pad}${this.assignTarget(target, () => `_js_get(${source}, ${i})`)}`);
      });
      return lines;
    }
    if (ts.isBinaryExpression(expression) && isAssignment(expression.operatorToken.kind)) {
      return [`${pad}${this.assignment(expression)}`];
    }
    if (ts.isDeleteExpression(expression)) {
      const target = skipOuter(expression.expression);
      if (ts.isPropertyAccessExpression(target) && !this.isArray(target.expression) && !this.isClassObject(target.expression)) {
        return [`${pad}${this.expression(target.expression)}.pop(${JSON.stringify(target.name.text)}, None)`];
      }
      if (ts.isElementAccessExpression(target) && !this.isArray(target.expression) && !this.isString(target.expression)) {
        const key = this.isString(target.argumentExpression) ? this.expression(target.argumentExpression) : `_js_key(${this.expression(target.argumentExpression)})`;
        return [`${pad}${this.expression(target.expression)}.pop(${key}, None)`];
      }
      throw new Unsupported(expression, 'delete is only translated for an object\'s key');
    }
    if ((ts.isPostfixUnaryExpression(expression) || ts.isPrefixUnaryExpression(expression))
      && (expression.operator === ts.SyntaxKind.PlusPlusToken || expression.operator === ts.SyntaxKind.MinusMinusToken)) {
      const op = expression.operator === ts.SyntaxKind.PlusPlusToken ? '+' : '-';
      return [`${pad}${this.assignTarget(expression.operand, (current) => `${current} ${op} 1`)}`];
    }
    return [`${pad}${this.expression(expression)}`];
  }

  private ifStatement(node: ts.IfStatement, level: number, keyword: 'if' | 'elif'): string[] {
    const pad = this.indent(level);
    const lines = [`${pad}${keyword} ${this.condition(node.expression)}:`, ...this.loopBody(node.thenStatement, level + 1)];
    if (node.elseStatement) {
      if (ts.isIfStatement(node.elseStatement)) lines.push(...this.ifStatement(node.elseStatement, level, 'elif'));
      else lines.push(`${pad}else:`, ...this.loopBody(node.elseStatement, level + 1));
    }
    return lines;
  }

  private forOf(node: ts.ForOfStatement, level: number): string[] {
    const pad = this.indent(level);
    const { variable, prologue } = this.loopVariable(node.initializer);
    return [`${pad}for ${variable} in ${this.iterable(node.expression)}:`, ...this.loopBody(node.statement, level + 1, prologue)];
  }

  /** A Python list (or list-like) of what JavaScript's iteration of `node` yields. */
  private iterable(node: ts.Expression): string {
    const text = this.expression(node);
    if (this.isMap(node)) return `_js_map_entries(${text})`;
    // A snapshot of a Set or string (a Set may change while it is iterated).
    if (this.isSet(node) || this.isString(node)) return `list(${text})`;
    return text;
  }

  /** `for (let i = a; cond; update)`: a range() when the shape allows, else a while loop. */
  private forStatement(node: ts.ForStatement, level: number): string[] {
    const pad = this.indent(level);
    const range = this.rangeLoop(node);
    if (range) return [`${pad}for ${range.variable} in ${range.range}:`, ...this.loopBody(node.statement, level + 1)];
    const lines: string[] = [];
    if (node.initializer) {
      if (ts.isVariableDeclarationList(node.initializer)) lines.push(...node.initializer.declarations.flatMap((d) => this.variableDeclaration(d, level)));
      else lines.push(...this.expressionStatement(node.initializer, level));
    }
    const update = node.incrementor ? this.expressionStatement(node.incrementor, level + 2) : [];
    const body = this.loopBody(node.statement, level + 2);
    lines.push(`${pad}while ${node.condition ? this.condition(node.condition) : 'True'}:`);
    if (update.length === 0) return [...lines, ...body.map((l) => l.slice(4))];
    // try/finally runs the update on `continue` as JavaScript does.
    lines.push(`${pad}    try:`, ...body, `${pad}    finally:`, ...update);
    return lines;
  }

  private rangeLoop(node: ts.ForStatement): { variable: string; range: string } | null {
    const init = node.initializer;
    if (!init || !ts.isVariableDeclarationList(init) || init.declarations.length !== 1) return null;
    const declaration = init.declarations[0];
    if (!ts.isIdentifier(declaration.name) || !declaration.initializer) return null;
    const name = declaration.name.text;
    const cond = node.condition;
    const inc = node.incrementor;
    if (!cond || !inc || !ts.isBinaryExpression(cond) || !ts.isIdentifier(cond.left) || cond.left.text !== name) return null;
    let step: number;
    if ((ts.isPostfixUnaryExpression(inc) || ts.isPrefixUnaryExpression(inc)) && ts.isIdentifier(inc.operand) && inc.operand.text === name) {
      step = inc.operator === ts.SyntaxKind.PlusPlusToken ? 1 : -1;
    } else if (ts.isBinaryExpression(inc) && ts.isIdentifier(inc.left) && inc.left.text === name && ts.isNumericLiteral(inc.right)
      && (inc.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken || inc.operatorToken.kind === ts.SyntaxKind.MinusEqualsToken)) {
      step = (inc.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken ? 1 : -1) * Number(inc.right.text);
    } else {
      return null;
    }
    if (!Number.isInteger(step) || step === 0) return null;
    // The loop variable must not change in the body, and the bound must not depend on anything the body changes.
    const assigned = new Set<string>();
    let mutates = false;
    const visit = (n: ts.Node) => {
      if (ts.isBinaryExpression(n) && isAssignment(n.operatorToken.kind) && ts.isIdentifier(n.left)) assigned.add(n.left.text);
      if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && ts.isIdentifier(n.operand)) assigned.add(n.operand.text);
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)
        && ['push', 'pop', 'shift', 'unshift', 'splice'].includes(n.expression.name.text)) mutates = true;
      ts.forEachChild(n, visit);
    };
    visit(node.statement);
    if (assigned.has(name)) return null;
    const boundNames: string[] = [];
    const collect = (n: ts.Node) => {
      if (ts.isIdentifier(n)) boundNames.push(n.text);
      ts.forEachChild(n, collect);
    };
    collect(cond.right);
    if (boundNames.some((n) => assigned.has(n)) || (mutates && /\.length/.test(cond.right.getText(this.file)))) return null;
    const start = this.expression(declaration.initializer);
    const bound = this.expression(cond.right);
    const op = cond.operatorToken.kind;
    const stepText = step === 1 ? '' : `, ${step}`;
    if (step > 0 && op === ts.SyntaxKind.LessThanToken) return { variable: this.name(name), range: `range(${start}, ${bound}${stepText})` };
    if (step > 0 && op === ts.SyntaxKind.LessThanEqualsToken) return { variable: this.name(name), range: `range(${start}, (${bound}) + 1${stepText})` };
    if (step < 0 && op === ts.SyntaxKind.GreaterThanEqualsToken) return { variable: this.name(name), range: `range(${start}, (${bound}) - 1, ${step})` };
    if (step < 0 && op === ts.SyntaxKind.GreaterThanToken) return { variable: this.name(name), range: `range(${start}, ${bound}, ${step})` };
    return null;
  }

  private tryStatement(node: ts.TryStatement, level: number): string[] {
    const pad = this.indent(level);
    const lines = [`${pad}try:`, ...this.block(node.tryBlock.statements, level + 1)];
    if (node.catchClause) {
      const variable = node.catchClause.variableDeclaration;
      const name = variable && ts.isIdentifier(variable.name) ? ` as ${this.name(variable.name)}` : '';
      lines.push(`${pad}except Exception${name}:`, ...this.block(node.catchClause.block.statements, level + 1));
    }
    if (node.finallyBlock) lines.push(`${pad}finally:`, ...this.block(node.finallyBlock.statements, level + 1));
    return lines;
  }

  private switchStatement(node: ts.SwitchStatement, level: number): string[] {
    const pad = this.indent(level);
    const subject = this.tempName();
    const lines = [`${pad}${subject} = ${this.expression(node.expression)}`];
    let first = true;
    let pendingLabels: string[] = [];
    for (const clause of node.caseBlock.clauses) {
      const statements = [...clause.statements];
      if (ts.isCaseClause(clause)) pendingLabels.push(`${subject} == ${this.expression(clause.expression)}`);
      if (statements.length === 0 && ts.isCaseClause(clause)) continue; // falls through to the next label
      const last = statements[statements.length - 1];
      const ends = last && (ts.isBreakStatement(last) || ts.isReturnStatement(last) || ts.isThrowStatement(last) || ts.isContinueStatement(last));
      if (!ends) throw new Unsupported(clause, 'a switch case must end with break, return, throw or continue (fall-through is outside the portable subset)');
      const body = last && ts.isBreakStatement(last) ? statements.slice(0, -1) : statements;
      if (ts.isDefaultClause(clause)) {
        lines.push(first ? `${pad}if True:` : `${pad}else:`);
      } else {
        lines.push(`${pad}${first ? 'if' : 'elif'} ${pendingLabels.join(' or ')}:`);
      }
      lines.push(...this.block(body, level + 1));
      pendingLabels = [];
      first = false;
    }
    return lines;
  }

  private thrown(expression: ts.Expression): string {
    if (ts.isNewExpression(expression) && ts.isIdentifier(expression.expression) && /Error$/.test(expression.expression.text)) {
      const message = expression.arguments?.[0];
      return `ValueError(${message ? `_js_str(${this.expression(message)})` : "''"})`;
    }
    return `ValueError(_js_str(${this.expression(expression)}))`;
  }

  // ---------------------------------------------------------------- assignments

  private assignment(node: ts.BinaryExpression): string {
    const kind = node.operatorToken.kind;
    if (kind === ts.SyntaxKind.EqualsToken) return this.assignTarget(node.left, () => this.expression(node.right));
    if (kind === ts.SyntaxKind.QuestionQuestionEqualsToken || kind === ts.SyntaxKind.BarBarEqualsToken || kind === ts.SyntaxKind.AmpersandAmpersandEqualsToken) {
      // `x ??= y` assigns only when x is null or undefined (`||=`: falsy, `&&=`: truthy); the current value is kept otherwise.
      const test = (current: string) => (kind === ts.SyntaxKind.QuestionQuestionEqualsToken ? `${current} is None`
        : kind === ts.SyntaxKind.BarBarEqualsToken ? `not _js_truthy(${current})` : `_js_truthy(${current})`);
      return this.assignTarget(node.left, (current) => `(${this.expression(node.right)} if ${test(current)} else ${current})`);
    }
    const operator = compoundOperator(kind);
    if (!operator) throw new Unsupported(node, `${ts.tokenToString(kind)} is outside the portable subset`);
    return this.assignTarget(node.left, (current) => this.binaryText(operator, node.left, node.right, current));
  }

  /** An assignment statement to `target`, whose new value is computed from its current value. */
  private assignTarget(target: ts.Expression, value: (current: string) => string): string {
    if (ts.isIdentifier(target)) return `${this.name(target)} = ${value(this.name(target))}`;
    if (ts.isPropertyAccessExpression(target)) {
      const object = this.expression(target.expression);
      const name = target.name.text;
      // An array's only writable property is its length (`xs.length = 0` empties it in place); a
      // string's are none. Anything else would become a dict write on a list.
      if (this.isArray(target.expression) && name === 'length') return `_js_set_length(${object}, ${value(`len(${object})`)})`;
      if (this.isArray(target.expression) || this.isString(target.expression)) throw new Unsupported(target, `assigning .${name} is outside the portable subset`);
      if (this.isMap(target.expression) || this.isSet(target.expression) || this.isRegExp(target.expression)) throw new Unsupported(target, `assigning .${name} is outside the portable subset`);
      if (this.isClassObject(target.expression)) {
        const attribute = `${object}.${pythonName(name)}`;
        return `${attribute} = ${value(attribute)}`;
      }
      const key = JSON.stringify(name);
      return `${object}[${key}] = ${value(`${object}[${key}]`)}`;
    }
    if (ts.isElementAccessExpression(target)) {
      const object = this.expression(target.expression);
      const index = this.expression(target.argumentExpression);
      if (this.isArray(target.expression)) return `_js_set(${object}, ${index}, ${value(`_js_get(${object}, ${index})`)})`;
      const key = this.isString(target.argumentExpression) ? index : `_js_key(${index})`;
      return `${object}[${key}] = ${value(`${object}.get(${key})`)}`;
    }
    if (ts.isParenthesizedExpression(target) || ts.isNonNullExpression(target) || ts.isAsExpression(target)) return this.assignTarget(target.expression, value);
    throw new Unsupported(target, 'this assignment target is outside the portable subset');
  }

  // ---------------------------------------------------------------- expressions

  /** A Python boolean for a JavaScript condition. */
  private condition(node: ts.Expression): string {
    const text = this.expression(node);
    if (this.isBoolean(node) && !this.isNullable(node)) return text;
    if (this.isObject(node)) return `(${text} is not None)`;
    if (this.isString(node) && !this.isNullable(node)) return `(len(${text}) > 0)`;
    return `_js_truthy(${text})`;
  }

  expression(node: ts.Expression): string {
    if (ts.isParenthesizedExpression(node)) return `(${this.expression(node.expression)})`;
    if (ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isTypeAssertionExpression(node) || ts.isSatisfiesExpression(node)) {
      return this.expression(node.expression);
    }
    if (ts.isNumericLiteral(node)) return node.text;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return pythonString(node.text);
    if (ts.isTemplateExpression(node)) return this.template(node);
    if (node.kind === ts.SyntaxKind.TrueKeyword) return 'True';
    if (node.kind === ts.SyntaxKind.FalseKeyword) return 'False';
    if (node.kind === ts.SyntaxKind.NullKeyword) return 'None';
    if (ts.isIdentifier(node)) return this.identifier(node);
    if (ts.isArrayLiteralExpression(node)) return this.arrayLiteral(node);
    if (ts.isObjectLiteralExpression(node)) return this.objectLiteral(node);
    if (ts.isPropertyAccessExpression(node)) return this.propertyAccess(node);
    if (ts.isElementAccessExpression(node)) return this.elementAccess(node);
    if (ts.isCallExpression(node)) return this.call(node);
    if (ts.isNewExpression(node)) return this.newExpression(node);
    if (ts.isBinaryExpression(node)) return this.binary(node);
    if (ts.isPrefixUnaryExpression(node)) return this.prefixUnary(node);
    if (ts.isConditionalExpression(node)) {
      return `(${this.expression(node.whenTrue)} if ${this.condition(node.condition)} else ${this.expression(node.whenFalse)})`;
    }
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return this.functionValue(node);
    if (ts.isTypeOfExpression(node)) return `_js_typeof(${this.expression(node.expression)})`;
    if (ts.isRegularExpressionLiteral(node)) return this.regexLiteral(node);
    if (node.kind === ts.SyntaxKind.ThisKeyword) return this.thisExpression(node);
    if (ts.isSpreadElement(node)) throw new Unsupported(node, 'spread is only translated in array literals, object literals and calls');
    throw new Unsupported(node, `${ts.SyntaxKind[node.kind]} is outside the portable subset`);
  }

  private identifier(node: ts.Identifier): string {
    switch (node.text) {
      case 'undefined': return 'None';
      case 'NaN': return 'math.nan';
      case 'Infinity': return 'math.inf';
      default: {
        // The conversion functions passed as callbacks (`.map(Number)`, `.filter(Boolean)`), when they are the globals.
        const conversion = GLOBAL_CONVERSIONS[node.text];
        if (conversion && this.checker.getSymbolAtLocation(node)?.declarations?.every((d) => d.getSourceFile() !== this.file)) {
          return conversion;
        }
        if (node.text === 'parseInt' && this.checker.getSymbolAtLocation(node)?.declarations?.every((d) => d.getSourceFile() !== this.file)) {
          throw new Unsupported(node, 'parseInt as a callback receives the index as its radix; write (s) => parseInt(s, 10)');
        }
        return this.name(node);
      }
    }
  }

  private template(node: ts.TemplateExpression): string {
    const parts = node.head.text ? [pythonString(node.head.text)] : [];
    for (const span of node.templateSpans) {
      parts.push(this.stringOf(span.expression));
      if (span.literal.text) parts.push(pythonString(span.literal.text));
    }
    return parts.length === 0 ? "''" : `(${parts.join(' + ')})`;
  }

  /** String conversion as JavaScript does it (1 -> "1", 1.5 -> "1.5", null -> "null"). */
  private stringOf(node: ts.Expression): string {
    const text = this.expression(node);
    return this.isString(node) && !this.isNullable(node) ? text : `_js_str(${text})`;
  }

  private arrayLiteral(node: ts.ArrayLiteralExpression): string {
    return `[${node.elements.map((e) => (ts.isSpreadElement(e) ? `*${this.iterable(e.expression)}` : this.expression(e))).join(', ')}]`;
  }

  private regexLiteral(node: ts.RegularExpressionLiteral): string {
    const text = node.text;
    const end = text.lastIndexOf('/');
    try {
      const regex = pythonRegex(text.slice(1, end), text.slice(end + 1));
      return `_js_regex(${pythonString(regex.pattern)}, ${regex.ignoreCase ? 'True' : 'False'}, ${regex.global ? 'True' : 'False'})`;
    } catch (error) {
      if (error instanceof RegexNotPortable) throw new Unsupported(node, error.message);
      throw error;
    }
  }

  /** The flags of a regular expression literal, or of a const initialised with one; null when not known here. */
  private regexFlags(node: ts.Expression): string | null {
    node = skipOuter(node);
    if (ts.isIdentifier(node)) {
      const declaration = this.checker.getSymbolAtLocation(node)?.valueDeclaration;
      if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer
        && (ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) !== 0) node = skipOuter(declaration.initializer);
    }
    if (!ts.isRegularExpressionLiteral(node)) return null;
    return node.text.slice(node.text.lastIndexOf('/') + 1);
  }

  private objectLiteral(node: ts.ObjectLiteralExpression): string {
    const entries = node.properties.map((p) => {
      if (ts.isPropertyAssignment(p)) return `${this.propertyKey(p.name)}: ${this.expression(p.initializer)}`;
      if (ts.isShorthandPropertyAssignment(p)) return `${JSON.stringify(p.name.text)}: ${this.name(p.name)}`;
      if (ts.isSpreadAssignment(p)) return `**${this.expression(p.expression)}`;
      throw new Unsupported(p, 'methods and accessors in object literals are outside the portable subset');
    });
    return `{${entries.join(', ')}}`;
  }

  private propertyKey(name: ts.PropertyName): string {
    if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return JSON.stringify(name.text);
    if (ts.isNumericLiteral(name)) return JSON.stringify(String(Number(name.text)));
    if (ts.isComputedPropertyName(name)) return `_js_key(${this.expression(name.expression)})`;
    throw new Unsupported(name, 'this property name is outside the portable subset');
  }

  private propertyAccess(node: ts.PropertyAccessExpression): string {
    if (node.questionDotToken) {
      const t = this.tempName();
      return `(None if (${t} := ${this.expression(node.expression)}) is None else ${this.member(t, node.expression, node.name.text, node)})`;
    }
    return this.member(this.expression(node.expression), node.expression, node.name.text, node);
  }

  /** `object.name` where `objectText` is the translated object. */
  private member(objectText: string, object: ts.Expression, name: string, node: ts.Node): string {
    if (ts.isIdentifier(object)) {
      const constant = NAMESPACE_CONSTANTS[`${object.text}.${name}`];
      if (constant) return constant;
    }
    if (name === 'length' && (this.isArray(object) || this.isString(object))) return `len(${objectText})`;
    if (this.isArray(object) || this.isString(object)) throw new Unsupported(node, `.${name} is outside the portable subset`);
    if (this.isMap(object) || this.isSet(object)) {
      if (name === 'size') return `len(${objectText})`;
      throw new Unsupported(node, `.${name} of a Map or Set is outside the portable subset`);
    }
    if (this.isRegExp(object)) throw new Unsupported(node, `a regular expression's .${name} is outside the portable subset`);
    if (this.isClassObject(object)) return `${objectText}.${pythonName(name)}`;
    return `${objectText}[${JSON.stringify(name)}]`;
  }

  private elementAccess(node: ts.ElementAccessExpression): string {
    const object = this.expression(node.expression);
    const index = this.expression(node.argumentExpression);
    if (this.isArray(node.expression) || this.isString(node.expression)) return `_js_get(${object}, ${index})`;
    const key = this.isString(node.argumentExpression) ? index : `_js_key(${index})`;
    return `${object}.get(${key})`;
  }

  private newExpression(node: ts.NewExpression): string {
    if (ts.isIdentifier(node.expression) && /Error$/.test(node.expression.text)) {
      const message = node.arguments?.[0];
      return `ValueError(${message ? this.stringOf(message) : "''"})`;
    }
    if (ts.isIdentifier(node.expression) && node.expression.text === 'Array' && node.arguments?.length === 1) {
      return `[None] * (${this.expression(node.arguments[0])})`;
    }
    if (ts.isIdentifier(node.expression) && this.classNames.has(node.expression.text)) {
      return `${this.name(node.expression)}(${this.args(node).join(', ')})`;
    }
    if (ts.isIdentifier(node.expression) && (node.expression.text === 'Map' || node.expression.text === 'Set')) return this.newCollection(node, node.expression.text);
    throw new Unsupported(node, `new ${node.expression.getText(this.file)} is outside the portable subset`);
  }

  /** A Map or Set inside a function: a Python dict (insertion-ordered; a Set's values are its keys). */
  private newCollection(node: ts.NewExpression, kind: 'Map' | 'Set'): string {
    const type = this.nonNullable(this.typeOf(node));
    const [keyType] = (type.flags & ts.TypeFlags.Object) !== 0 ? this.checker.getTypeArguments(type as ts.TypeReference) : [];
    this.checkKeyType(node, keyType, kind);
    const source = node.arguments?.[0];
    if (!source) return '{}';
    const text = this.expression(source);
    if (kind === 'Set') return `dict.fromkeys(${this.isSet(source) || this.isMap(source) ? text : this.iterable(source)})`;
    return this.isMap(source) ? `dict(${text})` : `_js_map_from(${text})`;
  }

  private prefixUnary(node: ts.PrefixUnaryExpression): string {
    const operand = node.operand;
    switch (node.operator) {
      case ts.SyntaxKind.ExclamationToken: return `(not ${this.condition(operand)})`;
      case ts.SyntaxKind.MinusToken: return `(-${this.expression(operand)})`;
      case ts.SyntaxKind.PlusToken: return `_js_number(${this.expression(operand)})`;
      case ts.SyntaxKind.TildeToken: return `(~_js_int32(${this.expression(operand)}))`;
      default: throw new Unsupported(node, `${ts.tokenToString(node.operator)} inside an expression is outside the portable subset; use a separate statement`);
    }
  }

  private binary(node: ts.BinaryExpression): string {
    const kind = node.operatorToken.kind;
    if (isAssignment(kind)) throw new Unsupported(node, 'an assignment inside an expression is outside the portable subset');
    if (kind === ts.SyntaxKind.AmpersandAmpersandToken || kind === ts.SyntaxKind.BarBarToken) return this.logical(node);
    if (kind === ts.SyntaxKind.QuestionQuestionToken) {
      const t = this.tempName();
      return `(${t} if (${t} := ${this.expression(node.left)}) is not None else ${this.expression(node.right)})`;
    }
    return this.binaryText(kind, node.left, node.right, this.expression(node.left));
  }

  /** `left op right` with `leftText` standing for the translated left operand. */
  private binaryText(kind: ts.SyntaxKind, left: ts.Expression, right: ts.Expression, leftText: string): string {
    const r = this.expression(right);
    switch (kind) {
      case ts.SyntaxKind.PlusToken:
        if (this.isNumber(left) && this.isNumber(right)) return `(${leftText} + ${r})`;
        if (this.isString(left) || this.isString(right)) {
          const l = this.isString(left) && !this.isNullable(left) ? leftText : `_js_str(${leftText})`;
          return `(${l} + ${this.stringOf(right)})`;
        }
        throw new Unsupported(left.parent, '+ on values that are neither both numbers nor strings is outside the portable subset');
      case ts.SyntaxKind.MinusToken: return `(${leftText} - ${r})`;
      case ts.SyntaxKind.AsteriskToken: return `(${leftText} * ${r})`;
      case ts.SyntaxKind.SlashToken: return `_js_div(${leftText}, ${r})`;
      case ts.SyntaxKind.PercentToken: return `_js_mod(${leftText}, ${r})`;
      case ts.SyntaxKind.AsteriskAsteriskToken: return `(${leftText} ** ${r})`;
      case ts.SyntaxKind.LessThanToken: return `(${leftText} < ${r})`;
      case ts.SyntaxKind.LessThanEqualsToken: return `(${leftText} <= ${r})`;
      case ts.SyntaxKind.GreaterThanToken: return `(${leftText} > ${r})`;
      case ts.SyntaxKind.GreaterThanEqualsToken: return `(${leftText} >= ${r})`;
      case ts.SyntaxKind.EqualsEqualsEqualsToken: return this.equality(left, right, leftText, r, false);
      case ts.SyntaxKind.ExclamationEqualsEqualsToken: return this.equality(left, right, leftText, r, true);
      case ts.SyntaxKind.InKeyword: return `(${leftText} in ${r})`;
      // Bitwise operators work on 32-bit integers in JavaScript.
      case ts.SyntaxKind.AmpersandToken: return `(_js_int32(${leftText}) & _js_int32(${r}))`;
      case ts.SyntaxKind.BarToken: return `(_js_int32(${leftText}) | _js_int32(${r}))`;
      case ts.SyntaxKind.CaretToken: return `(_js_int32(${leftText}) ^ _js_int32(${r}))`;
      case ts.SyntaxKind.LessThanLessThanToken: return `_js_shl(${leftText}, ${r})`;
      case ts.SyntaxKind.GreaterThanGreaterThanToken: return `_js_shr(${leftText}, ${r})`;
      case ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken: return `_js_ushr(${leftText}, ${r})`;
      default:
        throw new Unsupported(left.parent, `the ${ts.tokenToString(kind)} operator is outside the portable subset`);
    }
  }

  /** `===`: identity for objects and arrays (as in JavaScript), value equality for primitives. */
  private equality(left: ts.Expression, right: ts.Expression, l: string, r: string, negate: boolean): string {
    const isNull = (n: ts.Expression) => n.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(n) && n.text === 'undefined');
    if (isNull(left) || isNull(right) || this.isObject(left) || this.isObject(right)) return `(${l} ${negate ? 'is not' : 'is'} ${r})`;
    const primitive = (n: ts.Expression) => this.isNumber(n) || this.isString(n);
    if ((primitive(left) && primitive(right)) || (this.isBoolean(left) && this.isBoolean(right))) return `(${l} ${negate ? '!=' : '=='} ${r})`;
    return `(${negate ? 'not ' : ''}_js_strict_eq(${l}, ${r}))`;
  }

  private logical(node: ts.BinaryExpression): string {
    const and = node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken;
    if (this.isBoolean(node.left) && this.isBoolean(node.right) && !this.isNullable(node.left)) {
      return `(${this.expression(node.left)} ${and ? 'and' : 'or'} ${this.expression(node.right)})`;
    }
    // JavaScript returns an operand: the first falsy one (&&) or the first truthy one (||).
    const t = this.tempName();
    const left = `(${t} := ${this.expression(node.left)})`;
    const test = this.isObject(node.left) ? `${left} is not None` : `_js_truthy(${left})`;
    return and ? `(${this.expression(node.right)} if ${test} else ${t})` : `(${t} if ${test} else ${this.expression(node.right)})`;
  }

  /** An arrow function or function expression: a lambda, or a hoisted def for a block body. */
  private functionValue(node: ts.ArrowFunction | ts.FunctionExpression): string {
    const params = this.parameters(node.parameters, true);
    const prologue = params.prologue(1);
    if (ts.isArrowFunction(node) && !ts.isBlock(node.body) && prologue.length === 0) {
      return `(lambda ${params.names.join(', ')}: ${this.expression(node.body)})`;
    }
    const name = `_fn${++this.temp}`;
    const body = ts.isBlock(node.body)
      ? this.block(node.body.statements, 1, this.scopeDeclarations(node), params.prologue)
      : [...prologue, `    return ${this.expression(node.body)}`];
    this.hoisted[this.hoisted.length - 1].push([`def ${name}(${params.names.join(', ')}):`, ...body].join('\n'));
    return name;
  }

  // ---------------------------------------------------------------- classes

  /** A class without inheritance: fields set in __init__ before the constructor's body, methods, getters, static methods. */
  private classDeclaration(node: ts.ClassDeclaration): string[] {
    if (!node.name) throw new Unsupported(node, 'a class needs a name');
    if (node.heritageClauses?.some((h) => h.token === ts.SyntaxKind.ExtendsKeyword)) throw new Unsupported(node.heritageClauses[0], 'class inheritance (extends) is outside the portable subset');
    if (ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.AbstractKeyword)) throw new Unsupported(node, 'abstract classes are outside the portable subset');
    const lines = [`class ${this.name(node.name)}:`];
    const fields: string[] = [];
    const methods: string[] = [];
    let constructor: ts.ConstructorDeclaration | undefined;
    for (const member of node.members) {
      try {
        if (member.name && ts.isPrivateIdentifier(member.name)) throw new Unsupported(member, '#private members are outside the portable subset; use the private keyword');
        const isStatic = ts.getModifiers(member as ts.HasModifiers)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) === true;
        if (ts.isPropertyDeclaration(member)) {
          if (isStatic) throw new Unsupported(member, 'static fields are outside the portable subset; use a module-level const');
          if (ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) continue;
          if (member.initializer && containsThis(member.initializer)) throw new Unsupported(member.initializer, 'a field initializer may not use this; set the field in the constructor');
          fields.push(`        self.${this.memberName(member.name)} = ${member.initializer ? this.expression(member.initializer) : 'None'}`);
        } else if (ts.isConstructorDeclaration(member)) {
          if (member.body) constructor = member;
        } else if (ts.isMethodDeclaration(member)) {
          if (!member.body) continue;
          const params = this.parameters(member.parameters);
          const signature = isStatic ? params.names : ['self', ...params.names];
          if (isStatic) methods.push('    @staticmethod');
          methods.push(`    def ${this.memberName(member.name)}(${signature.join(', ')}):`, ...this.block(member.body.statements, 2, this.scopeDeclarations(member), params.prologue));
        } else if (ts.isGetAccessorDeclaration(member)) {
          if (isStatic || !member.body) throw new Unsupported(member, 'static getters are outside the portable subset');
          methods.push('    @property', `    def ${this.memberName(member.name)}(self):`, ...this.block(member.body.statements, 2, this.scopeDeclarations(member)));
        } else if (!ts.isSemicolonClassElement(member) && !ts.isIndexSignatureDeclaration(member)) {
          throw new Unsupported(member, `${ts.SyntaxKind[member.kind]} in a class is outside the portable subset`);
        }
      } catch (error) {
        this.report(error);
      }
    }
    const params = constructor ? this.parameters(constructor.parameters) : { names: [], prologue: () => [] };
    // Parameter properties (`constructor(private readonly cells: string[])`) are fields too.
    const parameterFields = (constructor?.parameters ?? []).filter((p) => ts.getModifiers(p)?.some((m) => PARAMETER_PROPERTY_MODIFIERS.has(m.kind)) && ts.isIdentifier(p.name))
      .map((p) => `        self.${this.memberName(p.name as ts.Identifier)} = ${this.name(p.name as ts.Identifier)}`);
    const body = constructor?.body ? this.block(constructor.body.statements, 2, this.scopeDeclarations(constructor), params.prologue) : [];
    const init = [...parameterFields, ...fields, ...(body.length === 1 && body[0].trim() === 'pass' ? [] : body)];
    if (constructor || init.length > 0) lines.push(`    def __init__(${['self', ...params.names].join(', ')}):`, ...(init.length > 0 ? init : ['        pass']));
    lines.push(...methods);
    if (lines.length === 1) lines.push('    pass');
    return lines;
  }

  /** An enum: a class whose attributes are its members' values (numbers counting up from the last given one, or strings). */
  private enumDeclaration(node: ts.EnumDeclaration): string[] {
    const lines = [`class ${this.name(node.name)}:`];
    let next: number | null = 0;
    for (const member of node.members) {
      const init = member.initializer && skipOuter(member.initializer);
      let value: string;
      if (!init) {
        if (next === null) throw new Unsupported(member, 'an enum member after a string member needs a value');
        value = String(next);
        next += 1;
      } else if (ts.isNumericLiteral(init) || (ts.isPrefixUnaryExpression(init) && init.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(init.operand))) {
        const number = ts.isNumericLiteral(init) ? Number(init.text) : -Number((init.operand as ts.NumericLiteral).text);
        value = this.expression(init);
        next = number + 1;
      } else if (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init)) {
        value = pythonString(init.text);
        next = null;
      } else {
        throw new Unsupported(member, 'enum members are translated with number or string literal values only');
      }
      lines.push(`    ${this.memberName(member.name)} = ${value}`);
    }
    if (lines.length === 1) lines.push('    pass');
    return lines;
  }

  /** The Python attribute name of a class member. */
  private memberName(name: ts.PropertyName): string {
    if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return pythonName(name.text);
    throw new Unsupported(name, 'computed member names are outside the portable subset');
  }

  /** `this` inside a class's constructor, methods and getters (arrow functions included), not in static members or nested functions. */
  private thisExpression(node: ts.Node): string {
    let scope = node.parent;
    while (scope && (!ts.isFunctionLike(scope) || ts.isArrowFunction(scope))) scope = scope.parent;
    const inClass = scope && (ts.isConstructorDeclaration(scope) || ts.isMethodDeclaration(scope) || ts.isGetAccessorDeclaration(scope)) && ts.isClassDeclaration(scope.parent);
    const isStatic = scope && ts.getModifiers(scope as ts.HasModifiers)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
    if (!inClass || isStatic) throw new Unsupported(node, 'this is only translated inside a class\'s constructor, methods and getters');
    return 'self';
  }

  // ---------------------------------------------------------------- calls

  private args(node: ts.CallExpression | ts.NewExpression): string[] {
    return (node.arguments ?? []).map((a) => (ts.isSpreadElement(a) ? `*${this.iterable(a.expression)}` : this.expression(a)));
  }

  private call(node: ts.CallExpression): string {
    const callee = node.expression;
    const args = this.args(node);
    if (ts.isIdentifier(callee)) {
      switch (callee.text) {
        case 'String': return args.length === 0 ? "''" : this.stringOf(node.arguments[0]);
        case 'Number': return `_js_number(${args[0] ?? '0'})`;
        case 'parseInt': return `_js_parse_int(${args.join(', ')})`;
        case 'parseFloat': return `_js_parse_float(${args[0]})`;
        case 'Array':
          if (args.length === 1 && this.isNumber(node.arguments[0])) return `[None] * (${args[0]})`;
          throw new Unsupported(node, 'Array(...) is only translated as Array(n)');
        case 'Boolean': return `_js_truthy(${args[0] ?? 'None'})`;
        case 'isNaN': return `(${args[0]} != ${args[0]})`;
        default: return `${this.name(callee)}(${args.join(', ')})`;
      }
    }
    if (ts.isPropertyAccessExpression(callee)) {
      if (callee.questionDotToken) throw new Unsupported(node, 'optional calls are outside the portable subset');
      const object = callee.expression;
      const method = callee.name.text;
      if (ts.isIdentifier(object)) {
        const builtin = this.namespaceCall(object.text, method, args, node);
        if (builtin !== null) return builtin;
      }
      const target = this.expression(object);
      if (method === 'toString' && args.length === 0 && (this.isNumber(object) || this.isString(object) || this.isBoolean(object) || this.isArray(object))) return `_js_str(${target})`;
      if (this.isArray(object)) return this.arrayMethod(target, method, args, node);
      if (this.isString(object)) return this.stringMethod(target, method, args, node);
      if (this.isRegExp(object)) return this.regexMethod(target, method, args, node);
      if (this.isMap(object) || this.isSet(object)) return this.collectionMethod(target, method, args, node, this.isMap(object));
      if (this.isClassObject(object)) return `${target}.${pythonName(method)}(${args.join(', ')})`;
      return `${target}[${JSON.stringify(method)}](${args.join(', ')})`;
    }
    return `${this.expression(callee)}(${args.join(', ')})`;
  }

  private namespaceCall(namespace: string, method: string, args: string[], node: ts.CallExpression): string | null {
    const a = args.join(', ');
    switch (`${namespace}.${method}`) {
      case 'Math.floor': return `math.floor(${a})`;
      case 'Math.ceil': return `math.ceil(${a})`;
      case 'Math.round': return `_js_round(${a})`;
      case 'Math.trunc': return `_js_trunc(${a})`;
      case 'Math.abs': return `abs(${a})`;
      case 'Math.max': return `_js_max(${a})`;
      case 'Math.min': return `_js_min(${a})`;
      case 'Math.sqrt': return `math.sqrt(${a})`;
      case 'Math.pow': return `(${args[0]} ** ${args[1]})`;
      case 'Math.log': return `math.log(${a})`;
      case 'Math.exp': return `math.exp(${a})`;
      case 'Math.sign': return `_js_sign(${a})`;
      case 'JSON.stringify':
        if (args.length !== 1) throw new Unsupported(node, 'JSON.stringify with a replacer or indentation is outside the portable subset');
        return `_js_json_stringify(${a})`;
      case 'JSON.parse': return `_js_json.loads(${a})`;
      case 'Object.keys': return `_js_keys(${a})`;
      case 'Object.values': return `_js_values(${a})`;
      case 'Object.entries': return `_js_entries(${a})`;
      case 'Object.freeze': return args[0];
      case 'Object.assign': {
        // Copies the sources' keys into the target, which it returns.
        const target = node.arguments[0];
        if (target && ts.isObjectLiteralExpression(target) && target.properties.length === 0) return `{${args.slice(1).map((x) => `**${x}`).join(', ')}}`;
        return `_js_assign(${a})`;
      }
      case 'Array.isArray': return `isinstance(${a}, list)`;
      case 'Array.from': {
        const arg = node.arguments[0];
        if (arg && ts.isObjectLiteralExpression(arg)) {
          const length = arg.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'length');
          if (!length || !ts.isPropertyAssignment(length)) throw new Unsupported(node, 'Array.from needs {length: n}');
          return `_js_array_from(${this.expression(length.initializer)}${args[1] ? `, ${args[1]}` : ''})`;
        }
        const items = this.iterable(node.arguments[0]);
        return args[1] ? `[${args[1]}(v, i) for i, v in enumerate(${items})]` : `list(${items})`;
      }
      case 'Number.isInteger': return `_js_is_integer(${a})`;
      case 'Number.isNaN': return `(isinstance(${a}, float) and ${a} != ${a})`;
      case 'Number.parseInt': return `_js_parse_int(${a})`;
      case 'Number.parseFloat': return `_js_parse_float(${args[0]})`;
      case 'String.fromCharCode': return args.length === 1 ? `chr(${a})` : `''.join(chr(c) for c in [${a}])`;
      case 'Object.fromEntries': return `_js_from_entries(${this.iterable(node.arguments[0])})`;
      case 'Number.isFinite': return `(isinstance(${a}, (int, float)) and math.isfinite(${a}))`;
      default:
        if (['Math', 'JSON', 'Object', 'Array', 'Number', 'String'].includes(namespace)) {
          throw new Unsupported(node, `${namespace}.${method} is outside the portable subset`);
        }
        return null;
    }
  }

  private arrayMethod(target: string, method: string, args: string[], node: ts.CallExpression): string {
    const a = args.join(', ');
    const fn = args[0];
    const receiver = skipOuter((node.expression as ts.PropertyAccessExpression).expression);
    if (['map', 'filter', 'forEach', 'some', 'every', 'reduce', 'flatMap'].includes(method) && isArrayOfLength(receiver)) {
      // JavaScript skips the holes of Array(n); Python has no holes. fill() them first.
      throw new Unsupported(node, `${method} on Array(n) skips its empty slots in JavaScript; fill the array first (Array(n).fill(x))`);
    }
    switch (method) {
      case 'push': return args.length === 1 ? `${target}.append(${a})` : `${target}.extend([${a}])`;
      case 'pop': return `_js_pop(${target})`;
      case 'shift': return `_js_shift(${target})`;
      case 'unshift': return `${target}.insert(0, ${a})`;
      case 'slice': return `_js_slice(${target}${a ? `, ${a}` : ''})`;
      case 'splice': return `_js_splice(${target}, ${a})`;
      case 'concat': return `(${[target, ...args.map((x, i) => (this.isArray(node.arguments[i]) ? x : `[${x}]`))].join(' + ')})`;
      case 'indexOf': return `_js_index_of(${target}, ${a})`;
      case 'includes': return `_js_includes(${target}, ${a})`;
      case 'join': return `_js_join(${target}${a ? `, ${a}` : ''})`;
      case 'reverse': return `${target}.reverse()`;
      case 'fill': return `_js_fill(${target}, ${a})`;
      case 'sort': return `_js_sort(${target}${a ? `, ${a}` : ''})`;
      case 'map': return `[${fn}(v, i) for i, v in enumerate(${target})]`;
      case 'filter': return `[v for i, v in enumerate(${target}) if _js_truthy(${fn}(v, i))]`;
      case 'some': return `any(_js_truthy(${fn}(v, i)) for i, v in enumerate(${target}))`;
      case 'every': return `all(_js_truthy(${fn}(v, i)) for i, v in enumerate(${target}))`;
      case 'forEach': return `[${fn}(v, i) for i, v in enumerate(${target})] and None`;
      case 'find': return `_js_find(${target}, ${fn})`;
      case 'findIndex': return `_js_find_index(${target}, ${fn})`;
      case 'reduce': return `_js_reduce(${target}, ${a})`;
      case 'at': return `_js_get(${target}, (${fn}) if (${fn}) >= 0 else len(${target}) + (${fn}))`;
      case 'lastIndexOf':
        if (args.length !== 1) throw new Unsupported(node, 'lastIndexOf with a start index is outside the portable subset');
        return `_js_last_index_of(${target}, ${a})`;
      case 'flat':
        if (args.length > 0 && !(ts.isNumericLiteral(node.arguments[0]) && node.arguments[0].text === '1')) throw new Unsupported(node, 'flat is translated for depth 1 only');
        return `_js_flat(${target})`;
      case 'flatMap': return `_js_flat([${fn}(v, i) for i, v in enumerate(${target})])`;
      case 'findLast': return `next((v for i, v in reversed(list(enumerate(${target}))) if _js_truthy(${fn}(v, i))), None)`;
      case 'findLastIndex': return `next((i for i, v in reversed(list(enumerate(${target}))) if _js_truthy(${fn}(v, i))), -1)`;
      case 'keys': return `list(range(len(${target})))`;
      case 'entries': return `[[i, v] for i, v in enumerate(${target})]`;
      case 'values': return `list(${target})`;
      case 'toReversed': return `${target}[::-1]`;
      case 'toSorted': return `_js_sort(list(${target})${a ? `, ${a}` : ''})`;
      default: throw new Unsupported(node, `the array method ${method} is outside the portable subset`);
    }
  }

  /** test and exec; with the g flag both keep state in lastIndex, which the translation does not model. */
  private regexMethod(target: string, method: string, args: string[], node: ts.CallExpression): string {
    if (method !== 'test' && method !== 'exec') throw new Unsupported(node, `the regular expression method ${method} is outside the portable subset`);
    const flags = this.regexFlags((node.expression as ts.PropertyAccessExpression).expression);
    if (flags === null) throw new Unsupported(node, `${method} is translated on a regular expression literal or a const holding one`);
    if (flags.includes('g')) throw new Unsupported(node, `${method} on a regular expression with the g flag depends on its lastIndex; drop the g flag`);
    return method === 'test' ? `_js_re_test(${target}, ${args[0]})` : `_js_re_exec(${target}, ${args[0]})`;
  }

  /** Map and Set methods on their dict. */
  private collectionMethod(target: string, method: string, args: string[], node: ts.CallExpression, isMap: boolean): string {
    const [first, second] = args;
    switch (method) {
      case 'has': return `(${first} in ${target})`;
      case 'delete': return `_js_map_delete(${target}, ${first})`;
      case 'clear': return `${target}.clear()`;
      case 'get': if (isMap) return `${target}.get(${first})`; break;
      case 'set': if (isMap) return `_js_map_set(${target}, ${first}, ${second})`; break;
      case 'add': if (!isMap) return `_js_set_add(${target}, ${first})`; break;
      case 'keys': return `list(${target})`;
      case 'values': return isMap ? `list(${target}.values())` : `list(${target})`;
      case 'entries': return isMap ? `_js_map_entries(${target})` : `[[v, v] for v in ${target}]`;
      case 'forEach': return isMap ? `[${first}(v, k) for k, v in list(${target}.items())] and None` : `[${first}(v, v) for v in list(${target})] and None`;
      default: break;
    }
    throw new Unsupported(node, `the ${isMap ? 'Map' : 'Set'} method ${method} is outside the portable subset`);
  }

  private stringMethod(target: string, method: string, args: string[], node: ts.CallExpression): string {
    const a = args.join(', ');
    switch (method) {
      case 'charAt': return `_js_char_at(${target}, ${a})`;
      case 'charCodeAt': return `_js_char_code_at(${target}, ${a})`;
      case 'indexOf': return `_js_index_of(${target}, ${a})`;
      case 'includes': return `(${args[0]} in ${target})`;
      case 'startsWith': return `${target}.startswith(${a})`;
      case 'endsWith': return `${target}.endswith(${a})`;
      case 'slice': return `_js_slice(${target}${a ? `, ${a}` : ''})`;
      case 'substring': return `${target}[max(${args[0]}, 0):${args[1] ? `max(${args[1]}, 0)` : ''}]`;
      case 'split':
        if (node.arguments[0] && this.isRegExp(node.arguments[0])) return `_js_re_split(${args[0]}, ${target}${args[1] ? `, ${args[1]}` : ''})`;
        if (args.length !== 1) throw new Unsupported(node, 'split with a limit is outside the portable subset');
        return `_js_split(${target}, ${a})`;
      case 'toUpperCase': return `${target}.upper()`;
      case 'toLowerCase': return `${target}.lower()`;
      case 'trim': return `${target}.strip()`;
      case 'repeat': return `(${target} * ${a})`;
      case 'padStart': return `_js_pad_start(${target}, ${a})`;
      case 'padEnd': return `_js_pad_end(${target}, ${a})`;
      case 'replace':
      case 'replaceAll': {
        const [pattern, replacement] = node.arguments;
        if (pattern && this.isRegExp(pattern)) {
          if (method === 'replaceAll' && !(this.regexFlags(pattern) ?? '').includes('g')) throw new Unsupported(node, 'replaceAll needs a regular expression literal with the g flag');
          return `_js_re_replace(${args[0]}, ${target}, ${args[1]}${method === 'replaceAll' ? ', True' : ''})`;
        }
        if (replacement && !this.isString(replacement)) throw new Unsupported(node, `${method} with a function is only translated for a regular expression`);
        if (replacement && (ts.isStringLiteral(replacement) || ts.isNoSubstitutionTemplateLiteral(replacement)) && replacement.text.includes('$')) throw new Unsupported(replacement, 'a $ in a replacement string is a pattern in JavaScript; outside the portable subset with a string pattern');
        return method === 'replace' ? `${target}.replace(${a}, 1)` : `${target}.replace(${a})`;
      }
      case 'match':
        if (!node.arguments[0] || !this.isRegExp(node.arguments[0])) throw new Unsupported(node, 'match needs a regular expression');
        return `_js_re_match(${args[0]}, ${target})`;
      case 'search':
        if (!node.arguments[0] || !this.isRegExp(node.arguments[0])) throw new Unsupported(node, 'search needs a regular expression');
        return `_js_re_search(${args[0]}, ${target})`;
      case 'trimStart': return `${target}.lstrip()`;
      case 'trimEnd': return `${target}.rstrip()`;
      case 'lastIndexOf':
        if (args.length !== 1) throw new Unsupported(node, 'lastIndexOf with a start index is outside the portable subset');
        return `${target}.rfind(${a})`;
      case 'at': return `_js_get(${target}, (${args[0]}) if (${args[0]}) >= 0 else len(${target}) + (${args[0]}))`;
      default: throw new Unsupported(node, `the string method ${method} is outside the portable subset`);
    }
  }
}

const NAMESPACE_CONSTANTS: Record<string, string> = {
  'Math.PI': 'math.pi', 'Math.E': 'math.e', 'Number.MAX_SAFE_INTEGER': '9007199254740991',
  'Number.MIN_SAFE_INTEGER': '-9007199254740991', 'Number.POSITIVE_INFINITY': 'math.inf', 'Number.NEGATIVE_INFINITY': '-math.inf',
};

/** The handler that catches a labelled jump of one kind and id (and lets every other one through). */
function catchJump(pad: string, kind: 'break' | 'continue', id: number): string[] {
  return [`${pad}except _JsJump as _jump:`, `${pad}    if _jump.args != ('${kind}', ${id}):`, `${pad}        raise`];
}

const GLOBAL_CONVERSIONS: Record<string, string> = {
  Number: '(lambda v, *_js_rest: _js_number(v))',
  String: '(lambda v, *_js_rest: _js_str(v))',
  Boolean: '(lambda v, *_js_rest: _js_truthy(v))',
};

const PARAMETER_PROPERTY_MODIFIERS = new Set([ts.SyntaxKind.PublicKeyword, ts.SyntaxKind.PrivateKeyword, ts.SyntaxKind.ProtectedKeyword, ts.SyntaxKind.ReadonlyKeyword]);

/** `Array(n)` or `new Array(n)`: an array of holes. */
function isArrayOfLength(node: ts.Expression): boolean {
  return (ts.isCallExpression(node) || ts.isNewExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'Array' && node.arguments?.length === 1;
}

function containsThis(node: ts.Node): boolean {
  if (node.kind === ts.SyntaxKind.ThisKeyword) return true;
  return ts.forEachChild(node, containsThis) === true;
}

/** The expression inside parentheses, `!` and type assertions. */
function skipOuter(node: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isAsExpression(node) || ts.isTypeAssertionExpression(node) || ts.isSatisfiesExpression(node)) node = node.expression;
  return node;
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

function compoundOperator(kind: ts.SyntaxKind): ts.SyntaxKind | null {
  switch (kind) {
    case ts.SyntaxKind.PlusEqualsToken: return ts.SyntaxKind.PlusToken;
    case ts.SyntaxKind.MinusEqualsToken: return ts.SyntaxKind.MinusToken;
    case ts.SyntaxKind.AsteriskEqualsToken: return ts.SyntaxKind.AsteriskToken;
    case ts.SyntaxKind.SlashEqualsToken: return ts.SyntaxKind.SlashToken;
    case ts.SyntaxKind.PercentEqualsToken: return ts.SyntaxKind.PercentToken;
    case ts.SyntaxKind.AsteriskAsteriskEqualsToken: return ts.SyntaxKind.AsteriskAsteriskToken;
    case ts.SyntaxKind.AmpersandEqualsToken: return ts.SyntaxKind.AmpersandToken;
    case ts.SyntaxKind.BarEqualsToken: return ts.SyntaxKind.BarToken;
    case ts.SyntaxKind.CaretEqualsToken: return ts.SyntaxKind.CaretToken;
    case ts.SyntaxKind.LessThanLessThanEqualsToken: return ts.SyntaxKind.LessThanLessThanToken;
    case ts.SyntaxKind.GreaterThanGreaterThanEqualsToken: return ts.SyntaxKind.GreaterThanGreaterThanToken;
    case ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken: return ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken;
    default: return null;
  }
}

/** A Python string literal with the same characters. */
function pythonString(text: string): string {
  return JSON.stringify(text);
}
