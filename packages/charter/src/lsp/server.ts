/**
 * `charter lsp --stdio`: the checker as a language server, for any editor that speaks LSP (the
 * VS Code extension in editors/vscode starts it). While a chapter is typed it gets the messages
 * `charter lint` would give it, from the same pipeline and the same project settings; a quick fix
 * for every message with a replacement; the definition of a glossary term on hover; and
 * completion of frontmatter values, components and their props from the handbook's vocabulary.
 *
 * Each project (the folder with charter.config.mjs) is read once; saving a file or a change on
 * disk that the editor reports reads it again, so an edited glossary counts at the next keystroke.
 */
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
} from 'vscode-languageserver/node';
import { chapterFormatOf } from '../lib/chapter-files.ts';
import { checkSourceInRun } from '../lint/check.ts';
import { forgetProjects, projectFor, type Project } from '../lint/project.ts';
import { bodyCompletions, frontmatterCompletions, inFrontmatter } from './completion.ts';
import { projectDiagnostic, toDiagnostic, type DiagnosticData } from './diagnostics.ts';
import { glossaryHitAt, hoverMarkdown } from './hover.ts';
import type { DeclaredStandard } from '../lib/standard-declarations.ts';

/** The chapter file behind a document, or undefined for anything the checker does not read. */
function chapterPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  const file = fileURLToPath(uri);
  // `Notes.MD` is checked too: the checker says why the build refuses it.
  return /\.mdx?$/i.test(file) ? file : undefined;
}

/** The project of a chapter, or the reason it has none (no content folder, a broken config). */
function projectOf(file: string): Project | string {
  try {
    return projectFor(file);
  } catch (error) {
    return (error as Error).message;
  }
}

export function startServer(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Connection {
  const connection = createConnection(ProposedFeatures.all, input, output);
  const documents = new TextDocuments(TextDocument);
  const checking = new Map<string, Promise<void>>();
  const waiting = new Set<string>();

  async function diagnose(document: TextDocument): Promise<Diagnostic[]> {
    const file = chapterPath(document.uri);
    if (!file) return [];
    const project = projectOf(file);
    if (typeof project === 'string') return [projectDiagnostic(project)];
    const messages = await checkSourceInRun(project.run, document.getText(), file, project.options);
    return messages.map((message) => toDiagnostic(message, document));
  }

  /** One check per document at a time; edits made meanwhile are checked once it ends, at their latest version. */
  function schedule(uri: string): void {
    if (checking.has(uri)) {
      waiting.add(uri);
      return;
    }
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const done = diagnose(document)
      .catch((error: unknown) => [projectDiagnostic(`Could not check the chapter: ${(error as Error).message}`)])
      .then((diagnostics) => {
        // Diagnostics of a text the editor no longer shows would point at the wrong words.
        if (documents.get(uri)?.version === version) void connection.sendDiagnostics({ uri, version, diagnostics });
      })
      .finally(() => {
        checking.delete(uri);
        if (waiting.delete(uri)) schedule(uri);
      });
    checking.set(uri, done);
  }

  connection.onInitialize(() => ({
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['<', ' ', '"', '[', ',', ':', '-'] },
    },
    serverInfo: { name: 'charter' },
  }));

  documents.onDidChangeContent((change) => schedule(change.document.uri));
  documents.onDidSave(() => {
    // Other chapters link to this one and the rules read the handbook's data: read it all again.
    forgetProjects();
    for (const document of documents.all()) schedule(document.uri);
  });
  documents.onDidClose((event) => void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] }));
  connection.onDidChangeWatchedFiles(() => {
    forgetProjects();
    for (const document of documents.all()) schedule(document.uri);
  });

  connection.onCodeAction((params) => {
    const fixable = params.context.diagnostics.filter((d): d is Diagnostic & { data: DiagnosticData } =>
      Boolean((d.data as DiagnosticData | undefined)?.edits),
    );
    const actions: CodeAction[] = fixable.map((diagnostic) => ({
      title: `Write “${diagnostic.data.expected}”`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [params.textDocument.uri]: diagnostic.data.edits } },
    }));
    const wantsFixAll = !params.context.only || params.context.only.some((kind) => kind.startsWith(CodeActionKind.SourceFixAll));
    if (wantsFixAll && fixable.length > 1) {
      const edits = fixable.flatMap((d) => d.data.edits);
      actions.push({
        title: 'Fix every Charter message with a replacement',
        kind: CodeActionKind.SourceFixAll,
        edit: { changes: { [params.textDocument.uri]: edits } },
      });
    }
    return actions;
  });

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    const file = document && chapterPath(document.uri);
    const project = file && projectOf(file);
    if (!document || !project || typeof project === 'string') return null;
    const line = document.getText().split('\n')[params.position.line] ?? '';
    const hit = glossaryHitAt(line, params.position.character, project.run.handbook.glossary);
    if (!hit) return null;
    return {
      contents: { kind: 'markdown', value: hoverMarkdown(hit) },
      range: { start: { line: params.position.line, character: hit.start }, end: { line: params.position.line, character: hit.end } },
    };
  });

  connection.onCompletion((params) => {
    const document = documents.get(params.textDocument.uri);
    const file = document && chapterPath(document.uri);
    const project = file && projectOf(file);
    if (!document || !file || !project || typeof project === 'string') return [];
    const lines = document.getText().split('\n');
    const source = {
      vocabulary: project.run.handbook.vocabulary,
      glossary: project.run.handbook.glossary,
      format: chapterFormatOf(file),
      standards: editionStandards(project.run, file),
    };
    const { line, character } = params.position;
    return inFrontmatter(lines, line) ? frontmatterCompletions(lines, line, character, source) : bodyCompletions(lines[line] ?? '', character, source);
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}

/** The standards of the file's edition, as the checker reads them; none when its context cannot be made. */
function editionStandards(
  run: { contextOf(file: string): { index: { standards?(): readonly DeclaredStandard[] } } },
  file: string,
): readonly DeclaredStandard[] {
  try {
    return run.contextOf(file).index.standards?.() ?? [];
  } catch {
    return [];
  }
}
