import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ElfObject, R } from '../../src/object/elf.js';
import { DwarfReg, EhFrame } from '../../src/object/eh-frame.js';
import { lsdaSection, writeLsda } from '../../src/object/lsda.js';
import { readElf, readRelas, readSymbols, sectionBytes } from '../../src/object/elf-read.js';
import { addFunction, assertToolsAccept, hex, linkWithC, rbpFrameCfi, run, tempDir, writeFile } from './tools.js';

/** Builds `guarded`, whose call to cb has landing pad `pad` (0 = none). */
function guardedObject(pad: number): Uint8Array {
  const obj = new ElfObject();
  // push rbp; mov rbp,rsp; call cb; pop rbp; ret; pad: mov rdi,rax; call landed
  const f = addFunction(obj, 'guarded', hex('55 48 89 e5 e8 00000000 5d c3 48 89 c7 e8 00000000'));
  obj.reloc(f.sec, f.at + 5, R.R_X86_64_PLT32, obj.symbol('cb'), -4);
  obj.reloc(f.sec, f.at + 15, R.R_X86_64_PLT32, obj.symbol('landed'), -4);
  const lsec = lsdaSection(obj, 'guarded');
  const lsda = writeLsda(obj, lsec, [4, 5, pad, 0, 14, 5, 0, 0]);
  const eh = new EhFrame(obj);
  eh.beginFunction(f.sec, f.at, obj.symbol('__gcc_personality_v0'), lsec, lsda);
  rbpFrameCfi(eh);
  eh.advanceTo(10);
  eh.rememberState();
  eh.defCfa(DwarfReg.RSP, 8);
  eh.advanceTo(11);
  eh.restoreState();
  eh.endFunction(19);
  return obj.finish();
}

const main = `
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unwind.h>
void guarded(void);
static struct _Unwind_Exception exc;
void landed(struct _Unwind_Exception *e) { printf("landed %d\\n", e == &exc); exit(0); }
static _Unwind_Reason_Code stop(int v, _Unwind_Action actions, _Unwind_Exception_Class c,
                                struct _Unwind_Exception *e, struct _Unwind_Context *ctx, void *p) {
  if (actions & _UA_END_OF_STACK) { printf("end of stack\\n"); exit(1); }
  return _URC_NO_REASON;
}
void cb(void) { memset(&exc, 0, sizeof exc); _Unwind_ForcedUnwind(&exc, stop, 0); exit(2); }
int main(void) { guarded(); return 3; }
`;

test('__gcc_personality_v0 finds the landing pad through the LSDA call-site table', () => {
  const dir = tempDir();
  const o = writeFile(dir, 'guarded.o', guardedObject(11));
  assertToolsAccept(o);
  const exe = linkWithC(dir, main, [o], ['-funwind-tables']);
  const r = run(exe, []);
  assert.equal(r.stdout, 'landed 1\n');
  assert.equal(r.status, 0);
  // Control: without a landing pad the unwind runs off the stack.
  const dir2 = tempDir();
  const exe2 = linkWithC(dir2, main, [writeFile(dir2, 'guarded.o', guardedObject(0))], ['-funwind-tables']);
  const r2 = run(exe2, []);
  assert.equal(r2.stdout, 'end of stack\n');
  assert.equal(r2.status, 1);
});

/** Decodes an LSDA the way the LSB describes it (header, call sites, actions, types). */
function decode(b: Uint8Array, at: number) {
  let p = at;
  const uleb = () => {
    let v = 0, mul = 1, x;
    do { x = b[p++]; v += (x & 0x7f) * mul; mul *= 128; } while (x & 0x80);
    return v;
  };
  const sleb = () => {
    let v = 0, mul = 1, x;
    do { x = b[p++]; v += (x & 0x7f) * mul; mul *= 128; } while (x & 0x80);
    return x & 0x40 ? v - mul : v;
  };
  assert.equal(b[p++], 0xff, 'LPStart omitted');
  const ttEnc = b[p++];
  const ttBase = ttEnc === 0xff ? -1 : (() => { const n = uleb(); return p + n; })();
  assert.equal(b[p++], 0x01, 'call sites in uleb128');
  const csLen = uleb();
  const csEnd = p + csLen;
  const sites: number[][] = [];
  while (p < csEnd) sites.push([uleb(), uleb(), uleb(), uleb()]);
  const actionBase = p;
  const chain = (action: number): number[] => {
    const out: number[] = [];
    p = actionBase + action - 1;
    for (;;) {
      out.push(sleb());
      const here = p;
      const d = sleb();
      if (d === 0) return out;
      p = here + d;
    }
  };
  return { ttEnc, ttBase, sites, chain };
}

test('LSDA action chains and a backwards-indexed type table decode as written', () => {
  const obj = new ElfObject();
  addFunction(obj, 'f', new Uint8Array(300).fill(0x90));
  const sec = lsdaSection(obj, 'f');
  const ti = obj.symbol('some_typeinfo');
  // sites: one cleanup, one catching [type 2, then cleanup], one catch-all, one plain call
  const sites = [0, 5, 200, 1, 10, 5, 210, 2, 150, 5, 220, 3, 160, 5, 0, 0];
  const at = writeLsda(obj, sec, sites, [[0], [2, 0], [1]], [-1, ti]);
  const elf = readElf(obj.finish());
  const s = elf.sections.find((x) => x.name === '.gcc_except_table.f')!;
  const d = decode(sectionBytes(elf, s), at);
  assert.equal(d.ttEnc, 0x9b);
  assert.deepEqual(d.sites.map((x) => x.slice(0, 3)), [[0, 5, 200], [10, 5, 210], [150, 5, 220], [160, 5, 0]]);
  assert.equal(d.sites[3][3], 0);
  assert.deepEqual(d.chain(d.sites[0][3]), [0]);
  assert.deepEqual(d.chain(d.sites[1][3]), [2, 0]);
  assert.deepEqual(d.chain(d.sites[2][3]), [1]);
  // type 1 (catch-all) is a null entry at ttBase-4; type 2 at ttBase-8 is a GOTPCREL to the typeinfo
  assert.equal(d.ttBase, s.size);
  assert.deepEqual([...sectionBytes(elf, s).subarray(d.ttBase - 4, d.ttBase)], [0, 0, 0, 0]);
  const rela = elf.sections.find((x) => x.name === '.rela.gcc_except_table.f')!;
  const syms = readSymbols(elf);
  assert.deepEqual(readRelas(elf, rela).map((r) => [r.offset, r.type, syms[r.sym].name]), [[d.ttBase - 8, R.R_X86_64_GOTPCREL, 'some_typeinfo']]);
});
