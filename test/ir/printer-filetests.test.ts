import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseClifFile, parseFunction } from '../../src/ir/parser.js';
import { printFunction } from '../../src/ir/printer.js';

/** The repository's `filetests/` folder, found upward from this file (it runs from test/ or dist/test/). */
function filetestsDir(): string {
  let d = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(d, 'filetests')) && existsSync(join(d, 'package.json'))) return join(d, 'filetests');
    d = dirname(d);
  }
  throw new Error('filetests/ not found');
}

test('every function in the project filetests prints to text that parses back to the same text', () => {
  const dir = filetestsDir();
  const files = readdirSync(dir).filter((n) => n.endsWith('.clif'));
  assert.ok(files.length > 0);
  let functions = 0;
  for (const name of files) {
    const file = parseClifFile(readFileSync(join(dir, name), 'utf8'), name);
    for (const pf of file.functions) {
      const once = printFunction(pf.func);
      assert.equal(printFunction(parseFunction(once, `${name} (printed)`)), once, `${name}: ${pf.func.name}`);
      functions++;
    }
  }
  assert.ok(functions >= files.length);
});
