// Python names for TypeScript identifiers: camelCase becomes snake_case, and
// names that would shadow Python keywords, the builtins the translation calls,
// or the runtime's own helpers get a trailing underscore.

const PYTHON_RESERVED = new Set([
  // keywords and soft keywords
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del',
  'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal',
  'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield', 'match', 'case', 'type',
  // builtins and modules the translated code relies on
  'len', 'range', 'enumerate', 'list', 'dict', 'str', 'int', 'float', 'bool', 'max', 'min', 'abs', 'sum', 'any',
  'all', 'map', 'filter', 'sorted', 'reversed', 'zip', 'isinstance', 'print', 'open', 'object', 'round', 'tuple',
  'set', 'iter', 'next', 'id', 'hash', 'ord', 'chr', 'callable', 'super', 'math', 'random', 'Action', 'State',
  'CHANCE', 'TERMINAL', 'ValueError', 'Exception',
]);

export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** The Python name for a TypeScript identifier (constants in UPPER_CASE keep their case). */
export function pythonName(name: string): string {
  const converted = /^[A-Z0-9_]+$/.test(name) ? name : snakeCase(name);
  if (PYTHON_RESERVED.has(converted) || converted.startsWith('_js_')) return `${converted}_`;
  return converted;
}

/** The Python name of a class of the module: its own name, unless that would shadow a reserved one. */
export function pythonClassName(name: string): string {
  return PYTHON_RESERVED.has(name) || name.startsWith('_js_') ? `${name}_` : name;
}
