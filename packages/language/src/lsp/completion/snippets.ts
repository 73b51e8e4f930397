import type { CompletionItem } from 'vscode-languageserver';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';

/** A snippet offered where the keyword it starts with may stand. */
interface Snippet {
  readonly keyword: string;
  readonly label: string;
  readonly body: string;
  readonly detail: string;
}

const snippets: readonly Snippet[] = [
  {
    keyword: 'spec',
    label: 'spec',
    body: 'spec ${1:Name} version "${2:1.0.0}"',
    detail: 'the spec header',
  },
  { keyword: 'import', label: 'import', body: 'import "${1:./file.specl}"', detail: 'an import' },
  {
    keyword: 'type',
    label: 'type record',
    body: 'type ${1:Name} {\n  ${2:field}: ${3:String}\n}',
    detail: 'a record type',
  },
  {
    keyword: 'type',
    label: 'type alias',
    body: 'type ${1:Name} = ${2:String}',
    detail: 'an alias with constraints',
  },
  { keyword: 'enum', label: 'enum', body: 'enum ${1:Name} { ${2:member} }', detail: 'an enum' },
  {
    keyword: 'error',
    label: 'error',
    body: 'error ${1:NotFound} ${2:404} { message: String }',
    detail: 'an error response',
  },
  {
    keyword: 'endpoint',
    label: 'endpoint',
    body: 'endpoint ${1:name} ${2|GET,POST,PUT,PATCH,DELETE|} /${3:path} {\n  response ${4:200} ${5:Type}\n}',
    detail: 'an endpoint',
  },
  {
    keyword: 'property',
    label: 'property',
    body: 'property ${1:name} {\n  forall ${2:x}: ${3:Type}\n  expect ${4:true}\n}',
    detail: 'a behavioural property',
  },
  {
    keyword: 'response',
    label: 'response',
    body: 'response ${1:200} ${2:Type}',
    detail: 'a success response',
  },
  {
    keyword: 'header',
    label: 'header',
    body: 'header ${1:name} "${2:X-Header}": ${3:String}',
    detail: 'a header parameter',
  },
  {
    keyword: 'query',
    label: 'query',
    body: 'query ${1:name}?: ${2:String}',
    detail: 'a query parameter',
  },
  {
    keyword: 'forall',
    label: 'forall',
    body: 'forall ${1:x}: ${2:Type}',
    detail: 'a generated input',
  },
  {
    keyword: 'let',
    label: 'let try',
    body: 'let ${1:result} = try ${2:endpoint}(${3})',
    detail: 'a call that may fail',
  },
  {
    keyword: 'let',
    label: 'let pages',
    body: 'let ${1:all} = pages ${2:endpoint}(${3})',
    detail: 'every page of a paginated endpoint, its items as one list',
  },
  {
    keyword: 'paginated',
    label: 'paginated',
    body: 'paginated ${1:cursor} = response.${2:nextCursor}, items = response.${3:items}',
    detail: 'the endpoint answers in pages',
  },
  {
    keyword: 'headers',
    label: 'headers',
    body: 'headers ${1:RateLimit} {\n  ${2:remaining} "${3:X-RateLimit-Remaining}": ${4:Int}\n}',
    detail: 'headers an answer carries, attached with `with`',
  },
  {
    keyword: 'invariant',
    label: 'invariant',
    body: 'invariant ${1:condition}',
    detail: 'a condition every value keeps',
  },
];

/** The snippets that start with one of the keywords allowed at the cursor. */
export function snippetsFor(keywords: ReadonlySet<string>): CompletionItem[] {
  return snippets
    .filter((snippet) => keywords.has(snippet.keyword))
    .map((snippet) => ({
      label: snippet.label,
      kind: CompletionItemKind.Snippet,
      detail: snippet.detail,
      insertText: snippet.body,
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: `4${snippet.label}`,
    }));
}
