import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataKind, ElfObject, R, SHF, SHN, SHT, STB, STT, STV } from '../../src/object/elf.js';
import { readElf, readRelas, readSymbols } from '../../src/object/elf-read.js';
import { addFunction, assertToolsAccept, hex, linkWithC, must, run, tempDir, writeFile } from './tools.js';

test('a function returning 42 links with C and runs', () => {
  const dir = tempDir();
  const obj = new ElfObject({ fileName: 'answer.rs' });
  addFunction(obj, 'answer', hex('b8 2a 00 00 00 c3')); // mov eax, 42; ret
  const o = writeFile(dir, 'answer.o', obj.finish());
  const { readelf } = assertToolsAccept(o);
  assert.match(readelf, /\.text\.answer\s+PROGBITS\s+\S+\s+\S+\s+000006\s+00\s+AX/);
  assert.match(readelf, /\.note\.GNU-stack\s+PROGBITS/);
  const exe = linkWithC(dir, 'int answer(void); int main(void) { return answer(); }', [o]);
  assert.equal(run(exe, []).status, 42);
});

test('calls through PLT32 and the GOT, loads through PC32 and GOTPCREL forms, pointers in data', () => {
  const dir = tempDir();
  const obj = new ElfObject();

  // sub rsp,8; call c_helper; add eax,1; add rsp,8; ret
  const calls = addFunction(obj, 'cgts_calls', hex('48 83 ec 08 e8 00000000 83 c0 01 48 83 c4 08 c3'));
  obj.reloc(calls.sec, calls.at + 5, R.R_X86_64_PLT32, obj.symbol('c_helper'), -4);

  // jmp local_fn, referenced before local_fn exists
  const fwd = addFunction(obj, 'cgts_forward', hex('e9 00000000'));
  const local = obj.symbol('local_fn');
  obj.reloc(fwd.sec, fwd.at + 1, R.R_X86_64_PLT32, local, -4);

  // sub rsp,8; call [rip + c_helper@GOTPCRELX]; add rsp,8; ret
  const callGot = addFunction(obj, 'cgts_call_got', hex('48 83 ec 08 ff 15 00000000 48 83 c4 08 c3'));
  obj.reloc(callGot.sec, callGot.at + 6, R.R_X86_64_GOTPCRELX, obj.symbol('c_helper'), -4);

  // .data: a hidden global int; mov eax, [rip + data_val]; ret
  const dataSec = obj.dataSection(DataKind.Data, 'data_val', 4);
  obj.data(dataSec).u32(1234);
  const dataVal = obj.symbol('data_val');
  obj.setSymbolKind(dataVal, STB.GLOBAL, STT.OBJECT, STV.HIDDEN);
  obj.define(dataVal, dataSec, 0, 4);
  const ld = addFunction(obj, 'cgts_load_data', hex('8b 05 00000000 c3'));
  obj.reloc(ld.sec, ld.at + 2, R.R_X86_64_PC32, dataVal, -4);

  // .rodata: value 77 at offset 8, reached through the section symbol
  const roSec = obj.dataSection(DataKind.ReadOnly, 'ro_val', 8);
  obj.data(roSec).u64(0xdeadbeefn);
  obj.data(roSec).u32(77);
  const lr = addFunction(obj, 'cgts_load_rodata', hex('8b 05 00000000 c3'));
  obj.reloc(lr.sec, lr.at + 2, R.R_X86_64_PC32, obj.sectionSymbol(roSec), 8 - 4);

  // mov rax, [rip + c_counter@GOTPCREL] (REX form); mov eax, [rax]; ret
  const lg = addFunction(obj, 'cgts_load_got', hex('48 8b 05 00000000 8b 00 c3'));
  obj.reloc(lg.sec, lg.at + 3, R.R_X86_64_REX_GOTPCRELX, obj.symbol('c_counter'), -4);
  // mov rax, [rip + c_counter@GOTPCREL]; ret  (returns the address)
  const la = addFunction(obj, 'cgts_addr_got', hex('48 8b 05 00000000 c3'));
  obj.reloc(la.sec, la.at + 3, R.R_X86_64_GOTPCREL, obj.symbol('c_counter'), -4);

  // merged strings; lea rax, [rip + "world"]; ret
  const str = obj.dataSection(DataKind.CStrings, '');
  const sd = obj.data(str);
  sd.append(new TextEncoder().encode('hello\0'));
  const worldAt = sd.length;
  sd.append(new TextEncoder().encode('world\0'));
  const ls = addFunction(obj, 'cgts_string', hex('48 8d 05 00000000 c3'));
  obj.reloc(ls.sec, ls.at + 3, R.R_X86_64_PC32, obj.sectionSymbol(str), worldAt - 4);

  // .data.rel.ro: a table of two function pointers
  const vtSec = obj.dataSection(DataKind.RelRo, 'vt', 8);
  obj.data(vtSec).u64(0n);
  obj.data(vtSec).u64(0n);
  const vt = obj.symbol('vt');
  obj.setSymbolKind(vt, STB.GLOBAL, STT.OBJECT);
  obj.define(vt, vtSec, 0, 16);
  obj.reloc(vtSec, 0, R.R_X86_64_64, obj.symbol('cgts_load_data'), 0);
  obj.reloc(vtSec, 8, R.R_X86_64_64, obj.symbol('c_helper'), 0);

  // .rodata: a self-relative pointer to cgts_calls
  const pcSec = obj.dataSection(DataKind.ReadOnly, 'pc64', 8);
  obj.data(pcSec).u64(0n);
  const pc64 = obj.symbol('pc64');
  obj.setSymbolKind(pc64, STB.GLOBAL, STT.OBJECT);
  obj.define(pc64, pcSec, 0, 8);
  obj.reloc(pcSec, 0, R.R_X86_64_PC64, obj.symbol('cgts_calls'), 0);

  // .bss: 64 zero bytes
  const bssSec = obj.dataSection(DataKind.Bss, 'bss_buf', 16);
  obj.setNobitsSize(bssSec, 64);
  const bss = obj.symbol('bss_buf');
  obj.setSymbolKind(bss, STB.GLOBAL, STT.OBJECT);
  obj.define(bss, bssSec, 0, 64);

  // a weak definition the C side overrides, and an undefined weak reference
  addFunction(obj, 'weak_fn', hex('b8 01 00 00 00 c3'), STB.WEAK);
  const missing = obj.symbol('missing_fn');
  obj.setSymbolKind(missing, STB.WEAK, STT.NOTYPE);
  const lm = addFunction(obj, 'cgts_missing', hex('48 8b 05 00000000 c3'));
  obj.reloc(lm.sec, lm.at + 3, R.R_X86_64_REX_GOTPCRELX, missing, -4);

  // now define local_fn: mov eax, 5; ret
  const lsec = obj.textSection('local_fn');
  obj.data(lsec).append(hex('b8 05 00 00 00 c3'));
  obj.setSymbolKind(local, STB.LOCAL, STT.FUNC);
  obj.define(local, lsec, 0, 6);

  const o = writeFile(dir, 'forms.o', obj.finish());
  const { readelf } = assertToolsAccept(o);
  assert.match(readelf, /\.rodata\.str1\.1\s+PROGBITS\s+\S+\s+\S+\s+00000c\s+01\s+AMS/);
  assert.match(readelf, /\.bss\.bss_buf\s+NOBITS\s+\S+\s+\S+\s+000040\s+00\s+WA/);
  assert.match(readelf, /R_X86_64_PC64\s+\S+\s+cgts_calls \+ 0/);

  const exe = linkWithC(dir, `
#include <stdio.h>
#include <string.h>
int c_counter = 31;
int c_helper(void) { return 10; }
int weak_fn(void) { return 2; }
int cgts_calls(void), cgts_forward(void), cgts_call_got(void), cgts_load_data(void), cgts_load_rodata(void);
int cgts_load_got(void);
int *cgts_addr_got(void);
const char *cgts_string(void);
void *cgts_missing(void);
extern int (*const vt[2])(void);
extern const long pc64;
extern char bss_buf[64];
int main(void) {
  printf("calls %d\\n", cgts_calls());
  printf("forward %d\\n", cgts_forward());
  printf("call_got %d\\n", cgts_call_got());
  printf("data %d\\n", cgts_load_data());
  printf("rodata %d\\n", cgts_load_rodata());
  c_counter = 32;
  printf("got %d %d\\n", cgts_load_got(), cgts_addr_got() == &c_counter);
  printf("string %s\\n", cgts_string());
  printf("vt %d %d\\n", vt[0](), vt[1]());
  printf("pc64 %d\\n", (const char *)&pc64 + pc64 == (const char *)cgts_calls);
  int zero = 1;
  for (int i = 0; i < 64; i++) zero &= bss_buf[i] == 0;
  memset(bss_buf, 7, 64);
  printf("bss %d %d\\n", zero, bss_buf[63]);
  printf("weak %d missing %d\\n", weak_fn(), cgts_missing() == 0);
  return 0;
}`, [o]);
  const r = run(exe, []);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, [
    'calls 11', 'forward 5', 'call_got 10', 'data 1234', 'rodata 77', 'got 32 1', 'string world',
    'vt 1234 10', 'pc64 1', 'bss 1 7', 'weak 2 missing 1', '',
  ].join('\n'));
});

test('absolute 32-bit relocations link in a non-PIE executable', () => {
  const dir = tempDir();
  const obj = new ElfObject();
  const sec = obj.dataSection(DataKind.Data, 'target', 4);
  obj.data(sec).u32(5);
  const target = obj.symbol('target');
  obj.setSymbolKind(target, STB.GLOBAL, STT.OBJECT);
  obj.define(target, sec, 0, 4);
  const a = addFunction(obj, 'addr32', hex('b8 00000000 c3')); // mov eax, imm32
  obj.reloc(a.sec, a.at + 1, R.R_X86_64_32, target, 0);
  const b = addFunction(obj, 'addr32s', hex('48 c7 c0 00000000 c3')); // mov rax, simm32
  obj.reloc(b.sec, b.at + 3, R.R_X86_64_32S, target, 0);
  const o = writeFile(dir, 'abs.o', obj.finish());
  assertToolsAccept(o);
  const exe = linkWithC(dir, `
extern int target;
unsigned addr32(void);
long addr32s(void);
int main(void) { return (addr32() == (unsigned long)&target) + 2 * (addr32s() == (long)&target); }`, [o], ['-no-pie']);
  assert.equal(run(exe, []).status, 3);
});

test('TLS variables through local-exec, initial-exec, general- and local-dynamic sequences', () => {
  const dir = tempDir();
  const obj = new ElfObject();
  const tdata = obj.dataSection(DataKind.TData, 'tls_a', 4);
  obj.data(tdata).u32(5);
  const tlsA = obj.symbol('tls_a');
  obj.setSymbolKind(tlsA, STB.GLOBAL, STT.TLS);
  obj.define(tlsA, tdata, 0, 4);
  const tbss = obj.dataSection(DataKind.TBss, 'tls_b', 8);
  obj.setNobitsSize(tbss, 16);
  const tlsB = obj.symbol('tls_b');
  obj.setSymbolKind(tlsB, STB.LOCAL, STT.TLS);
  obj.define(tlsB, tbss, 8, 4);
  const getAddr = obj.symbol('__tls_get_addr');

  const le = addFunction(obj, 'tls_le', hex('64 8b 04 25 00000000 c3')); // mov eax, fs:[tpoff]
  obj.reloc(le.sec, le.at + 4, R.R_X86_64_TPOFF32, tlsA, 0);
  const ie = addFunction(obj, 'tls_ie', hex('48 8b 05 00000000 64 8b 00 c3'));
  obj.reloc(ie.sec, ie.at + 3, R.R_X86_64_GOTTPOFF, tlsA, -4);
  // sub rsp,8; data16 lea rdi,[rip+x@tlsgd]; data16 data16 rex.w call __tls_get_addr; mov eax,[rax]; add rsp,8; ret
  const gd = addFunction(obj, 'tls_gd', hex('48 83 ec 08 66 48 8d 3d 00000000 66 66 48 e8 00000000 8b 00 48 83 c4 08 c3'));
  obj.reloc(gd.sec, gd.at + 8, R.R_X86_64_TLSGD, tlsA, -4);
  obj.reloc(gd.sec, gd.at + 16, R.R_X86_64_PLT32, getAddr, -4);
  // sub rsp,8; lea rdi,[rip+x@tlsld]; call __tls_get_addr; lea rax,[rax+tls_b@dtpoff]; add rsp,8; ret
  const ldf = addFunction(obj, 'tls_ld_addr', hex('48 83 ec 08 48 8d 3d 00000000 e8 00000000 48 8d 80 00000000 48 83 c4 08 c3'));
  obj.reloc(ldf.sec, ldf.at + 7, R.R_X86_64_TLSLD, tlsB, -4);
  obj.reloc(ldf.sec, ldf.at + 12, R.R_X86_64_PLT32, getAddr, -4);
  obj.reloc(ldf.sec, ldf.at + 19, R.R_X86_64_DTPOFF32, tlsB, 0);

  const o = writeFile(dir, 'tls.o', obj.finish());
  const { readelf } = assertToolsAccept(o);
  assert.match(readelf, /\.tdata\.tls_a\s+PROGBITS\s+\S+\s+\S+\s+000004\s+00\s+WAT/);
  assert.match(readelf, /\.tbss\.tls_b\s+NOBITS\s+\S+\s+\S+\s+000010\s+00\s+WAT/);
  assert.match(readelf, /TLS\s+GLOBAL\s+DEFAULT\s+\d+\s+tls_a/);

  const exe = linkWithC(dir, `
#include <pthread.h>
#include <stdio.h>
extern __thread int tls_a;
int tls_le(void), tls_ie(void), tls_gd(void);
int *tls_ld_addr(void);
static void report(const char *who) {
  int *b = tls_ld_addr();
  printf("%s %d %d %d %d", who, tls_le(), tls_ie(), tls_gd(), *b);
  *b += 33;
  printf(" %d\\n", *tls_ld_addr());
}
static void *thread(void *p) { report("thread"); return p; }
int main(void) {
  report("main");
  tls_a = 9;
  report("main");
  pthread_t t;
  pthread_create(&t, 0, thread, 0);
  pthread_join(t, 0);
  return 0;
}`, [o], ['-pthread']);
  const r = run(exe, []);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'main 5 5 5 0 33\nmain 9 9 9 33 66\nthread 5 5 5 0 33\n');
});

test('symbol table: locals first, sh_info is the first global, forward references resolve', () => {
  const obj = new ElfObject({ fileName: 'order.rs' });
  const later = obj.symbol('later'); // used before it is defined
  const ext = obj.symbol('external_thing');
  const f = addFunction(obj, 'first', hex('e8 00000000 e8 00000000 c3'));
  obj.reloc(f.sec, f.at + 1, R.R_X86_64_PLT32, later, -4);
  obj.reloc(f.sec, f.at + 6, R.R_X86_64_PLT32, ext, -4);
  addFunction(obj, 'helper', hex('c3'), STB.LOCAL);
  addFunction(obj, 'prot', hex('c3'), STB.GLOBAL, STV.PROTECTED);
  const s = obj.textSection('later');
  obj.data(s).append(hex('c3'));
  obj.setSymbolKind(later, STB.GLOBAL, STT.FUNC, STV.HIDDEN);
  obj.define(later, s, 0, 1);

  const elf = readElf(obj.finish());
  const syms = readSymbols(elf);
  const symtab = elf.sections.find((x) => x.type === SHT.SYMTAB)!;
  const firstGlobal = syms.findIndex((x, i) => i > 0 && x.bind !== STB.LOCAL);
  assert.equal(symtab.info, firstGlobal);
  assert.ok(syms.slice(firstGlobal).every((x) => x.bind !== STB.LOCAL));
  assert.equal(syms[1].type, STT.FILE);
  assert.equal(syms[1].name, 'order.rs');
  const by = (n: string) => syms.find((x) => x.name === n)!;
  assert.equal(by('helper').bind, STB.LOCAL);
  assert.equal(by('external_thing').shndx, SHN.UNDEF);
  assert.equal(by('later').visibility, STV.HIDDEN);
  assert.equal(by('prot').visibility, STV.PROTECTED);
  assert.equal(elf.sections[by('later').shndx].name, '.text.later');

  const rela = elf.sections.find((x) => x.name === '.rela.text.first')!;
  assert.equal(rela.flags & SHF.INFO_LINK, SHF.INFO_LINK);
  assert.equal(elf.sections[rela.info].name, '.text.first');
  const rs = readRelas(elf, rela);
  assert.deepEqual(rs.map((r) => [r.offset, r.type, syms[r.sym].name, r.addend]), [
    [1, R.R_X86_64_PLT32, 'later', -4],
    [6, R.R_X86_64_PLT32, 'external_thing', -4],
  ]);
});

test('one shared .text section when per-function sections are off', () => {
  const dir = tempDir();
  const obj = new ElfObject({ functionSections: false });
  const g = addFunction(obj, 'seven', hex('b8 07 00 00 00 c3'));
  // call seven (same section, PC-relative); add eax, eax; ... keep stack aligned
  const c = addFunction(obj, 'twice_seven', hex('48 83 ec 08 e8 00000000 01 c0 48 83 c4 08 c3'));
  assert.equal(g.sec, c.sec);
  obj.reloc(c.sec, c.at + 5, R.R_X86_64_PLT32, obj.symbol('seven'), -4);
  const o = writeFile(dir, 'one.o', obj.finish());
  const { readelf } = assertToolsAccept(o);
  assert.match(readelf, /\] \.text\s+PROGBITS/);
  assert.doesNotMatch(readelf, /\.text\./);
  const exe = linkWithC(dir, 'int twice_seven(void); int main(void) { return twice_seven(); }', [o]);
  assert.equal(run(exe, []).status, 14);
});

test('COMDAT groups: two objects with the same group link once, the group holds its .rela', () => {
  const dir = tempDir();
  const make = (value: number, comdat: boolean) => {
    const obj = new ElfObject();
    // sub rsp,8; call c_helper; add eax, imm8; add rsp,8; ret
    const f = addFunction(obj, 'dup_fn', hex(`48 83 ec 08 e8 00000000 83 c0 ${value.toString(16).padStart(2, '0')} 48 83 c4 08 c3`));
    obj.reloc(f.sec, f.at + 5, R.R_X86_64_PLT32, obj.symbol('c_helper'), -4);
    if (comdat) obj.addComdat(f.sym, [f.sec]);
    return obj.finish();
  };
  const a = writeFile(dir, 'a.o', make(1, true));
  const b = writeFile(dir, 'b.o', make(2, true));
  assertToolsAccept(a);
  const groups = must('readelf', ['-gW', a]);
  assert.match(groups, /COMDAT group section \[\s*1\] `\.group' \[dup_fn\] contains 2 sections/);
  assert.match(groups, /\.text\.dup_fn[\s\S]*\.rela\.text\.dup_fn/);
  const main = 'int c_helper(void) { return 40; } int dup_fn(void); int main(void) { return dup_fn(); }';
  const exe = linkWithC(dir, main, [a, b]);
  assert.equal(run(exe, []).status, 41);

  // Control: the same definitions without a group clash.
  const dir2 = tempDir();
  const a2 = writeFile(dir2, 'a.o', make(1, false));
  const b2 = writeFile(dir2, 'b.o', make(2, false));
  const c = writeFile(dir2, 'main.c', main);
  const r = run('cc', [c, a2, b2, '-o', `${dir2}/prog`]);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /multiple definition of `dup_fn'/);
});

test('--gc-sections drops an unreferenced .text.<sym> section', () => {
  const dir = tempDir();
  const obj = new ElfObject();
  addFunction(obj, 'used_fn', hex('b8 03 00 00 00 c3'));
  addFunction(obj, 'unused_fn', hex('b8 04 00 00 00 c3'));
  const o = writeFile(dir, 'gc.o', obj.finish());
  const main = 'int used_fn(void); int main(void) { return used_fn(); }';
  const kept = linkWithC(dir, main, [o]);
  const all = must('nm', [kept]);
  assert.match(all, / T used_fn\n/);
  assert.match(all, / T unused_fn\n/);
  const gc = linkWithC(dir, main, [o], ['-Wl,--gc-sections']);
  const some = must('nm', [gc]);
  assert.match(some, / T used_fn\n/);
  assert.doesNotMatch(some, /unused_fn/);
  assert.equal(run(gc, []).status, 3);
});

test('more than 65280 sections use extended section numbering', () => {
  const dir = tempDir();
  const obj = new ElfObject();
  const n = 66000;
  const ret = hex('b8 00 00 00 00 c3');
  for (let i = 0; i < n; i++) {
    ret[1] = i & 0x7f;
    addFunction(obj, `f${i}`, ret);
  }
  const bytes = obj.finish();
  const elf = readElf(bytes);
  assert.ok(elf.sections.length > n);
  const syms = readSymbols(elf);
  const last = syms.find((s) => s.name === `f${n - 1}`)!;
  assert.ok(last.shndx >= SHN.LORESERVE);
  assert.equal(elf.sections[last.shndx].name, `.text.f${n - 1}`);
  const o = writeFile(dir, 'many.o', bytes);
  const r = run('readelf', ['-hSsW', o]);
  assert.equal(r.status, 0);
  assert.equal(r.stderr, '');
  const exe = linkWithC(dir, `int f${n - 1}(void); int main(void) { return f${n - 1}(); }`, [o]);
  assert.equal(run(exe, []).status, (n - 1) & 0x7f);
});
