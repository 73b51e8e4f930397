import { existsSync, linkSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AbstractExecuteCommandHandler } from 'langium/lsp';
import type { ExecuteCommandAcceptor } from 'langium/lsp';
import { ImportError, importOpenApi } from '@specl/import';

/** The command that imports an OpenAPI or Swagger document as a spec. */
export const IMPORT_COMMAND = 'specl.importOpenApi';

/** What the import command answers: the spec written, or why none was. */
export type ImportOutcome =
  | {
      readonly status: 'imported';
      readonly uri: string;
      readonly warnings: number;
      readonly summary: string;
    }
  | { readonly status: 'error'; readonly message: string };

/**
 * `specl.importOpenApi <document URI>` ("Import into Specl"): imports an OpenAPI 3.x or Swagger
 * 2.0 file beside it as `<name>.specl` (`<name>-2.specl`, ... when that exists: a file is never
 * overwritten), written atomically, and answers its URI for the editor to open.
 */
export class ImportCommandHandler extends AbstractExecuteCommandHandler {
  registerCommands(accept: ExecuteCommandAcceptor): void {
    accept(IMPORT_COMMAND, (args) => importBeside(args[0]));
  }
}

async function importBeside(argument: unknown): Promise<ImportOutcome> {
  const uri =
    typeof argument === 'string'
      ? argument
      : typeof argument === 'object' && argument !== null && 'uri' in argument
        ? String((argument as { uri: unknown }).uri)
        : undefined;
  if (uri === undefined || !uri.startsWith('file:')) {
    return {
      status: 'error',
      message: `${IMPORT_COMMAND} takes the file URI of an OpenAPI document`,
    };
  }
  const path = fileURLToPath(uri);
  try {
    const result = await importOpenApi(path, basename(path));
    const out = writeBeside(path, result.text);
    const { types, endpoints } = result.summary;
    return {
      status: 'imported',
      uri: pathToFileURL(out).href,
      warnings: result.warnings.length,
      summary: `imported ${types} types and ${endpoints} endpoints into ${basename(out)}, with ${result.warnings.length} warnings (kept as comments in the spec)`,
    };
  } catch (error) {
    if (error instanceof ImportError) return { status: 'error', message: error.message };
    throw error;
  }
}

function writeBeside(path: string, text: string): string {
  const stem = join(dirname(path), basename(path, extname(path)));
  for (let n = 1; n < 100; n++) {
    const out = n === 1 ? `${stem}.specl` : `${stem}-${n}.specl`;
    if (existsSync(out)) continue;
    const temp = `${out}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, text, { flag: 'wx' });
      linkSync(temp, out);
      return out;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      rmSync(temp, { force: true });
    }
  }
  throw new ImportError(`no free name for the spec beside ${basename(path)}`);
}
