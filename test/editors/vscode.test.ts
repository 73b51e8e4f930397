import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-cli.js';
import { CodeServer, freePort } from './code-server.js';
import { brokenSpec, requireEditor } from './editor-run.js';

/** The packaged extension, as `npm run build` leaves it. */
function packagedExtension(): string {
  const folder = join(repoRoot, 'editors/vscode');
  const vsix = readdirSync(folder).find((name) => name.endsWith('.vsix'));
  if (!vsix) throw new Error('no .vsix in editors/vscode: run `npm run build`');
  return join(folder, vsix);
}

describe('VS Code (code-server 4.100.3 in headless Chromium, the packaged .vsix)', () => {
  const home = mkdtempSync(join(tmpdir(), 'specl-vscode-'));
  const workspace = join(home, 'workspace');
  const server = new CodeServer(join(home, 'code-server'));
  let browser: BrowserContext | undefined;
  let port = 0;

  beforeAll(async () => {
    requireEditor('chromium', 'chromium');
    mkdirSync(workspace);
    writeFileSync(join(workspace, 'shop.specl'), brokenSpec);
    server.installExtension(packagedExtension());
    port = await freePort();
    await server.start(port);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    server.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it('shows the error squiggles and the Problems entries of a broken spec', async () => {
    browser = await chromium.launchPersistentContext(join(home, 'profile'), {
      executablePath: '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const page = browser.pages()[0] ?? (await browser.newPage());
    try {
      await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
      await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
      await page.getByRole('treeitem', { name: 'shop.specl' }).click({ timeout: 60_000 });
      await page.waitForSelector('.squiggly-error', { timeout: 90_000 });
      const squiggles = await page.locator('.squiggly-error').count();
      // The language mode in the status bar comes from the extension's language contribution.
      const mode = await page.locator('#status\\.editor\\.mode').innerText();
      await page.keyboard.press('Control+Shift+M');
      const rows = page.locator('.markers-panel .monaco-tl-row');
      await rows.filter({ hasText: 'Strin' }).first().waitFor({ timeout: 30_000 });
      const problems = await rows.allInnerTexts();
      expect(squiggles).toBeGreaterThanOrEqual(2);
      expect(mode).toBe('Specl');
      const text = problems.join('\n');
      expect(text).toContain('unknown type `Strin`; did you mean `String`?');
      expect(text).toContain('unknown HTTP method `get`; methods are upper case: write `GET`');
      expect(text).toContain('specl/unknown-type');
    } catch (error) {
      await page
        .screenshot({ path: join(repoRoot, 'test/.work/vscode-failure.png') })
        .catch(() => {});
      throw new Error(`${(error as Error).message}\ncode-server log:\n${server.log}`, {
        cause: error,
      });
    }
  }, 240_000);

  it('installs with the server (and what it verifies and runs the agent with), the grammar and the language configuration it carries', () => {
    const installed = readdirSync(join(home, 'code-server/extensions')).filter((name) =>
      name.startsWith('specl.specl-vscode-'),
    );
    expect(installed).toHaveLength(1);
    const folder = join(home, 'code-server/extensions', installed[0]!);
    for (const file of [
      'dist/extension.js',
      'dist/server/language-server.mjs',
      'dist/server/sandbox-child.js',
      'dist/node_modules/@specl/runtime/package.json',
      'dist/node_modules/fast-check/package.json',
      'dist/node_modules/esbuild/package.json',
      'dist/node_modules/tsx/package.json',
      'syntaxes/specl.tmLanguage.json',
      'language-configuration.json',
    ]) {
      expect(existsSync(join(folder, file)), file).toBe(true);
    }
  });
});
