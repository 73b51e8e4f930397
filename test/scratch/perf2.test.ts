import { it } from 'vitest';
import { EmptyFileSystem } from 'langium';
import { createSpeclServices } from '@specl/language';

it('perf2', async () => {
  createSpeclServices(EmptyFileSystem);
  let t0 = Date.now();
  for (let i = 0; i < 20; i++) createSpeclServices(EmptyFileSystem);
  console.log('services', (Date.now() - t0) / 20);
  t0 = Date.now();
  for (let i = 0; i < 20; i++) {
    const s = createSpeclServices(EmptyFileSystem);
    s.Specl.parser.LangiumParser;
  }
  console.log('services+parser', (Date.now() - t0) / 20);
});
