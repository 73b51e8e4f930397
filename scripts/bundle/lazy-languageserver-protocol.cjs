// Langium's document builder imports `ResponseError` and `LSPErrorCodes` from
// vscode-languageserver-protocol, which loads the whole protocol and JSON-RPC (about 13 ms of
// every start of the CLI), though only the language server ever reaches the code that uses
// them. scripts/bundle-cli.mjs gives the document builder this module instead: the same two
// names, read from the real package (the same module instance the language server uses) when
// first read.
let protocol;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS module, loaded on first use
const load = () => (protocol ??= require('vscode-languageserver-protocol'));
module.exports = {
  get ResponseError() {
    return load().ResponseError;
  },
  get LSPErrorCodes() {
    return load().LSPErrorCodes;
  },
};
