/** A problem in a candidate's source, located for a model to fix. */
export interface Diagnostic {
  line: number;
  column: number;
  /** "syntax", "type", "contract", "forbidden" or "portability". */
  code: string;
  message: string;
}

export function formatDiagnostic(d: Diagnostic, file = 'candidate.ts'): string {
  return `${file}:${d.line}:${d.column}: ${d.message}`;
}
