// The language server over stdio, for editors that start it directly (`node stdio.js --stdio`).
import { startSpeclLanguageServer } from './start-language-server.js';

await startSpeclLanguageServer();
