/**
 * The checker's messages as the editor shows them: each message a diagnostic at its words, with
 * its rule as the code, a link to the rule's documentation, and, when the message has a
 * replacement, the text edits that make it (its quick fix).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import { replacementEdits } from '../lint/fixes.ts';
import { ruleDocUrl } from '../lint/rule-docs.ts';
import type { LintMessage } from '../lint/types.ts';

/** What a diagnostic carries for its quick fix. */
export interface DiagnosticData {
  edits: TextEdit[];
  /** The replacement, for the fix's title. */
  expected: string;
}

export function toDiagnostic(message: LintMessage, document: TextDocument): Diagnostic {
  const url = ruleDocUrl(message.ruleId);
  const diagnostic: Diagnostic = {
    range: {
      start: { line: message.line - 1, character: message.column - 1 },
      end: { line: message.endLine - 1, character: message.endColumn - 1 },
    },
    severity: message.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: message.ruleId,
    source: 'charter',
    message: message.message,
  };
  if (url) diagnostic.codeDescription = { href: url };
  const edits = replacementEdits(message, document.getText());
  if (edits && message.expected !== undefined) {
    const data: DiagnosticData = {
      expected: message.expected,
      edits: edits.map((edit) => ({ range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.text })),
    };
    diagnostic.data = data;
  }
  return diagnostic;
}

/** A diagnostic for a problem with the project itself (no content folder, a broken config), at the top of the file. */
export function projectDiagnostic(reason: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: 'charter',
    message: reason,
  };
}
