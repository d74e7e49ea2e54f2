import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseClifFile, parseFunction } from '../../src/ir/parser.js';
import { printFunction, formatDataValue, formatImm64, formatOffset } from '../../src/ir/printer.js';
import { Function } from '../../src/ir/function.js';
import { Op } from '../../src/ir/opcodes.js';
import { I8, I32, I64, F32, F64, parseType } from '../../src/ir/types.js';
import { CallConv } from '../../src/ir/immediates.js';

/** Functions covering every operand format, the preamble kinds and the block forms. */
const corpus = `
function %arith(i32, i32) -> i32 fast {
block0(v0: i32, v1: i32):
    v2 = iadd v0, v1
    v3 = isub v2, v0
    v4 = imul.i32 v3, v1
    v5 = iconst.i32 -7
    v6 = iconst.i32 0x1234_5678
    v7 = sdiv v4, v5
    v8 = clz v7
    v9, v10 = umul_overflow v8, v6
    v11 = uextend.i32 v10
    return v11
}

function %consts() -> i64 {
block0:
    v0 = iconst.i8 -1
    v1 = iconst.i16 40000
    v2 = iconst.i64 -10000
    v3 = iconst.i64 0x7fff_ffff_ffff_ffff
    v4 = f16const -0x1.8p-3
    v5 = f32const +Inf
    v6 = f64const -sNaN:0x42
    v7 = f128const 0x1.8p1
    v8 = vconst.i32x4 [1 2 3 -4]
    v9 = vconst.f32x4 [0x1.0p0 -0.0 NaN Inf]
    v10 = vconst.i64x2 0xff
    return v3
}

function %mem(i64, i32) system_v {
    ss0 = explicit_slot 24, align = 16
    ss3 = explicit_slot 8, key = 9
    gv0 = vmctx
    gv1 = load.i64 notrap aligned readonly gv0+16
    gv2 = iadd_imm.i64 gv1, 12000
    gv3 = symbol colocated %data-8
    gv4 = symbol tls u2:3

block0(v0: i64, v1: i32):
    v2 = load.i32 notrap aligned v0
    v3 = uload8.i64 little v0+20000
    store v1, v0-3
    istore16 heap_oob v1, v0+2
    v4 = stack_addr.i64 ss3+4
    v5 = global_value.i64 gv2
    v6 = symbol_value.i64 gv3
    v7 = tls_value.i64 gv4
    v8 = atomic_rmw.i64 little umax v0, v3
    v9 = atomic_cas.i64 v0, v3, v8
    v10 = atomic_load.i32 notrap v0
    atomic_store big v10, v0
    fence
    v11 = bitcast.f32 v1
    v12 = get_stack_pointer.i64
    v13 = sload8x8 aligned v0+8
    return
}

function %ctrl(i8, i64) -> i64 tail {
    sig0 = (i64, i64) -> i64 tail
    sig3 = (i64 uext) system_v
    fn0 = colocated %ctrl sig0
    fn1 = patchable u0:12 sig3
    fn5 = %libcall(f32) -> f32 system_v

block0(v0: i8, v1: i64):
    brif v0, block1(v1, v1), block2
block1(v2: i64, v3: i64):
    v4 = call fn0(v2, v3)
    call fn1(v4)
    v5 = func_addr.i64 fn0
    v6 = call_indirect sig0, v5(v4, v4)
    return_call fn0(v6, v6)
block2 cold:
    v7 = iconst.i64 3
    v8 = icmp uge v1, v7
    trapz v8, user1
    v9 = ireduce.i32 v1
    br_table v9, block3, [block1(v1, v7), block3, block4(v8)]
block3:
    trap int_divz
block4(v10: i8):
    v11 = select v10, v1, v7
    v12 = uadd_overflow_trap v11, v11, int_ovf
    v13, v14 = isplit v12
    v15 = iconcat v13, v14
    return v12
}

function %simd(i8x16, f32x4, i32) -> i8x16 {
block0(v0: i8x16, v1: f32x4, v2: i32):
    v3 = shuffle v0, v0, [15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0]
    v4 = swizzle v0, v3
    v5 = extractlane v1, 2
    v6 = insertlane v1, v5, 0
    v7 = fcmp lt v1, v6
    v8 = splat.i32x4 v2
    v9 = vhigh_bits.i32 v8
    v10 = bitselect v7, v8, v8
    v11 = snarrow v8, v8
    v12 = swiden_low v11
    v13 = vall_true v4
    v14 = fma v1, v1, v6
    v15 = fvpromote_low v1
    return v4
}

function %aliases_and_locs(i32) -> i32 {
block0(v0: i32):
    @0010 v1 = iadd v0, v0
    v2 -> v1
    @ffff v3 = imul v2, v2
    return v3
}
`;

test('print -> parse -> print is a fixed point on every corpus function', () => {
  const file = parseClifFile(corpus, 'corpus.clif');
  assert.equal(file.functions.length, 6);
  for (const pf of file.functions) {
    const once = printFunction(pf.func);
    const again = printFunction(parseFunction(once, 'printed.clif'));
    assert.equal(again, once);
  }
});

test('printed functions keep what the text said', () => {
  const file = parseClifFile(corpus, 'corpus.clif');
  const text = file.functions.map((pf) => printFunction(pf.func)).join('\n');
  for (const want of [
    'function %arith(i32, i32) -> i32 fast {',
    'v4 = imul v3, v1',
    'v5 = iconst.i32 0xffff_fff9',
    'v6 = iconst.i32 0x1234_5678',
    'v9, v10 = umul_overflow v8, v6',
    'v0 = iconst.i8 255',
    'v2 = iconst.i64 -10000',
    'v4 = f16const -0x1.800p-3',
    'v5 = f32const +Inf',
    'v6 = f64const -sNaN:0x42',
    'v8 = vconst.i32x4 [1 2 3 0xffff_fffc]',
    'v9 = vconst.f32x4 [0x1.000000p0 -0.0 +NaN +Inf]',
    'v10 = vconst.i64x2 [255 0]',
    'ss0 = explicit_slot 24, align = 16',
    'ss1 = explicit_slot 8, key = 9',
    'gv1 = load.i64 notrap aligned readonly gv0+16',
    'gv2 = iadd_imm.i64 gv1, 0x2ee0',
    'gv3 = symbol colocated %data-8',
    'gv4 = symbol tls u2:3',
    'v3 = uload8.i64 little v0+0x4e20',
    'store v1, v0-3',
    'istore16 heap_oob v1, v0+2',
    'v4 = stack_addr.i64 ss1+4',
    'atomic_store big v10, v0',
    'v13 = sload8x8 aligned v0+8',
    'v8 = atomic_rmw.i64 little umax v0, v3',
    'sig1 = (i64 uext) system_v',
    'fn1 = patchable u0:12 sig1',
    'fn2 = %libcall sig2',
    'brif v0, block1(v1, v1), block2',
    'br_table v9, block3, [block1(v1, v7), block3, block4(v8)]',
    'block2 cold:',
    'v6 = call_indirect sig0, v5(v4, v4)',
    'trapz v8, user1',
    'v3 = shuffle v0, v0, [15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0]',
    'v9 = vhigh_bits.i32 v8',
    '@0010 v1 = iadd v0, v0',
    'v2 = imul v1, v1',
  ]) {
    assert.ok(text.includes(want), `missing: ${want}\n${text}`);
  }
  assert.ok(!text.includes('->  '), 'aliases are substituted away');
});

test('a type suffix is printed when it cannot be inferred from the operand', () => {
  const f = new Function();
  f.name = 'mixed';
  f.signature = { params: [{ type: I64, flags: 0 }], returns: [], callConv: CallConv.SystemV };
  const b = f.createBlock();
  f.appendBlock(b);
  const p = f.appendBlockParam(b, I64);
  f.appendInst(b, Op.iadd, I32, [p, p]);
  f.appendInst(b, Op.return, 0, []);
  const text = printFunction(f);
  assert.match(text, /v1 = iadd\.i32 v0, v0/);
  const back = parseFunction(text);
  assert.equal(back.instType[0], I32);
});

test('functions built in code print with dense names and parse back equal', () => {
  const f = new Function();
  f.name = 'built';
  f.signature = { params: [{ type: F64, flags: 0 }], returns: [{ type: F64, flags: 0 }], callConv: CallConv.Fast };
  const entry = f.createBlock();
  const exit = f.createBlock();
  f.appendBlock(entry);
  const x = f.appendBlockParam(entry, F64);
  f.appendBlock(exit);
  const y = f.appendBlockParam(exit, F64);
  const c = f.appendInst(entry, Op.f64const, F64, [], 0, 0x40080000);
  const s = f.appendInst(entry, Op.fadd, F64, [x, f.result(c)]);
  const j = f.appendInst(entry, Op.jump, 0, []);
  f.addBlockCall(j, exit, [f.result(s)]);
  f.appendInst(exit, Op.return, 0, [y]);
  const text = printFunction(f);
  assert.equal(
    text,
    'function %built(f64) -> f64 fast {\nblock0(v0: f64):\n    v2 = f64const 0x1.8000000000000p1\n    v3 = fadd v0, v2\n    jump block1(v3)\n\nblock1(v1: f64):\n    return v1\n}\n',
  );
  const again = printFunction(parseFunction(text));
  assert.equal(printFunction(parseFunction(again)), again);
});

test('immediates and offsets use the decimal/hex split', () => {
  assert.equal(formatImm64(0n), '0');
  assert.equal(formatImm64(9999n), '9999');
  assert.equal(formatImm64(10000n), '0x2710');
  assert.equal(formatImm64(-10000n), '-10000');
  assert.equal(formatImm64(0x10000n), '0x0001_0000');
  assert.equal(formatImm64(-1n), '-1');
  assert.equal(formatOffset(0), '');
  assert.equal(formatOffset(-1), '-1');
  assert.equal(formatOffset(10000), '+0x2710');
  assert.equal(formatOffset(-0x80000000), '-0x8000_0000');
});

test('formatDataValue writes run-line values', () => {
  assert.equal(formatDataValue({ type: I8, bits: 0xffn }), '-1');
  assert.equal(formatDataValue({ type: I64, bits: 1n << 63n }), '-9223372036854775808');
  assert.equal(formatDataValue({ type: F32, bits: 0x40400000n }), '0x1.800000p1');
  assert.equal(formatDataValue({ type: F64, bits: 0xfff8000000000000n }), '-NaN');
  assert.equal(formatDataValue({ type: parseType('i32x4'), bits: (0xffffffffn << 96n) | 1n }), '[1 0 0 -1]');
  assert.equal(formatDataValue({ type: parseType('f32x2'), bits: 0x3f800000n }), '[0x1.000000p0 0.0]');
});
