// The x86 vendor intrinsics under test: each table entry (the names of
// x86-stdarch-intrinsics.txt) with its LLVM signature, CPU feature and
// immediates; plus the generator of one `.ll` module per feature group with
// wrapper functions and edge inputs.

/** Shorthand LLVM types. */
export const TYPES: Record<string, { ll: string; lane: 'f32' | 'f64' | 'int'; laneBits: number; lanes: number }> = {
  f4: { ll: '<4 x float>', lane: 'f32', laneBits: 32, lanes: 4 },
  f8: { ll: '<8 x float>', lane: 'f32', laneBits: 32, lanes: 8 },
  d2: { ll: '<2 x double>', lane: 'f64', laneBits: 64, lanes: 2 },
  d4: { ll: '<4 x double>', lane: 'f64', laneBits: 64, lanes: 4 },
  b16: { ll: '<16 x i8>', lane: 'int', laneBits: 8, lanes: 16 },
  b32: { ll: '<32 x i8>', lane: 'int', laneBits: 8, lanes: 32 },
  w8: { ll: '<8 x i16>', lane: 'int', laneBits: 16, lanes: 8 },
  w16: { ll: '<16 x i16>', lane: 'int', laneBits: 16, lanes: 16 },
  i4: { ll: '<4 x i32>', lane: 'int', laneBits: 32, lanes: 4 },
  i8v: { ll: '<8 x i32>', lane: 'int', laneBits: 32, lanes: 8 },
  q2: { ll: '<2 x i64>', lane: 'int', laneBits: 64, lanes: 2 },
  q4: { ll: '<4 x i64>', lane: 'int', laneBits: 64, lanes: 4 },
  i8: { ll: 'i8', lane: 'int', laneBits: 8, lanes: 1 },
  i16: { ll: 'i16', lane: 'int', laneBits: 16, lanes: 1 },
  i32: { ll: 'i32', lane: 'int', laneBits: 32, lanes: 1 },
  i64: { ll: 'i64', lane: 'int', laneBits: 64, lanes: 1 },
};

/** Feature groups: the llc -mattr and the /proc/cpuinfo flag that must be present. */
export const GROUPS: Record<string, { mattr: string; cpu: string }> = {
  sse: { mattr: '+sse', cpu: 'sse' },
  sse2: { mattr: '+sse2', cpu: 'sse2' },
  sse3: { mattr: '+sse3', cpu: 'pni' },
  ssse3: { mattr: '+ssse3', cpu: 'ssse3' },
  sse41: { mattr: '+sse4.1', cpu: 'sse4_1' },
  sse42: { mattr: '+sse4.2,+crc32', cpu: 'sse4_2' },
  avx: { mattr: '+avx', cpu: 'avx' },
  avx2: { mattr: '+avx2', cpu: 'avx2' },
  bmi1: { mattr: '+bmi', cpu: 'bmi1' },
  bmi2: { mattr: '+bmi2', cpu: 'bmi2' },
  pclmulqdq: { mattr: '+pclmul,+sse2', cpu: 'pclmulqdq' },
  aes: { mattr: '+aes,+sse2', cpu: 'aes' },
  sha: { mattr: '+sha,+sse2', cpu: 'sha_ni' },
  adx: { mattr: '+sse2', cpu: 'sse2' },
};

/**
 * A case: intrinsic (without `llvm.x86.`), feature group, result type and
 * parameter types. A parameter `T#a,b,c` is an immediate of type T taking each
 * listed value (one wrapper per combination); `T/gen` draws inputs from a
 * named generator. `kind` marks wrappers that need memory or compare loosely.
 */
export interface Case {
  name: string;
  group: string;
  ret: string;
  params: string[];
  kind?: 'plain' | 'void' | 'ptrvoid' | 'load' | 'maskmov' | 'gather' | 'approx' | 'carry';
  runs?: number;
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i).join(',');
const C: Case[] = [];
const add = (group: string, names: string, ret: string, params: string, extra: Partial<Case> = {}) => {
  for (const name of names.split(' ')) C.push({ name, group, ret, params: params ? params.split(' ') : [], kind: 'plain', ...extra });
};

// SSE
add('sse', 'sse.min.ps sse.max.ps sse.min.ss sse.max.ss', 'f4', 'f4 f4');
add('sse', 'sse.cmp.ps sse.cmp.ss', 'f4', `f4 f4 i8#${range(0, 7)}`);
for (const u of ['', 'u']) for (const p of ['eq', 'lt', 'le', 'gt', 'ge', 'neq']) add('sse', `sse.${u}comi${p}.ss`, 'i32', 'f4 f4');
add('sse', 'sse.cvtss2si sse.cvttss2si', 'i32', 'f4');
add('sse', 'sse.cvtss2si64 sse.cvttss2si64', 'i64', 'f4');
add('sse', 'sse.rcp.ps sse.rsqrt.ps sse.rcp.ss sse.rsqrt.ss', 'f4', 'f4', { kind: 'approx' });
add('sse', 'sse.sfence', 'void', '', { kind: 'void' });
// SSE2
add('sse2', 'sse2.pause sse2.lfence sse2.mfence', 'void', '', { kind: 'void' });
add('sse2', 'sse2.clflush', 'void', 'ptr', { kind: 'ptrvoid' });
add('sse2', 'sse2.pmadd.wd', 'i4', 'w8 w8');
add('sse2', 'sse2.psad.bw', 'q2', 'b16 b16');
add('sse2', 'sse2.psll.w sse2.psrl.w sse2.psra.w', 'w8', 'w8 w8/shift');
add('sse2', 'sse2.psll.d sse2.psrl.d sse2.psra.d', 'i4', 'i4 i4/shift');
add('sse2', 'sse2.psll.q sse2.psrl.q', 'q2', 'q2 q2/shift');
add('sse2', 'sse2.cvtps2dq sse2.cvttps2dq', 'i4', 'f4');
add('sse2', 'sse2.maskmov.dqu', 'void', 'b16 b16 ptr', { kind: 'maskmov' });
add('sse2', 'sse2.max.sd sse2.max.pd sse2.min.sd sse2.min.pd', 'd2', 'd2 d2');
add('sse2', 'sse2.cmp.sd sse2.cmp.pd', 'd2', `d2 d2 i8#${range(0, 7)}`);
for (const u of ['', 'u']) for (const p of ['eq', 'lt', 'le', 'gt', 'ge', 'neq']) add('sse2', `sse2.${u}comi${p}.sd`, 'i32', 'd2 d2');
add('sse2', 'sse2.cvtpd2dq sse2.cvttpd2dq', 'i4', 'd2');
add('sse2', 'sse2.cvtsd2si sse2.cvttsd2si', 'i32', 'd2');
add('sse2', 'sse2.cvtsd2si64 sse2.cvttsd2si64', 'i64', 'd2');
add('sse2', 'sse2.cvtsd2ss', 'f4', 'f4 d2');
add('sse2', 'sse2.packsswb.128 sse2.packuswb.128', 'b16', 'w8 w8');
add('sse2', 'sse2.packssdw.128', 'w8', 'i4 i4');
// SSE3, SSSE3
add('sse3', 'sse3.ldu.dq', 'b16', 'ptr', { kind: 'load' });
add('ssse3', 'ssse3.pshuf.b.128', 'b16', 'b16 b16');
add('ssse3', 'ssse3.pmadd.ub.sw.128', 'w8', 'b16 b16');
add('ssse3', 'ssse3.pmul.hr.sw.128', 'w8', 'w8 w8');
add('ssse3', 'ssse3.psign.b.128', 'b16', 'b16 b16');
add('ssse3', 'ssse3.psign.w.128', 'w8', 'w8 w8');
add('ssse3', 'ssse3.psign.d.128', 'i4', 'i4 i4');
// SSE4.1
add('sse41', 'sse41.insertps', 'f4', 'f4 f4 i8#0,1,15,16,0x21,0x4e,0x93,0xc0,0xf0,0xff,0x7a,0xb5');
add('sse41', 'sse41.dppd', 'd2', 'd2 d2 i8#0,0x31,0x32,0x33,0x13,0x23,0xff,0x11');
add('sse41', 'sse41.dpps', 'f4', 'f4 f4 i8#0,0xff,0xf1,0x1f,0x35,0xca,0x5a,0x81,0x7e');
add('sse41', 'sse41.round.pd', 'd2', `d2 i32#${range(0, 15)}`);
add('sse41', 'sse41.round.ps', 'f4', `f4 i32#${range(0, 15)}`);
add('sse41', 'sse41.round.sd', 'd2', 'd2 d2 i32#0,1,2,3,4,8,9,10,11,12');
add('sse41', 'sse41.round.ss', 'f4', 'f4 f4 i32#0,1,2,3,4,8,9,10,11,12');
add('sse41', 'sse41.phminposuw', 'w8', 'w8/small');
add('sse41', 'sse41.mpsadbw', 'w8', `b16 b16 i8#${range(0, 7)}`);
add('sse41', 'sse41.ptestnzc', 'i32', 'q2/sparse q2/sparse');
add('sse41', 'sse41.packusdw', 'w8', 'i4 i4');
// SSE4.2
for (const e of ['e', 'i']) {
  const ps = e === 'e' ? 'b16/str i32/len b16/str i32/len' : 'b16/str b16/str';
  const all = range(0, 127);
  const some = '0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,0x10,0x1d,0x22,0x33,0x3c,0x47,0x55,0x6a,0x7f';
  add('sse42', `sse42.pcmp${e}stri128`, 'i32', `${ps} i8#${all}`, { runs: 6 });
  add('sse42', `sse42.pcmp${e}strm128`, 'b16', `${ps} i8#${all}`, { runs: 6 });
  for (const f of ['a', 'c', 'o', 's', 'z']) add('sse42', `sse42.pcmp${e}stri${f}128`, 'i32', `${ps} i8#${some}`, { runs: 6 });
}
add('sse42', 'sse42.crc32.32.8', 'i32', 'i32 i8');
add('sse42', 'sse42.crc32.32.16', 'i32', 'i32 i16');
add('sse42', 'sse42.crc32.32.32', 'i32', 'i32 i32');
add('sse42', 'sse42.crc32.64.64', 'i64', 'i64 i64');
// AVX
add('avx', 'avx.round.pd.256', 'd4', `d4 i32#${range(0, 15)}`);
add('avx', 'avx.round.ps.256', 'f8', `f8 i32#${range(0, 15)}`);
add('avx', 'avx.dp.ps.256', 'f8', 'f8 f8 i8#0,0xff,0xf1,0x1f,0x35,0xca,0x5a,0x81');
add('avx', 'avx.cmp.pd.256', 'd4', `d4 d4 i8#${range(0, 31)}`);
add('avx', 'avx.cmp.ps.256', 'f8', `f8 f8 i8#${range(0, 31)}`);
add('avx', 'sse.cmp.ps', 'f4', `f4 f4 i8#${range(8, 31)}`);
add('avx', 'sse2.cmp.pd', 'd2', `d2 d2 i8#${range(8, 31)}`);
add('avx', 'sse.cmp.ss', 'f4', `f4 f4 i8#${range(8, 31)}`);
add('avx', 'sse2.cmp.sd', 'd2', `d2 d2 i8#${range(8, 31)}`);
add('avx', 'avx.cvt.ps2dq.256 avx.cvtt.ps2dq.256', 'i8v', 'f8');
add('avx', 'avx.cvt.pd2dq.256 avx.cvtt.pd2dq.256', 'i4', 'd4');
add('avx', 'avx.vzeroall avx.vzeroupper', 'void', '', { kind: 'void' });
add('avx', 'avx.vpermilvar.ps.256', 'f8', 'f8 i8v');
add('avx', 'avx.vpermilvar.ps', 'f4', 'f4 i4');
add('avx', 'avx.vpermilvar.pd.256', 'd4', 'd4 q4');
add('avx', 'avx.vpermilvar.pd', 'd2', 'd2 q2');
add('avx', 'avx.ldu.dq.256', 'b32', 'ptr', { kind: 'load' });
add('avx', 'avx.rcp.ps.256 avx.rsqrt.ps.256', 'f8', 'f8', { kind: 'approx' });
add('avx', 'avx.ptestnzc.256', 'i32', 'q4/sparse q4/sparse');
add('avx', 'avx.vtestz.pd.256 avx.vtestc.pd.256 avx.vtestnzc.pd.256', 'i32', 'd4/sparse d4/sparse');
add('avx', 'avx.vtestnzc.pd', 'i32', 'd2/sparse d2/sparse');
add('avx', 'avx.vtestz.ps.256 avx.vtestc.ps.256 avx.vtestnzc.ps.256', 'i32', 'f8/sparse f8/sparse');
add('avx', 'avx.vtestnzc.ps', 'i32', 'f4/sparse f4/sparse');
add('avx', 'avx.min.ps.256 avx.max.ps.256', 'f8', 'f8 f8');
add('avx', 'avx.min.pd.256 avx.max.pd.256', 'd4', 'd4 d4');
// AVX2
add('avx2', 'avx2.pmadd.wd', 'i8v', 'w16 w16');
add('avx2', 'avx2.pmadd.ub.sw', 'w16', 'b32 b32');
add('avx2', 'avx2.mpsadbw', 'w16', 'b32 b32 i8#0,1,2,3,4,5,6,7,0x08,0x13,0x2a,0x3f,0x25');
add('avx2', 'avx2.pmul.hr.sw', 'w16', 'w16 w16');
add('avx2', 'avx2.psad.bw', 'q4', 'b32 b32');
add('avx2', 'avx2.psign.b', 'b32', 'b32 b32');
add('avx2', 'avx2.psign.w', 'w16', 'w16 w16');
add('avx2', 'avx2.psign.d', 'i8v', 'i8v i8v');
add('avx2', 'avx2.psll.w avx2.psrl.w avx2.psra.w', 'w16', 'w16 w8/shift');
add('avx2', 'avx2.psll.d avx2.psrl.d avx2.psra.d', 'i8v', 'i8v i4/shift');
add('avx2', 'avx2.psll.q avx2.psrl.q', 'q4', 'q4 q2/shift');
add('avx2', 'avx2.pshuf.b', 'b32', 'b32 b32');
add('avx2', 'avx2.permd', 'i8v', 'i8v i8v');
add('avx2', 'avx2.permps', 'f8', 'f8 i8v');
add('avx2', 'avx2.packsswb avx2.packuswb', 'b32', 'w16 w16');
add('avx2', 'avx2.packssdw avx2.packusdw', 'w16', 'i8v i8v');
for (const [ix, el, ret, idx] of [
  ['d', 'd', 'i4', 'i4'], ['d', 'd.256', 'i8v', 'i8v'], ['d', 'q', 'q2', 'i4'], ['d', 'q.256', 'q4', 'i4'],
  ['q', 'd', 'i4', 'q2'], ['q', 'd.256', 'i4', 'q4'], ['q', 'q', 'q2', 'q2'], ['q', 'q.256', 'q4', 'q4'],
  ['d', 'pd', 'd2', 'i4'], ['d', 'pd.256', 'd4', 'i4'], ['q', 'pd', 'd2', 'q2'], ['q', 'pd.256', 'd4', 'q4'],
  ['d', 'ps', 'f4', 'i4'], ['d', 'ps.256', 'f8', 'i8v'], ['q', 'ps', 'f4', 'q2'], ['q', 'ps.256', 'f4', 'q4'],
] as const) {
  add('avx2', `avx2.gather.${ix}.${el}`, ret, `${ret} ptr ${idx} ${ret} i8#1,2,4,8`, { kind: 'gather' });
}
// BMI1, BMI2
add('bmi1', 'bmi.bextr.32', 'i32', 'i32 i32/bextr');
add('bmi1', 'bmi.bextr.64', 'i64', 'i64 i64/bextr');
add('bmi2', 'bmi.bzhi.32', 'i32', 'i32 i32/bzhi');
add('bmi2', 'bmi.bzhi.64', 'i64', 'i64 i64/bzhi');
add('bmi2', 'bmi.pdep.32 bmi.pext.32', 'i32', 'i32 i32');
add('bmi2', 'bmi.pdep.64 bmi.pext.64', 'i64', 'i64 i64');
// PCLMULQDQ, AES, SHA
add('pclmulqdq', 'pclmulqdq', 'q2', 'q2 q2 i8#0,1,0x10,0x11,0xee');
add('aes', 'aesni.aesenc aesni.aesenclast aesni.aesdec aesni.aesdeclast', 'q2', 'q2 q2');
add('aes', 'aesni.aesimc', 'q2', 'q2');
add('aes', 'aesni.aeskeygenassist', 'q2', 'q2 i8#0,1,2,0x1b,0x36,0x80,0xff');
add('sha', 'sha1msg1 sha1msg2 sha1nexte sha256msg1 sha256msg2', 'i4', 'i4 i4');
add('sha', 'sha1rnds4', 'i4', 'i4 i4 i8#0,1,2,3');
add('sha', 'sha256rnds2', 'i4', 'i4 i4 i4');
// ADX: {carry, sum} returned by the wrapper as <2 x i64> [sum, carry]
add('adx', 'addcarry.32 subborrow.32', 'q2', 'i8/carry i32 i32', { kind: 'carry' });
add('adx', 'addcarry.64 subborrow.64', 'q2', 'i8/carry i64 i64', { kind: 'carry' });

export const CASES: readonly Case[] = C;

/**
 * Table entries whose results come from machine state (MXCSR, the time-stamp
 * counter, XCR0, the random-number generator): the interpreter cannot run
 * them, so x86-intrinsics-machine.test.ts runs cgts's native code for them
 * against llc-22's.
 */
export const MACHINE = 'sse.stmxcsr sse.ldmxcsr rdrand.16 rdrand.32 rdrand.64 rdseed.16 rdseed.32 rdseed.64 rdtsc rdtscp xgetbv';

// ---- inputs ----

/** A small deterministic PRNG (xorshift64*), so every run tests the same inputs. */
export class Rng {
  private s: bigint;
  constructor(seed: number) { this.s = BigInt(seed) * 0x9e3779b97f4a7c15n | 1n; }
  next64(): bigint {
    let x = this.s;
    x ^= x >> 12n; x ^= (x << 25n) & 0xffffffffffffffffn; x ^= x >> 27n;
    this.s = x;
    return (x * 0x2545f4914f6cdd1dn) & 0xffffffffffffffffn;
  }
  int(n: number): number { return Number(this.next64() % BigInt(n)); }
  pick<T>(xs: readonly T[]): T { return xs[this.int(xs.length)]!; }
}

const F32_EDGE = [
  0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x3f000000, 0x3fc00000, 0x40200000, 0xc0200000, 0x40600000,
  0xbfc00000, 0x7fc00000, 0xffc00001, 0x7f800001, 0xffa00000, 0x7f800000, 0xff800000, 0x00000001, 0x80400000,
  0x007fffff, 0x7f7fffff, 0xff7fffff, 0x00800000, 0x4f000000, 0xcf000000, 0x4effffff, 0xcf000001, 0x5f000000,
  0xdf000000, 0x5effffff, 0x7e800000, 0x7f000000, 0x3f7fffff, 0x3effffff, 0x4b000001, 0xcb7fffff, 0x3ec00000,
].map(BigInt);
const F64_EDGE = [
  0x0000000000000000n, 0x8000000000000000n, 0x3ff0000000000000n, 0xbff0000000000000n, 0x3fe0000000000000n,
  0x3ff8000000000000n, 0x4004000000000000n, 0xc004000000000000n, 0x400c000000000000n, 0xbff8000000000000n,
  0x7ff8000000000000n, 0xfff8000000000001n, 0x7ff0000000000001n, 0xfff4000000000000n, 0x7ff0000000000000n,
  0xfff0000000000000n, 0x0000000000000001n, 0x8008000000000000n, 0x7fefffffffffffffn, 0x0010000000000000n,
  0x41e0000000000000n, 0xc1e0000000000000n, 0x41dfffffffc00000n, 0xc1e0000000100000n, 0x41dfffffffffffffn,
  0xc1e00000001fffffn, 0x43e0000000000000n, 0xc3e0000000000000n, 0x43dfffffffffffffn, 0x36a0000000000000n,
  0x47efffffe0000000n, 0x3fdfffffffffffffn, 0x4330000000000001n, 0x41dfffffffe00000n, 0xc1dfffffffe00000n,
];

function intEdge(bits: number): bigint[] {
  const m = (1n << BigInt(bits)) - 1n, h = 1n << BigInt(bits - 1);
  return [0n, 1n, m, h, h - 1n, h + 1n, 2n, m - 1n, 0x7fn & m, 0x80n & m, 0xffn & m, 0x100n & m, 0x5555555555555555n & m, 0xaaaaaaaaaaaaaaaan & m];
}

/** A random lane: an edge value, or random bits; floats also small random values. */
function laneValue(rng: Rng, lane: 'f32' | 'f64' | 'int', bits: number): bigint {
  const m = (1n << BigInt(bits)) - 1n;
  const r = rng.int(8);
  if (lane !== 'int' && r === 0) return rng.int(2) ? 1n << BigInt(bits - 1) : 0n;
  if (lane === 'f32') {
    if (r < 4) return rng.pick(F32_EDGE);
    if (r < 6) { const dv = new DataView(new ArrayBuffer(4)); dv.setFloat32(0, (rng.int(2000) - 1000) / 8); return BigInt(dv.getUint32(0)); }
    return rng.next64() & m;
  }
  if (lane === 'f64') {
    if (r < 4) return rng.pick(F64_EDGE);
    if (r < 6) { const dv = new DataView(new ArrayBuffer(8)); dv.setFloat64(0, (rng.int(2000) - 1000) / 8); return dv.getBigUint64(0); }
    return rng.next64() & m;
  }
  if (r < 4) return rng.pick(intEdge(bits));
  if (r < 5) return BigInt(rng.int(9)) - 4n & m;
  return rng.next64() & m;
}

/** Whether v fits in `bits` (the previous argument has this argument's width). */
function sizeOfBits(v: bigint, bits: number): boolean {
  return v < (1n << BigInt(bits));
}

function packLanes(ls: bigint[], bits: number): bigint {
  let v = 0n;
  for (let i = ls.length - 1; i >= 0; i--) v = (v << BigInt(bits)) | ls[i]!;
  return v;
}
function unpackLanes(v: bigint, bits: number, n: number): bigint[] {
  const m = (1n << BigInt(bits)) - 1n;
  return Array.from({ length: n }, (_, i) => (v >> BigInt(i * bits)) & m);
}

/** Raw bits of one argument of type `ty` from generator `gen`. */
export function genArg(rng: Rng, ty: string, gen: string, prev: bigint[]): bigint {
  const T = TYPES[ty];
  if (!T) throw new Error(`unknown type ${ty}`);
  const { lane, laneBits: w, lanes: n } = T;
  const total = w * n;
  switch (gen) {
    case 'shift': {
      const lw = n === 8 ? 16 : n === 4 ? 32 : 64; // the data lane width this count applies to
      const c = rng.pick([0n, 1n, 3n, BigInt(lw - 1), BigInt(lw), BigInt(lw + 1), 63n, 64n, 65n, 255n, 0x100000001n, 1n << 63n, 1n << 32n]);
      return c | (rng.next64() << 64n) & ((1n << 128n) - 1n);
    }
    case 'bextr': case 'bzhi': {
      const near = (k: number) => BigInt(rng.int(4) ? rng.int(k + 6) : rng.int(256));
      const s = near(total / 2), l = near(total);
      const rest = rng.int(2) ? rng.next64() & ((1n << BigInt(total)) - 1n) : 0n;
      return gen === 'bextr' ? (rest & ~0xffffn) | (l << 8n) | s : (rest & ~0xffn) | s;
    }
    case 'carry':
      return rng.pick([0n, 1n, 2n, 0x80n, 0xffn, 0n, 1n]);
    case 'len':
      return BigInt.asUintN(32, rng.pick([-20n, -17n, -16n, -9n, -8n, -3n, -1n, 0n, 1n, 2n, 3n, 5n, 7n, 8n, 9n, 12n, 15n, 16n, 17n, 100n, -(1n << 31n), (1n << 31n) - 1n]));
    case 'str': {
      const ls: bigint[] = [];
      for (let i = 0; i < 16; i++) ls.push(rng.pick([0x61n, 0x62n, 0x63n, 0x61n, 0x62n, 0x00n, 0xffn, 0x80n, 0x7fn, 0x01n, 0x00n]));
      if (rng.int(3) === 0) for (let i = 0; i < 16; i++) ls[i] = ls[i] === 0n ? 0x61n : ls[i]!;
      return packLanes(ls, 8);
    }
    case 'sparse': {
      const ls: bigint[] = [];
      const mode = rng.int(4);
      for (let i = 0; i < n; i++) {
        const sign = 1n << BigInt(w - 1);
        if (mode === 0) ls.push(0n);
        else if (mode === 1) ls.push(rng.pick([0n, 0n, 1n, sign, sign | 1n]));
        else if (mode === 2 && prev.length) ls.push(unpackLanes(prev[0]!, w, n)[i]!);
        else ls.push(rng.next64() & ((1n << BigInt(w)) - 1n) & (rng.int(2) ? sign - 1n : -1n));
      }
      if (mode === 3 && prev.length) return prev[0]! ^ ((1n << BigInt(total)) - 1n);
      return packLanes(ls, w);
    }
    case 'small': {
      const ls: bigint[] = [];
      for (let i = 0; i < n; i++) ls.push(rng.pick([0n, 1n, 2n, 0xffffn, 0x8000n, 5n, 2n]));
      return packLanes(ls, w);
    }
  }
  const ls: bigint[] = [];
  const other = prev.length > 0 && sizeOfBits(prev[0]!, total) ? prev[0] : undefined;
  for (let i = 0; i < n; i++) {
    // sometimes copy the previous argument's lane so that ties and equal values occur
    if (other !== undefined && TYPES[ty]!.lanes > 1 && rng.int(4) === 0) {
      // the same value, or for floats the other zero
      const o = unpackLanes(other, w, n)[i]!;
      const zero = lane !== 'int' && (o & ((1n << BigInt(w - 1)) - 1n)) === 0n;
      ls.push(zero && rng.int(2) ? o ^ (1n << BigInt(w - 1)) : o);
    }
    else ls.push(laneValue(rng, lane, w));
  }
  return packLanes(ls, w);
}

// ---- the test module ----

export interface Wrapper {
  fn: string;
  intrinsic: string;
  imms: number[];
  /** Argument types of the interpreted wrapper `fn` (TYPES keys). */
  argTypes: string[];
  ret: string;
  kind: NonNullable<Case['kind']>;
  inputs: bigint[][];
}

/** Byte size of a type, as a slot in the native harness's argument buffer. */
export function sizeOf(ty: string): number {
  const t = TYPES[ty]!;
  return (t.laneBits * t.lanes) / 8;
}

/**
 * The `.ll` module of one group: per wrapper, `@w_N` (the intrinsic on value
 * arguments, run by the interpreter) and `@p_N(ptr out, ptr in)` that loads
 * the arguments from 32-byte slots, calls `@w_N` and stores its result (called
 * from the native harness).
 */
export function buildGroup(group: string, runsDefault: number, seed: number): { ll: string; wrappers: Wrapper[] } {
  const decls = new Map<string, string>();
  const bodies: string[] = [];
  const wrappers: Wrapper[] = [];
  const rng = new Rng(seed);
  for (const c of CASES) {
    if (c.group !== group) continue;
    const full = `llvm.x86.${c.name}`;
    const pts = c.params.map((p) => p.split(/[#/]/)[0]!);
    const width = c.kind === 'carry' ? TYPES[pts[1]!]!.ll : '';
    const retLL = c.ret === 'void' ? 'void' : c.kind === 'carry' ? `{ i8, ${width} }` : TYPES[c.ret]!.ll;
    decls.set(full, `declare ${retLL} @${full}(${pts.map((p) => (p === 'ptr' ? 'ptr' : TYPES[p]!.ll)).join(', ')})`);
    const immLists = c.params.map((p) => (p.includes('#') ? p.split('#')[1]!.split(',').map(Number) : null));
    let combos: number[][] = [[]];
    for (const l of immLists) if (l) combos = combos.flatMap((cb) => l.map((v) => [...cb, v]));
    for (const imms of combos) {
      const k = wrappers.length, fn = `w_${k}`;
      let argTypes: string[], body: string;
      const callArgs = (vals: string[]) => {
        let vi = 0, ii = 0;
        return c.params.map((p, j) => {
          const t = pts[j]!;
          if (immLists[j]) return `${TYPES[t]!.ll} ${imms[ii++]}`;
          return `${t === 'ptr' ? 'ptr' : TYPES[t]!.ll} ${vals[vi++]}`;
        }).join(', ');
      };
      switch (c.kind) {
        case 'void':
          argTypes = ['i32'];
          body = `  call void @${full}()\n  %r = add i32 %a0, 7\n  ret i32 %r`;
          break;
        case 'ptrvoid':
          argTypes = ['i32'];
          body = `  %m = alloca i32, align 4\n  store i32 %a0, ptr %m\n  call void @${full}(ptr %m)\n  %r = load i32, ptr %m\n  ret i32 %r`;
          break;
        case 'load': {
          const rt = TYPES[c.ret]!.ll;
          argTypes = [c.ret];
          body = `  %m = alloca [80 x i8], align 32\n  %q = getelementptr i8, ptr %m, i64 ${1 + (k % 7)}\n  store ${rt} %a0, ptr %q, align 1\n` +
            `  %r = call ${rt} @${full}(ptr %q)\n  ret ${rt} %r`;
          break;
        }
        case 'maskmov':
          argTypes = ['b16', 'b16', 'b16'];
          body = `  %m = alloca [48 x i8], align 16\n  %q = getelementptr i8, ptr %m, i64 3\n  store <16 x i8> %a2, ptr %q, align 1\n` +
            `  call void @${full}(<16 x i8> %a0, <16 x i8> %a1, ptr %q)\n  %r = load <16 x i8>, ptr %q, align 1\n  ret <16 x i8> %r`;
          break;
        case 'carry':
          argTypes = pts;
          body = `  %s = call ${retLL} @${full}(i8 %a0, ${width} %a1, ${width} %a2)\n  %c = extractvalue ${retLL} %s, 0\n` +
            `  %v = extractvalue ${retLL} %s, 1\n  %c64 = zext i8 %c to i64\n` +
            (width === 'i64' ? '  %v64 = add i64 %v, 0\n' : `  %v64 = zext ${width} %v to i64\n`) +
            `  %r0 = insertelement <2 x i64> zeroinitializer, i64 %v64, i32 0\n  %r = insertelement <2 x i64> %r0, i64 %c64, i32 1\n  ret <2 x i64> %r`;
          break;
        case 'gather': {
          // (src, index, mask, table low 32 bytes, table high 32 bytes); base = table + 32
          argTypes = [pts[0]!, pts[2]!, pts[3]!, 'b32', 'b32'];
          body = `  %m = alloca [64 x i8], align 32\n  store <32 x i8> %a3, ptr %m, align 32\n  %h = getelementptr i8, ptr %m, i64 32\n` +
            `  store <32 x i8> %a4, ptr %h, align 32\n  %r = call ${retLL} @${full}(${callArgs(['%a0', '%h', '%a1', '%a2'])})\n  ret ${retLL} %r`;
          break;
        }
        default: {
          argTypes = pts.filter((_, j) => !immLists[j]);
          body = `  %r = call ${retLL} @${full}(${callArgs(argTypes.map((_, j) => `%a${j}`))})\n  ret ${retLL} %r`;
        }
      }
      const ret = c.kind === 'void' || c.kind === 'ptrvoid' ? 'i32' : c.kind === 'maskmov' ? 'b16' : c.ret;
      const rLL = TYPES[ret]!.ll;
      bodies.push(`define ${rLL} @${fn}(${argTypes.map((t, j) => `${TYPES[t]!.ll} %a${j}`).join(', ')}) {\n${body}\n}`);
      const loads = argTypes.map((t, j) => `  %g${j} = getelementptr i8, ptr %in, i64 ${32 * j}\n  %l${j} = load ${TYPES[t]!.ll}, ptr %g${j}, align 1`).join('\n');
      bodies.push(`define void @p_${k}(ptr %out, ptr %in) {\n${loads}\n  %r = call ${rLL} @${fn}(${argTypes.map((t, j) => `${TYPES[t]!.ll} %l${j}`).join(', ')})\n` +
        `  store ${rLL} %r, ptr %out, align 1\n  ret void\n}`);
      const inputs: bigint[][] = [];
      const runs = c.runs ?? runsDefault;
      for (let r = 0; r < runs; r++) {
        if (c.kind === 'gather') inputs.push(gatherInputs(rng, c, imms[0]!));
        else {
          const vals: bigint[] = [];
          c.params.forEach((p, j) => {
            if (immLists[j]) return;
            const t = pts[j]!;
            if (t === 'ptr') return;
            vals.push(genArg(rng, t, p.includes('/') ? p.split('/')[1]! : '', vals));
          });
          if (c.kind === 'void' || c.kind === 'ptrvoid') vals.push(rng.next64() & 0xffffffffn);
          if (c.kind === 'load') vals.push(genArg(rng, c.ret, '', []));
          if (c.kind === 'maskmov') vals.push(genArg(rng, 'b16', '', []));
          inputs.push(vals);
        }
      }
      wrappers.push({ fn, intrinsic: full, imms, argTypes, ret, kind: c.kind ?? 'plain', inputs });
    }
  }
  const ll = `target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"\n` +
    `target triple = "x86_64-unknown-linux-gnu"\n\n${[...decls.values()].join('\n')}\n\n${bodies.join('\n\n')}\n`;
  return { ll, wrappers };
}

/** Gather inputs: active lanes index inside the 64-byte table around base; inactive lanes hold wild indices. */
function gatherInputs(rng: Rng, c: Case, scale: number): bigint[] {
  const [ret, , idxT] = c.params.map((p) => p.split(/[#/]/)[0]!);
  const R = TYPES[ret!]!, X = TYPES[idxT!]!;
  const es = R.laneBits / 8;
  const n = Math.min(R.lanes, X.lanes);
  const idx: bigint[] = [], mask: bigint[] = [];
  const sign = 1n << BigInt(R.laneBits - 1);
  for (let i = 0; i < X.lanes; i++) {
    const on = i < n && rng.int(3) !== 0;
    const lo = Math.ceil(-32 / scale), hi = Math.floor((32 - es) / scale);
    const v = on ? BigInt(lo + rng.int(hi - lo + 1)) : rng.pick([0x40000000n, -0x40000000n, 0x7fffffffn, 12345678n]);
    idx.push(BigInt.asUintN(X.laneBits, v));
  }
  for (let i = 0; i < R.lanes; i++) {
    const on = i < n && BigInt.asIntN(X.laneBits, idx[i]!) >= -32n && BigInt.asIntN(X.laneBits, idx[i]!) < 32n;
    const low = rng.next64() & (sign - 1n);
    mask.push(on ? sign | low : low);
  }
  return [genArg(rng, ret!, '', []), packLanes(idx, X.laneBits), packLanes(mask, R.laneBits),
    rng.next64() | rng.next64() << 64n | rng.next64() << 128n | rng.next64() << 192n,
    rng.next64() | rng.next64() << 64n | rng.next64() << 128n | rng.next64() << 192n];
}

export function hexLE(v: bigint, bytes: number): string {
  let s = '';
  for (let i = 0; i < bytes; i++) s += ((v >> BigInt(8 * i)) & 0xffn).toString(16).padStart(2, '0');
  return s;
}

/** The C harness calling p_k(out, in) for every wrapper and input; prints each result as hex. */
export function harness(wrappers: Wrapper[]): string {
  const data: string[] = [];
  const rows: string[] = [];
  let off = 0;
  wrappers.forEach((w, k) => {
    for (const vals of w.inputs) {
      rows.push(`{p_${k}, ${off}, ${w.argTypes.length}, ${sizeOf(w.ret)}}`);
      w.argTypes.forEach((t, j) => {
        const h = hexLE(vals[j]!, sizeOf(t));
        for (let b = 0; b < 32; b++) data.push(b < h.length / 2 ? `0x${h.slice(2 * b, 2 * b + 2)}` : '0');
      });
      off += 32 * w.argTypes.length;
    }
  });
  return `#include <stdio.h>
#include <string.h>
typedef void (*fn_t)(void *, void *);
${wrappers.map((_, k) => `void p_${k}(void *, void *);`).join('\n')}
static const unsigned char D[] = {${data.join(',') || '0'}};
static const struct { fn_t f; unsigned off, n, size; } R[] = {${rows.join(',\n')}};
int main(void) {
  static unsigned char in[256] __attribute__((aligned(32))), out[64] __attribute__((aligned(32)));
  for (unsigned r = 0; r < sizeof R / sizeof R[0]; r++) {
    memset(in, 0, sizeof in);
    memcpy(in, D + R[r].off, 32 * R[r].n);
    memset(out, 0, sizeof out);
    R[r].f(out, in);
    for (unsigned i = 0; i < R[r].size; i++) printf("%02x", out[i]);
    printf("\\n");
  }
  return 0;
}
`;
}
