/**
 * The checker's messages as the editor shows them: each message a diagnostic at its words, with
 * its rule as the code, a link to the rule's documentation, and, when the message has a
 * replacement, the text edits that make it (its quick fix).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import { messageEdits } from '../lint/fixes.ts';
import { REWRITING_RULES } from '../lint/format/review.ts';
import { ruleDocUrl } from '../lint/rule-docs.ts';
import type { Edit, LintMessage } from '../lint/types.ts';

/** What a diagnostic carries for its quick fix. */
export interface DiagnosticData {
  edits: TextEdit[];
  /** The replacement, for the fix's title. */
  expected: string;
}

/** 1-based line and column → the document's offset. */
function offsetOf(document: TextDocument, line: number, column: number): number {
  return document.offsetAt({ line: line - 1, character: column - 1 });
}

/**
 * The edits that give a message its replacement: the ones the rule recorded (a phrase split by
 * emphasis is rewritten in two places), or, for the rules whose `expected` is the rewrite of the
 * words they report, those words replaced, when they hold no markup that a plain replacement
 * would break. Undefined when the message has no replacement.
 */
export function replacementEdits(message: LintMessage, document: TextDocument): Edit[] | undefined {
  const recorded = messageEdits(message);
  if (recorded) return [...recorded];
  if (message.expected === undefined || !REWRITING_RULES.has(message.ruleId)) return undefined;
  const start = offsetOf(document, message.line, message.column);
  const end = offsetOf(document, message.endLine, message.endColumn);
  if (end <= start || /[*_`[\]<>{}]/.test(document.getText().slice(start, end))) return undefined;
  return [{ start, end, text: message.expected }];
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
  const edits = replacementEdits(message, document);
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
