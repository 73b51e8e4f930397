import type { FileSystemNode, FileSystemProvider, URI } from 'langium';

/** Reads a file's text, or answers undefined when there is no such file. */
export type ReadFile = (uri: URI) => Promise<string | undefined>;

/**
 * A file system over one function that reads a file's text: the disk, a git commit or files
 * held in memory. Every file is read once (a stat and the read that follows share it) until
 * the reader is replaced. Folders are not listed: a check loads its roots and what they import.
 */
export class ReaderFileSystem implements FileSystemProvider {
  private texts = new Map<string, Promise<string | undefined>>();

  constructor(private read: ReadFile) {}

  /** Reads through `read` from now on (and forgets what was read before). */
  setReader(read: ReadFile): void {
    this.read = read;
    this.texts = new Map();
  }

  /** The text of a file, or undefined when there is none. */
  textOf(uri: URI): Promise<string | undefined> {
    const key = uri.toString();
    let text = this.texts.get(key);
    if (!text) {
      text = this.read(uri).catch(() => undefined);
      this.texts.set(key, text);
    }
    return text;
  }

  async stat(uri: URI): Promise<FileSystemNode> {
    if ((await this.textOf(uri)) === undefined) throw new Error(`no file ${uri.toString()}`);
    return { isFile: true, isDirectory: false, uri };
  }

  statSync(uri: URI): FileSystemNode {
    throw new Error(`no synchronous stat of ${uri.toString()}`);
  }

  async exists(uri: URI): Promise<boolean> {
    return (await this.textOf(uri)) !== undefined;
  }

  existsSync(): boolean {
    return false;
  }

  async readFile(uri: URI): Promise<string> {
    const text = await this.textOf(uri);
    if (text === undefined) throw new Error(`no file ${uri.toString()}`);
    return text;
  }

  readFileSync(uri: URI): string {
    throw new Error(`no synchronous read of ${uri.toString()}`);
  }

  async readBinary(uri: URI): Promise<Uint8Array> {
    throw new Error(`no binary read of ${uri.toString()}: specs are text`);
  }

  readBinarySync(uri: URI): Uint8Array {
    throw new Error(`no synchronous read of ${uri.toString()}`);
  }

  async readDirectory(): Promise<FileSystemNode[]> {
    return [];
  }

  readDirectorySync(): FileSystemNode[] {
    return [];
  }
}
