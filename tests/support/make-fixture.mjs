// Writes a fresh database folder with the fixture content: `node make-fixture.mjs DIR`.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { articleInputs, categories, links, schedule, site } from './fixture.mjs';

const dir = process.argv[2];
if (!dir) throw new Error('usage: make-fixture.mjs DIR');
rmSync(dir, { recursive: true, force: true });
mkdirSync(join(dir, 'content', 'articles'), { recursive: true });
const write = (path, value) => writeFileSync(join(dir, 'content', path), JSON.stringify(value, null, 2));
write('site.json', site);
write('categories.json', categories);
write('articles/fixture.json', articleInputs());
write('schedule.json', schedule);
write('links.json', links);
