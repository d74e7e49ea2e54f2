import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ElfObject, R, SHF, SHT } from '../../src/object/elf.js';
import { DwarfReg, EhFrame } from '../../src/object/eh-frame.js';
import { addFunction, assertToolsAccept, hex, linkWithC, must, rbpFrameCfi, run, tempDir, writeFile } from './tools.js';

/**
 * `framed`: push rbp; mov rbp,rsp; call cb; pop rbp; ret (11 bytes), with
 * its CFI unless `cfi` is false; `personality` adds a zPLR CIE whose LSDA is
 * the 4 bytes 0x12345678.
 */
function framedObject(cfi: boolean, personality = false): Uint8Array {
  const obj = new ElfObject();
  const f = addFunction(obj, 'framed', hex('55 48 89 e5 e8 00000000 5d c3'));
  obj.reloc(f.sec, f.at + 5, R.R_X86_64_PLT32, obj.symbol('cb'), -4);
  if (cfi) {
    const eh = new EhFrame(obj);
    if (personality) {
      const lsda = obj.addSection('.gcc_except_table.framed', SHT.PROGBITS, SHF.ALLOC, 4);
      obj.data(lsda).u32(0x12345678);
      eh.beginFunction(f.sec, f.at, obj.symbol('my_personality'), lsda, 0);
    } else {
      eh.beginFunction(f.sec, f.at);
    }
    rbpFrameCfi(eh);
    eh.advanceTo(10);
    eh.defCfa(DwarfReg.RSP, 8);
    eh.endFunction(11);
  }
  return obj.finish();
}

test('llvm-dwarfdump decodes the CIE and the FDE program, with the smallest advance forms', () => {
  const dir = tempDir();
  const obj = new ElfObject();
  const f = addFunction(obj, 'big', new Uint8Array(70010).fill(0x90));
  const eh = new EhFrame(obj);
  eh.beginFunction(f.sec, f.at);
  rbpFrameCfi(eh);
  eh.offset(DwarfReg.R15, -24);
  eh.advanceTo(100);
  eh.rememberState();
  eh.defCfa(DwarfReg.RSP, 8);
  eh.restore(DwarfReg.RBP);
  eh.advanceTo(1000);
  eh.restoreState();
  eh.advanceTo(70000);
  eh.defCfa(DwarfReg.RSP, 8);
  eh.endFunction(70010);
  const o = writeFile(dir, 'cfi.o', obj.finish());
  assertToolsAccept(o);
  const dump = must('llvm-dwarfdump-22', ['--eh-frame', o]);
  const lines = dump.split('\n').map((l) => l.trim());
  const cie = lines.indexOf('Augmentation:          "zR"');
  assert.ok(cie > 0, dump);
  const at = (s: string, from: number) => {
    const i = lines.indexOf(s, from);
    assert.ok(i > from, `missing ${JSON.stringify(s)} after line ${from} in\n${dump}`);
    return i;
  };
  let i = at('Data alignment factor: -8', cie);
  i = at('Return address column: 16', i);
  i = at('DW_CFA_def_cfa: RSP +8', i);
  i = at('DW_CFA_offset: RIP -8', i);
  assert.match(dump, /FDE cie=00000000 pc=00000000\.\.\.0001117a/);
  const program = [
    'DW_CFA_advance_loc: 1 to 0x1', 'DW_CFA_def_cfa_offset: +16', 'DW_CFA_offset: RBP -16',
    'DW_CFA_advance_loc: 3 to 0x4', 'DW_CFA_def_cfa_register: RBP', 'DW_CFA_offset: R15 -24',
    'DW_CFA_advance_loc1: 96 to 0x64', 'DW_CFA_remember_state:', 'DW_CFA_def_cfa: RSP +8', 'DW_CFA_restore: RBP',
    'DW_CFA_advance_loc2: 900 to 0x3e8', 'DW_CFA_restore_state:',
    'DW_CFA_advance_loc4: 69000 to 0x11170', 'DW_CFA_def_cfa: RSP +8',
  ];
  const start = lines.findIndex((l) => l.startsWith('DW_CFA_advance_loc: 1 '));
  assert.deepEqual(lines.slice(start, start + program.length), program);
  assert.match(dump, /0x4: CFA=RBP\+16: RBP=\[CFA-16\], R15=\[CFA-24\], RIP=\[CFA-8\]/);
  assert.match(dump, /0x64: CFA=RSP\+8: R15=\[CFA-24\], RIP=\[CFA-8\]/);
});

test('one CIE per personality kind; a personality goes through a hidden weak DW.ref COMDAT pointer', () => {
  const dir = tempDir();
  const obj = new ElfObject();
  const a = addFunction(obj, 'plain1', hex('c3'));
  const b = addFunction(obj, 'plain2', hex('c3'));
  const c = addFunction(obj, 'with_lsda', hex('c3'));
  const lsda = obj.addSection('.gcc_except_table.with_lsda', SHT.PROGBITS, SHF.ALLOC, 4);
  obj.data(lsda).u32(0);
  const eh = new EhFrame(obj);
  const pers = obj.symbol('rust_eh_personality');
  for (const [f, p, l] of [[a, -1, -1], [c, pers, lsda], [b, -1, -1], [c, pers, -1]] as const) {
    eh.beginFunction(f.sec, f.at, p, l, 0);
    eh.endFunction(1);
  }
  const o = writeFile(dir, 'pers.o', obj.finish());
  const { readelf } = assertToolsAccept(o);
  assert.match(readelf, /DW\.ref\.rust_eh_personality/);
  assert.match(readelf, /OBJECT\s+WEAK\s+HIDDEN\s+\d+\s+DW\.ref\.rust_eh_personality/);
  assert.match(must('readelf', ['-gW', o]), /COMDAT group section .* \[DW\.ref\.rust_eh_personality\] contains 2 sections/);
  const dump = must('llvm-dwarfdump-22', ['--eh-frame', o]);
  const augs = [...dump.matchAll(/Augmentation: +"(\w+)"/g)].map((m) => m[1]);
  assert.deepEqual(augs, ['zR', 'zPLR', 'zPR']);
  assert.match(dump, /Augmentation data: +9B 00 00 00 00 1B 1B/);
  assert.equal([...dump.matchAll(/ FDE cie=/g)].length, 4);
  assert.equal([...dump.matchAll(/LSDA Address/g)].length, 1);
});

const backtraceMain = `
#include <stdio.h>
#include <unwind.h>
void framed(void);
static _Unwind_Reason_Code trace(struct _Unwind_Context *ctx, void *arg) {
  printf("ip %lx\\n", (unsigned long)_Unwind_GetIP(ctx));
  return _URC_NO_REASON;
}
void cb(void) { _Unwind_Backtrace(trace, 0); }
int main(void) { framed(); printf("done\\n"); return 0; }
`;

function symbolRange(exe: string, name: string): [number, number] {
  const m = must('nm', ['-S', exe]).match(new RegExp(`^([0-9a-f]+) ([0-9a-f]+) T ${name}$`, 'm'));
  assert.ok(m, `${name} not in nm -S output`);
  const start = parseInt(m[1], 16);
  return [start, start + parseInt(m[2], 16)];
}

function walk(cfi: boolean): { ips: number[]; framed: [number, number]; main: [number, number] } {
  const dir = tempDir();
  const o = writeFile(dir, 'framed.o', framedObject(cfi));
  const exe = linkWithC(dir, backtraceMain, [o], ['-funwind-tables', '-no-pie']);
  const r = run(exe, []);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /done\n$/);
  const ips = [...r.stdout.matchAll(/^ip ([0-9a-f]+)$/gm)].map((m) => parseInt(m[1], 16));
  return { ips, framed: symbolRange(exe, 'framed'), main: symbolRange(exe, 'main') };
}

const inside = (ip: number, [lo, hi]: [number, number]) => ip > lo && ip <= hi;

test('_Unwind_Backtrace walks through a cgts frame to main', () => {
  const w = walk(true);
  const f = w.ips.findIndex((ip) => inside(ip, w.framed));
  const m = w.ips.findIndex((ip) => inside(ip, w.main));
  assert.ok(f > 0, `no frame in framed ${w.framed} among ${w.ips.map((x) => x.toString(16))}`);
  assert.equal(m, f + 1);
  // Control: without its FDE the walk stops at the cgts frame.
  const bare = walk(false);
  assert.ok(!bare.ips.some((ip) => inside(ip, bare.main)));
});

test('forced unwinding through a cgts frame calls its personality with its LSDA and restores rbp', () => {
  const dir = tempDir();
  const o = writeFile(dir, 'framed.o', framedObject(true, true));
  const exe = linkWithC(dir, `
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unwind.h>
void framed(void);
static jmp_buf env;
static struct _Unwind_Exception exc;
_Unwind_Reason_Code my_personality(int version, _Unwind_Action actions, uint64_t cls,
                                   struct _Unwind_Exception *e, struct _Unwind_Context *ctx) {
  const uint32_t *lsda = (const uint32_t *)_Unwind_GetLanguageSpecificData(ctx);
  printf("personality %x %d\\n", lsda ? *lsda : 0, (actions & _UA_FORCE_UNWIND) != 0);
  return _URC_CONTINUE_UNWIND;
}
static void *main_frame;
static _Unwind_Reason_Code stop(int version, _Unwind_Action actions, _Unwind_Exception_Class cls,
                                struct _Unwind_Exception *e, struct _Unwind_Context *ctx, void *param) {
  if (actions & _UA_END_OF_STACK) longjmp(env, 1);
  void *fn = (void *)_Unwind_GetRegionStart(ctx);
  if (fn == (void *)framed) printf("stop framed\\n");
  /* In main's frame, rbp must have been restored from framed's save slot. */
  if (fn == main_frame) { printf("stop main rbp %d\\n", _Unwind_GetGR(ctx, 6) == (uintptr_t)param); longjmp(env, 1); }
  return _URC_NO_REASON;
}
static uintptr_t main_rbp;
void cb(void) {
  memset(&exc, 0, sizeof exc);
  _Unwind_ForcedUnwind(&exc, stop, (void *)main_rbp);
}
int main(void) {
  main_frame = (void *)main;
  main_rbp = (uintptr_t)__builtin_frame_address(0);
  if (setjmp(env) == 0) framed();
  printf("back\\n");
  return 0;
}`, [o], ['-funwind-tables', '-fno-omit-frame-pointer']);
  const r = run(exe, []);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'stop framed\npersonality 12345678 1\nstop main rbp 1\nback\n');
});
