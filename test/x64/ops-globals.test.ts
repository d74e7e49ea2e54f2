// symbol_value, global_value (symbol, iadd_imm and load kinds) and tls_value
// compiled to an object, linked with cc against C data and `__thread`
// variables (as a PIE, so GOTPCRELX and TLS general-dynamic relaxations run),
// reading and writing them natively.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseClifFile } from '../../src/ir/parser.js';
import { compileObject } from '../../src/x64/compile.js';

const run = promisify(execFile);

const CLIF = `
target x86_64

function %read_data() -> i64 {
    gv0 = symbol %data_words
    gv1 = iadd_imm.i64 gv0, 8
block0:
    v0 = global_value.i64 gv1
    v1 = load.i64 v0
    return v1
}

function %read_data_offset() -> i64 {
    gv0 = symbol %data_words+16
block0:
    v0 = symbol_value.i64 gv0
    v1 = load.i64 v0
    return v1
}

function %read_local_data() -> i64 {
    gv0 = symbol colocated %local_words+8
block0:
    v0 = symbol_value.i64 gv0
    v1 = load.i64 v0
    return v1
}

function %read_through_pointer() -> i64 {
    gv0 = symbol %data_ptr
    gv1 = load.i64 notrap aligned gv0
    gv2 = load.i64 notrap aligned gv1+8
block0:
    v0 = global_value.i64 gv2
    return v0
}

function %write_data(i64) {
    gv0 = symbol %data_words
block0(v0: i64):
    v1 = symbol_value.i64 gv0
    store v0, v1+24
    return
}

function %tls_add(i64) -> i64 {
    gv0 = symbol tls %tls_counter
block0(v0: i64):
    v1 = tls_value.i64 gv0
    v2 = load.i64 v1
    v3 = iadd v2, v0
    store v3, v1
    v4 = iadd v3, v0
    return v4
}

function %tls_second(i64) -> i64 {
    gv0 = symbol tls %tls_pair
block0(v0: i64):
    v1 = tls_value.i64 gv0
    v2 = load.i64 v1+8
    v3 = imul v2, v0
    return v3
}
`;

const C = `
#include <stdio.h>
#include <pthread.h>
long data_words[4] = {11, 22, 33, 44};
long local_words[2] = {55, 66};
long *data_ptr = data_words;
__thread long tls_counter = 100;
__thread long tls_pair[2] = {3, 4};
long read_data(void), read_data_offset(void), read_local_data(void), read_through_pointer(void);
void write_data(long);
long tls_add(long), tls_second(long);
static void *thread_main(void *arg) {
  (void)arg;
  long a = tls_add(5);
  printf("thread %ld %ld\\n", a, tls_counter);
  return 0;
}
int main(void) {
  printf("%ld %ld %ld %ld\\n", read_data(), read_data_offset(), read_local_data(), read_through_pointer());
  write_data(77);
  printf("%ld\\n", data_words[3]);
  long a = tls_add(1);
  long b = tls_add(2);
  printf("%ld %ld %ld %ld\\n", a, b, tls_counter, tls_second(10));
  pthread_t t;
  pthread_create(&t, 0, thread_main, 0);
  pthread_join(t, 0);
  printf("main %ld\\n", tls_counter);
  return 0;
}
`;

test('data symbols through the GOT and PC-relative, thread locals through __tls_get_addr', async () => {
  const file = parseClifFile(CLIF, 'globals.clif');
  const obj = compileObject(file.functions.map((f) => f.func));
  const dir = mkdtempSync(join(tmpdir(), 'cgts-globals-'));
  try {
    writeFileSync(join(dir, 'f.o'), obj);
    writeFileSync(join(dir, 'main.c'), C);
    await run('cc', ['-O0', '-w', '-fPIE', '-pie', '-pthread', '-o', join(dir, 'main'), join(dir, 'main.c'), join(dir, 'f.o')]);
    const { stdout } = await run(join(dir, 'main'));
    assert.equal(stdout, '22 33 66 22\n77\n102 105 103 40\nthread 110 105\nmain 103\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
