// The DWARF cgts writes for a module equals what LLVM writes for the same
// bitcode (`llc-22 -O0 -filetype=obj`), one small program per kind of type
// (test/debuginfo/fixtures/): both objects are dumped by llvm-dwarfdump-22
// and compared after normalization (dwarf-tree.ts: offsets, addresses,
// abbreviation codes and the producer taken out). Compared exactly, attribute
// order and forms included (forms show in how values are printed):
//  - every type DIE with its subtree, under its scope path, and every global
//    or thread-local variable with its location expression;
//  - every subprogram's own attributes, template parameters and, for method
//    declarations, parameter types; abstract DIEs of inlined functions are
//    left out (which inlined calls leave code depends on the code generator);
//  - with -C debuginfo=1 and line-tables-only, the whole DIE tree of a
//    program of its own (no std main shim).
// DWARF 4 (rustc's default) for all, DWARF 5 for a sample.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cgtsCommand, pool, repoRoot, runProcess, rustcVersion } from '../rustc/corpus.js';
import { missing, parseDump, subprograms, typeEntries, wholeTree, type Die } from './dwarf-tree.js';

const fixtures = join(repoRoot, 'test', 'debuginfo', 'fixtures');
const haveTools = ['llvm-dwarfdump-22', 'llc-22'].every((t) => spawnSync(t, ['--version']).status === 0);
const skip = rustcVersion() === null ? 'rustc is not installed' : !haveTools ? 'llvm-dwarfdump-22 or llc-22 is not installed' : false;

/** Both units of `name`.rs built with `flags`: [LLVM's, cgts's]. */
async function units(top: string, name: string, flags: string[], tag: string): Promise<[Die, Die]> {
  // a folder per build: rustc's temporary files are named after the crate
  const dir = join(top, `${name}${tag}`);
  mkdirSync(dir);
  const bc = join(dir, `${name}${tag}.bc`), llcObj = join(dir, `${name}${tag}.llc.o`), cgObj = join(dir, `${name}${tag}.cgts.o`);
  const built = await runProcess('rustc', ['-C', 'opt-level=0', '-C', 'codegen-units=1', ...flags, '--emit=llvm-bc', '-o', bc, join(fixtures, `${name}.rs`)], { cwd: dir, timeoutMs: 120_000 });
  assert.equal(built.status, 0, `rustc ${name}: ${built.stderr}`);
  const [node, cli] = cgtsCommand();
  const [a, b] = await Promise.all([
    runProcess('llc-22', ['-O0', '-filetype=obj', bc, '-o', llcObj], { timeoutMs: 120_000 }),
    runProcess(node!, [cli!, 'compile', bc, '-o', cgObj], { timeoutMs: 120_000 }),
  ]);
  assert.equal(a.status, 0, `llc-22 ${name}: ${a.stderr}`);
  assert.equal(b.status, 0, `cgts compile ${name}: ${b.stderr}`);
  const dump = async (o: string) => {
    const r = await runProcess('llvm-dwarfdump-22', ['--debug-info', o], { timeoutMs: 120_000 });
    assert.equal(r.status, 0, r.stderr);
    return parseDump(r.stdout);
  };
  return [await dump(llcObj), await dump(cgObj)];
}

function diff(what: string, llvm: string[], cgts: string[]): string[] {
  const a = missing(llvm, cgts).slice(0, 4).map((x) => `${what} only in LLVM's:\n${x}`);
  const b = missing(cgts, llvm).slice(0, 4).map((x) => `${what} only in cgts's:\n${x}`);
  return [...a, ...b];
}

const withoutInlined = (entries: string[]) => entries.filter((e) => !/ inline=DW_INL_inlined/.test(e));

const full = readdirSync(fixtures).filter((f) => f.endsWith('.rs') && f !== 'limited.rs').map((f) => f.slice(0, -3)).sort();

test('type DIEs, globals and subprogram declarations equal LLVM\'s, per type kind', { skip }, async (t) => {
  assert.ok(full.length >= 7, 'the fixtures are there');
  const dir = mkdtempSync(join(tmpdir(), 'cgts-dwarf-types-'));
  try {
    const cases = full.flatMap((name, k) => [{ name, v: 4 }, ...(k % 2 === 0 ? [{ name, v: 5 }] : [])]);
    const results = await Promise.all(cases.map(({ name, v }) => pool.run(async () => {
      const [llvm, cgts] = await units(dir, name, ['-g', ...(v === 5 ? ['-C', 'dwarf-version=5'] : [])], `.v${v}`);
      const types = typeEntries(llvm, { globals: true });
      const problems = [
        ...diff('type or global', types, typeEntries(cgts, { globals: true })),
        ...diff('subprogram', withoutInlined(subprograms(llvm)), withoutInlined(subprograms(cgts))),
      ];
      return { name: `${name} (DWARF ${v})`, problems, count: types.length };
    })));
    for (const r of results) {
      await t.test(r.name, () => {
        assert.ok(r.count > 10, 'LLVM describes the program\'s types');
        assert.deepEqual(r.problems, []);
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the fixtures hold what they are for: variant parts, template parameters, TLS locations, method declarations', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cgts-dwarf-types-'));
  try {
    const has = async (name: string, patterns: RegExp[]) => {
      const [, cgts] = await units(dir, name, ['-g'], '');
      const text = [...typeEntries(cgts, { globals: true }), ...subprograms(cgts)].join('\n');
      for (const p of patterns) assert.match(text, p, `${name}: ${p}`);
    };
    await has('enums', [/variant_part discr=/, /variant discr_value=/, /enum_class=true/, /const_value=18446744073709551615/, /const_value=<0x/]);
    await has('structs', [/structure_type name="Wrap<i16, 3>"/, /template_type_parameter type=-> i16 name="T"/, /accessibility=DW_ACCESS_private/]);
    await has('globals', [/location=DW_OP_const8u 0x0, DW_OP_GNU_push_tls_address/, /variable name="CONFIG".*location=DW_OP_addr \*/]);
    await has('functions', [/subprogram linkage_name="[^"]*bump[^"]*" name="bump".*declaration=true/, /subroutine_type/]);
    await has('unions-arrays', [/union_type name="Bits"/, /subrange_type type=-> __ARRAY_SIZE_TYPE__ lower_bound=0 count=0x03/]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('-C debuginfo=1 and line-tables-only give LLVM\'s whole DIE tree', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cgts-dwarf-limited-'));
  try {
    for (const level of ['1', 'line-tables-only']) {
      const [llvm, cgts] = await units(dir, 'limited', ['-C', `debuginfo=${level}`], `.${level}`);
      const expected = wholeTree(llvm);
      assert.ok(expected.split('\n').length > 3, `LLVM describes the program at debuginfo=${level}`);
      assert.equal(wholeTree(cgts), expected, `debuginfo=${level}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
