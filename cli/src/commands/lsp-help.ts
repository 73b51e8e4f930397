/** `specl lsp --help`. */
export const lspHelp = `Usage: specl lsp --stdio

Runs the Specl language server, speaking the Language Server Protocol over stdin and stdout.
Editors start it themselves (see editors/ in the Specl repository); \`specl-language-server\`
is the same server.

Options:
  --stdio       talk over stdin and stdout (the only transport)
  -h, --help    show this help
`;
