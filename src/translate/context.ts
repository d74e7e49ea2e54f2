// The state of translating one LLVM function into CLIF, shared by the
// per-group translators (memory.ts, arith.ts, calls.ts ...): the decoded body,
// the CLIF function being built, where each LLVM value's CLIF values are, and
// helpers to emit instructions and materialize constants. One instance is
// reused for every function of a module.

import { ConstKind, GlobalKind, TypeKind, OP_NAMES, type ConstTable, type FunctionBody, type GlobalValue, type Module } from '../bitcode/module.js';
import { Function, GlobalValueKind, ValueKind, type Signature, type Value, type Block } from '../ir/function.js';
import { Op, opcodeCtrl, type Opcode } from '../ir/opcodes.js';
import { MemFlag } from '../ir/immediates.js';
import { INVALID, I8, I64, I128, F16, F32, F64, F128, isVector, laneOf, laneCount, typeBits, type Type } from '../ir/types.js';
import { CgtsError } from '../support/diag.js';
import { demangle } from '../support/demangle.js';
import { Layout, isFullWidth } from './layout.js';
import { Linkage as LlvmLinkage } from '../bitcode/reader.js';

const EMPTY: number[] = [];

export class Tx {
  m: Module;
  L: Layout;
  body!: FunctionBody;
  f!: Function;
  g!: GlobalValue;
  /** Index of the LLVM instruction being translated (for errors and srclocs). */
  inst = -1;
  /** The CLIF block instructions are appended to. */
  cur: Block = -1;
  /** The last CLIF block laid out for the LLVM block being translated: blocks the translation adds go after it. */
  layoutTail: Block = -1;
  /** Debug location of the instruction being translated, as a CLIF srcloc (-1 = none). */
  srcloc = -1;
  numGlobals = 0;
  argBase = 0;
  instBase = 0;
  /** CLIF values of LLVM values: leaves of value id v at flat[valStart[v - argBase]]. */
  valStart = new Int32Array(256);
  flat = new Int32Array(1024);
  flatLen = 0;
  /** LLVM block index -> CLIF block (-1 when unreachable). */
  blockOf = new Int32Array(64);
  /** Per function caches: global id -> global value index / func ref index. */
  gvOf = new Map<number, number>();
  fnRefOf = new Map<number, number>();
  /**
   * Signatures are interned per module (structurally equal ones are one
   * object, shared by the functions' `sigs` tables): key -> module signature
   * id, and the lowered signature of a callee's (LLVM function type,
   * attribute list) -> module signature id.
   */
  private sigIdOf = new Map<string, number>();
  private modSigs: Signature[] = [];
  loweredSigOf = new Map<number, number>();
  /** Per function: module signature id -> index in `f.sigs`, or -1; the ids set, for the reset. */
  private sigLocal = new Int32Array(64).fill(-1);
  private sigTouched: number[] = [];
  /** LLVM landing-pad block -> its CLIF block's exception-pointer parameter (the selector follows it). */
  lpadParam = new Map<number, number>();
  /** (LLVM instruction index, CLIF stack slot) per alloca, for debug info: where each variable lives. */
  allocaSlots: number[] = [];
  /** (LLVM argument value id, CLIF stack slot holding it) per pointer argument a #dbg_declare names. */
  argSlots: number[] = [];
  /** Per #dbg_value record (in body.dbgRecords order), the CLIF value it names, or -1 (see debug.ts). */
  dbgValues: number[] = [];
  /** Scratch for the operands of un/bin/tern/val: valid only until the next emit. */
  args: number[] = [];
  /** Scratch for collecting leaves in a group translator (constant materialization never touches it). */
  buf: number[] = [];

  constructor(m: Module) {
    this.m = m;
    this.L = new Layout(m.types);
    this.numGlobals = m.globals.length;
  }

  // ---- errors ----

  /** An error naming the module, the function and the LLVM instruction being translated. */
  err(msg: string): CgtsError {
    const name = this.g ? this.g.name : '?';
    const dem = demangle(name);
    const fn = dem !== name ? `${dem} (${name})` : name;
    const at = this.inst >= 0 && this.body ? `, instruction ${this.inst} (${OP_NAMES[this.body.op[this.inst]!]})` : '';
    return new CgtsError(`cannot translate: ${msg}`, `${this.m.fileName}: function ${fn}${at}`);
  }

  // ---- emitting ----

  /**
   * A new block in the layout after the blocks already added for the LLVM
   * block being translated, so code keeps LLVM's block order (the back end
   * follows it where dominance allows, and debuggers step by it).
   */
  newBlock(): Block {
    const b = this.f.createBlock();
    this.f.insertBlockAfter(b, this.layoutTail);
    this.layoutTail = b;
    return b;
  }

  /** Appends an instruction to the current block; returns the instruction. */
  ins(op: Opcode, type: Type, args: ArrayLike<number>, imm0 = 0, imm1 = 0): number {
    const ctrl = opcodeCtrl[op]!;
    if (ctrl >= 0) type = this.f.valueType[args[ctrl]!]!;
    const i = this.f.appendInst(this.cur, op, type, args, imm0, imm1);
    this.f.instSrcLoc[i] = this.srcloc;
    return i;
  }
  /** Appends an instruction and returns its first result. */
  val(op: Opcode, type: Type, args: ArrayLike<number>, imm0 = 0, imm1 = 0): Value {
    return this.f.result(this.ins(op, type, args, imm0, imm1));
  }
  un(op: Opcode, type: Type, a: Value): Value {
    this.args.length = 1; this.args[0] = a;
    return this.val(op, type, this.args);
  }
  bin(op: Opcode, type: Type, a: Value, b: Value): Value {
    this.args.length = 2; this.args[0] = a; this.args[1] = b;
    return this.val(op, type, this.args);
  }
  tern(op: Opcode, type: Type, a: Value, b: Value, c: Value): Value {
    this.args.length = 3; this.args[0] = a; this.args[1] = b; this.args[2] = c;
    return this.val(op, type, this.args);
  }
  typeOf(v: Value): Type {
    return this.f.valueType[v]!;
  }

  /** An integer constant of CLIF type `ty` (bits above the type are dropped). */
  iconst(ty: Type, v: number | bigint): Value {
    if (ty === I128) {
      const b = BigInt.asUintN(128, BigInt(v));
      const lo = this.iconst(I64, b & 0xffffffffffffffffn);
      const hi = this.iconst(I64, b >> 64n);
      return this.bin(Op.iconcat, I64, lo, hi);
    }
    let lo: number, hi: number;
    if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v < 0x100000000) {
      lo = v | 0; hi = 0;
    } else {
      const b = BigInt.asUintN(typeBits(ty), BigInt(v));
      lo = Number(b & 0xffffffffn) | 0;
      hi = Number(b >> 32n) | 0;
    }
    if (ty !== I64) {
      const bits = typeBits(ty);
      if (bits < 32) lo &= (1 << bits) - 1;
      hi = 0;
    }
    return this.val(Op.iconst, ty, EMPTY, lo, hi);
  }

  /** Zero of any CLIF type (0, +0.0, all-zero vector). */
  zero(ty: Type): Value {
    if (isVector(ty)) return this.vconst(ty, new Uint8Array(typeBits(ty) / 8));
    switch (ty) {
      case F16: return this.val(Op.f16const, F16, EMPTY, 0);
      case F32: return this.val(Op.f32const, F32, EMPTY, 0);
      case F64: return this.val(Op.f64const, F64, EMPTY, 0, 0);
      case F128: return this.val(Op.f128const, F128, EMPTY, this.constant(new Uint8Array(16)));
    }
    return this.iconst(ty, 0);
  }

  /** A float constant from its bits. */
  fconst(ty: Type, bits: bigint): Value {
    switch (ty) {
      case F16: return this.val(Op.f16const, F16, EMPTY, Number(bits & 0xffffn));
      case F32: return this.val(Op.f32const, F32, EMPTY, Number(bits & 0xffffffffn) | 0);
      case F64: return this.val(Op.f64const, F64, EMPTY, Number(bits & 0xffffffffn) | 0, Number((bits >> 32n) & 0xffffffffn) | 0);
      case F128: {
        const bytes = new Uint8Array(16);
        for (let k = 0; k < 16; k++) bytes[k] = Number((bits >> BigInt(8 * k)) & 0xffn);
        return this.val(Op.f128const, F128, EMPTY, this.constant(bytes));
      }
    }
    throw this.err(`float constant of type ${ty}`);
  }

  /** A vector constant from its little-endian bytes. */
  vconst(ty: Type, bytes: Uint8Array): Value {
    return this.val(Op.vconst, ty, EMPTY, this.constant(bytes));
  }

  constant(bytes: Uint8Array): number {
    return this.f.constants.push(bytes) - 1;
  }

  // ---- symbols ----

  /** Whether references to global `gi` may be PC-relative (defined here, local or hidden). */
  isLocalSymbol(gi: number): boolean {
    const g = this.m.globals[gi]!;
    const defined = g.kind === GlobalKind.Function ? g.body >= 0 : g.kind === GlobalKind.Var ? g.init !== 0 : true;
    if (g.linkage === LlvmLinkage.ExternalWeak) return false;
    return defined || g.dsoLocal || g.visibility !== 0 || g.linkage === LlvmLinkage.Internal || g.linkage === LlvmLinkage.Private;
  }

  /** The address of global `gi` (a function or variable; thread-locals need threadLocalAddress). */
  globalAddress(gi: number, offset = 0): Value {
    let gv = this.gvOf.get(gi);
    const g = this.m.globals[gi]!;
    if (g.threadLocal !== 0) return this.threadLocalAddress(gi, offset);
    if (gv === undefined || offset !== 0) {
      gv = this.f.globalValues.push({
        kind: GlobalValueKind.Symbol, base: -1, offset: BigInt(offset), type: I64, flags: 0,
        name: g.name, colocated: this.isLocalSymbol(gi), tls: false,
      }) - 1;
      if (offset === 0) this.gvOf.set(gi, gv);
    }
    return this.val(Op.symbol_value, I64, EMPTY, gv);
  }

  threadLocalAddress(gi: number, offset = 0): Value {
    const g = this.m.globals[gi]!;
    const gv = this.f.globalValues.push({
      kind: GlobalValueKind.Symbol, base: -1, offset: 0n, type: I64, flags: 0,
      name: g.name, colocated: this.isLocalSymbol(gi), tls: true,
    }) - 1;
    const a = this.val(Op.tls_value, I64, EMPTY, gv);
    return offset === 0 ? a : this.bin(Op.iadd, I64, a, this.iconst(I64, offset));
  }

  /** A function reference for a direct call to global `gi` with signature `sig`. */
  funcRef(gi: number, sig: number): number {
    const key = gi * 65536 + sig;
    let r = this.fnRefOf.get(key);
    if (r === undefined) {
      r = this.f.funcRefs.push({ name: this.m.globals[gi]!.name, sig, colocated: this.isLocalSymbol(gi), patchable: false }) - 1;
      this.fnRefOf.set(key, r);
    }
    return r;
  }

  /** A function reference to an external helper (libm, compiler-builtins, libc) by name. */
  libFuncRef(name: string, sig: Signature): number {
    const s = this.sigRef(sig);
    const r = this.f.funcRefs.findIndex((fr) => fr.name === name && fr.sig === s);
    if (r >= 0) return r;
    return this.f.funcRefs.push({ name, sig: s, colocated: false, patchable: false }) - 1;
  }

  /** Calls a helper by name; returns the call's results. */
  libcall(name: string, params: Type[], returns: Type[], args: Value[]): number {
    const sig: Signature = { params: params.map((type) => ({ type, flags: 0 })), returns: returns.map((type) => ({ type, flags: 0 })), callConv: 2, variadic: false };
    return this.ins(Op.call, INVALID, args, this.libFuncRef(name, sig));
  }

  /** Index of an equal signature in the function's table, adding it when new. */
  sigRef(sig: Signature): number {
    return this.sigRefId(this.sigId(sig));
  }

  /** The module signature id of `sig` (interned: an equal signature's id when there is one). */
  sigId(sig: Signature): number {
    let key = `${sig.callConv}|`;
    for (const p of sig.params) key += `${p.type}.${p.flags},`;
    key += '|';
    for (const p of sig.returns) key += `${p.type}.${p.flags},`;
    if (sig.variadic) key += '|v';
    let id = this.sigIdOf.get(key);
    if (id === undefined) {
      id = this.modSigs.push(sig) - 1;
      this.sigIdOf.set(key, id);
    }
    return id;
  }

  /** Module signature `id` (shared: never modified). */
  moduleSig(id: number): Signature {
    return this.modSigs[id]!;
  }

  /** Index of module signature `id` in the function's table, adding it when new. */
  sigRefId(id: number): number {
    if (id >= this.sigLocal.length) {
      const next = new Int32Array(Math.max(id + 1, this.sigLocal.length * 2)).fill(-1);
      next.set(this.sigLocal);
      this.sigLocal = next;
    }
    let s = this.sigLocal[id]!;
    if (s < 0) {
      s = this.f.sigs.push(this.modSigs[id]!) - 1;
      this.sigLocal[id] = s;
      this.sigTouched.push(id);
    }
    return s;
  }

  /** Forgets the function's signature table (before the next function). */
  resetSigs(): void {
    const t = this.sigTouched;
    for (let k = 0; k < t.length; k++) this.sigLocal[t[k]!] = -1;
    t.length = 0;
  }

  // ---- LLVM values ----

  /** LLVM type id of value id v. */
  llvmType(v: number): number {
    const b = this.body;
    if (v < this.numGlobals) return this.m.cachedTypes.ptr0;
    if (v < this.argBase) return this.m.consts.type.data[v - this.numGlobals]!;
    if (v < this.instBase) {
      if (v < this.argBase + b.numArgs) return this.m.types.elem(this.g.valueType, v - this.argBase);
      return b.consts.type.data[v - b.consts.base]!;
    }
    return b.ty[b.valueInst.data[v - this.instBase]!]!;
  }

  /** Records the CLIF values of an LLVM instruction result or argument (leaves in order). */
  define(v: number, leaves: ArrayLike<Value>, n = leaves.length): void {
    const k = v - this.argBase;
    if (this.flatLen + n > this.flat.length) {
      const f = new Int32Array(Math.max(this.flat.length * 2, this.flatLen + n));
      f.set(this.flat);
      this.flat = f;
    }
    this.valStart[k] = this.flatLen;
    for (let j = 0; j < n; j++) this.flat[this.flatLen++] = leaves[j]!;
  }
  define1(v: number, x: Value): void {
    const k = v - this.argBase;
    if (this.flatLen + 1 > this.flat.length) {
      const f = new Int32Array(this.flat.length * 2);
      f.set(this.flat);
      this.flat = f;
    }
    this.valStart[k] = this.flatLen;
    this.flat[this.flatLen++] = x;
  }

  /** The k-th CLIF leaf of LLVM value v, materializing constants in the current block. */
  leaf(v: number, k: number): Value {
    if (v >= this.instBase || (v >= this.argBase && v < this.argBase + this.body.numArgs)) {
      const s = this.valStart[v - this.argBase]!;
      if (s < 0) throw this.err(`value %${v} is used before it is defined`);
      return this.flat[s + k]!;
    }
    if (v < this.numGlobals) return this.globalAddress(v);
    if (v < this.argBase) return this.constLeaf(this.m.consts, v - this.numGlobals, k);
    return this.constLeaf(this.body.consts, v - this.body.consts.base, k);
  }

  /** The single CLIF value of scalar LLVM value v. */
  value(v: number): Value {
    return this.leaf(v, 0);
  }

  /** Leaf k of constant `ci` of table `tab`. */
  constLeaf(tab: ConstTable, ci: number, k: number): Value {
    const ty = tab.type.data[ci]!;
    const L = this.L;
    const kind = tab.kind.data[ci]!;
    switch (kind) {
      case ConstKind.Null: case ConstKind.Undef: case ConstKind.Poison: {
        const lt = L.leafType[L.leafBase(ty) + k]!;
        if (lt === INVALID) throw this.err(`constant of unsupported type ${this.typeName(ty)}`);
        return this.zero(lt);
      }
      case ConstKind.Int: {
        const v = tab.b.data[ci] ? tab.bigs[tab.a.data[ci]!]! : tab.nums[tab.a.data[ci]!]!;
        const bits = L.intBits(ty);
        if (typeof v === 'number' && v >= 0 && (bits >= 32 || v < 2 ** bits)) return this.iconst(L.clif(ty), v);
        return this.iconst(L.clif(ty), BigInt.asUintN(bits, BigInt(v)));
      }
      case ConstKind.Float:
        return this.fconst(L.clif(ty), tab.bigs[tab.a.data[ci]!]!);
      case ConstKind.Aggregate: {
        if (L.isVector(ty)) return this.vectorConst(tab, ci, ty, k);
        // find the member holding leaf k
        const n = tab.n.data[ci]!;
        let base = 0;
        for (let i = 0; i < n; i++) {
          const mv = tab.op(ci, i);
          const c = L.leaves(this.llvmType(mv));
          if (k < base + c) return this.leaf(mv, k - base);
          base += c;
        }
        throw this.err('aggregate constant has fewer leaves than its type');
      }
      case ConstKind.Data: case ConstKind.String: case ConstKind.CString: {
        if (L.isVector(ty)) return this.vectorConst(tab, ci, ty, k);
        const e = this.m.types.a[ty]!;
        return this.scalarFromBits(L.clif(e), dataElement(tab, ci, k));
      }
      case ConstKind.Cast: {
        const opc = tab.a.data[ci]!;
        const src = tab.op(ci, 0);
        const x = this.leaf(src, 0);
        const to = L.clif(ty);
        const from = this.typeOf(x);
        if (to === from) return x;
        // inttoptr / ptrtoint / trunc / zext of a constant
        if (opc === 9 /* ptrtoint */ || opc === 10 /* inttoptr */ || opc === 0 || opc === 1) {
          if (typeBits(to) < typeBits(from)) return this.un(Op.ireduce, to, x);
          return this.un(Op.uextend, to, x);
        }
        if (opc === 2) return this.un(Op.sextend, to, x);
        if (opc === 11 && typeBits(to) === typeBits(from)) return this.bitcast(to, x);
        throw this.err(`constant cast ${opc} from ${from} to ${to}`);
      }
      case ConstKind.Gep: {
        const base = tab.op(ci, 0);
        const off = this.constGepOffset(tab, ci);
        if (base < this.numGlobals) {
          if (this.m.globals[base]!.threadLocal !== 0) return this.threadLocalAddress(base, off);
          return this.globalAddress(base, off);
        }
        const b = this.leaf(base, 0);
        return off === 0 ? b : this.bin(Op.iadd, I64, b, this.iconst(I64, off));
      }
      case ConstKind.Binop: {
        const a = this.leaf(tab.op(ci, 0), 0), b = this.leaf(tab.op(ci, 1), 0);
        const op = [Op.iadd, Op.isub, Op.imul, -1, -1, -1, -1, Op.ishl, Op.ushr, Op.sshr, Op.band, Op.bor, Op.bxor][tab.a.data[ci]!];
        if (op === undefined || op < 0) throw this.err(`constant expression binop ${tab.a.data[ci]}`);
        return this.bin(op, L.clif(ty), a, b);
      }
    }
    throw this.err(`constant of kind ${kind} (${this.typeName(ty)})`);
  }

  /** Byte offset of a constant GEP expression (all indices constant). */
  constGepOffset(tab: ConstTable, ci: number): number {
    const n = tab.n.data[ci]!;
    let ty = tab.a.data[ci]!;
    let off = 0;
    for (let i = 1; i < n; i++) {
      const idx = this.constInt(tab.op(ci, i));
      if (i === 1) off += idx * this.L.allocSize(ty);
      else if (this.m.types.kind[ty] === TypeKind.Struct) {
        off += this.L.fieldOffset(ty, idx);
        ty = this.m.types.elem(ty, idx);
        continue;
      } else {
        ty = this.m.types.a[ty]!;
        off += idx * this.L.allocSize(ty);
        continue;
      }
    }
    return off;
  }

  /** The value of a constant integer operand, or an error. */
  constInt(v: number): number {
    const r = this.constIntOrNull(v);
    if (r === null) throw this.err(`operand %${v} must be a constant integer`);
    return r;
  }
  constIntOrNull(v: number): number | null {
    if (!this.isConstant(v)) return null;
    const [tab, ci] = this.constRef(v);
    const kind = tab.kind.data[ci]!;
    if (kind === ConstKind.Null || kind === ConstKind.Undef || kind === ConstKind.Poison) return 0;
    if (kind !== ConstKind.Int) return null;
    const x = tab.b.data[ci] ? Number(tab.bigs[tab.a.data[ci]!]!) : tab.nums[tab.a.data[ci]!]!;
    return x;
  }
  /** The constant integer as an unsigned bigint of its width, or null when v is not a constant integer. */
  constBig(v: number): bigint | null {
    if (!this.isConstant(v)) return null;
    const [tab, ci] = this.constRef(v);
    const kind = tab.kind.data[ci]!;
    const ty = tab.type.data[ci]!;
    if (kind === ConstKind.Null || kind === ConstKind.Undef || kind === ConstKind.Poison) return 0n;
    if (kind !== ConstKind.Int) return null;
    const x = tab.b.data[ci] ? tab.bigs[tab.a.data[ci]!]! : BigInt(tab.nums[tab.a.data[ci]!]!);
    return BigInt.asUintN(this.L.intBits(ty), x);
  }
  /** Whether value id v is a constant (not an instruction, argument or global). */
  isConstant(v: number): boolean {
    return (v >= this.numGlobals && v < this.argBase) || (v >= this.argBase + this.body.numArgs && v < this.instBase);
  }
  /** The table and index of constant value v. */
  constRef(v: number): [ConstTable, number] {
    if (v >= this.numGlobals && v < this.argBase) return [this.m.consts, v - this.numGlobals];
    return [this.body.consts, v - this.body.consts.base];
  }

  /** Part `part` of a vector constant (an aggregate or data constant). */
  private vectorConst(tab: ConstTable, ci: number, ty: number, part: number): Value {
    const L = this.L;
    const pt = L.vectorPart(ty);
    if (pt === INVALID) throw this.err(`vector type ${this.typeName(ty)}`);
    const e = this.m.types.a[ty]!;
    const per = laneCount(pt);
    const laneBytes = typeBits(laneOf(pt)) / 8;
    const isMask = L.isInt(e) && L.intBits(e) === 1;
    const bytes = new Uint8Array(16);
    const kind = tab.kind.data[ci]!;
    for (let j = 0; j < per; j++) {
      const lane = part * per + j;
      let bits: bigint;
      if (kind === ConstKind.Aggregate) {
        const b = this.constBits(tab.op(ci, lane));
        if (b === null) return this.vectorFromLanes(tab, ci, pt, part);
        bits = b;
      } else bits = dataElement(tab, ci, lane);
      if (isMask) bits = bits & 1n ? -1n : 0n;
      const u = BigInt.asUintN(laneBytes * 8, bits);
      for (let q = 0; q < laneBytes; q++) bytes[j * laneBytes + q] = Number((u >> BigInt(8 * q)) & 0xffn);
    }
    return this.vconst(pt, bytes.subarray(0, per * laneBytes));
  }

  /** A vector part whose lanes are not all constants (global addresses ...): built lane by lane. */
  private vectorFromLanes(tab: ConstTable, ci: number, pt: Type, part: number): Value {
    const per = laneCount(pt);
    let v = this.zero(pt);
    for (let j = 0; j < per; j++) {
      const x = this.leaf(tab.op(ci, part * per + j), 0);
      this.args.length = 2; this.args[0] = v; this.args[1] = x;
      v = this.val(Op.insertlane, pt, this.args, j);
    }
    return v;
  }

  /** Bits of a scalar constant (int or float), or null for anything else. */
  constBits(v: number): bigint | null {
    if (!this.isConstant(v)) return null;
    const [tab, ci] = this.constRef(v);
    const kind = tab.kind.data[ci]!;
    if (kind === ConstKind.Null || kind === ConstKind.Undef || kind === ConstKind.Poison) return 0n;
    if (kind === ConstKind.Float) return tab.bigs[tab.a.data[ci]!]!;
    if (kind === ConstKind.Int) return tab.b.data[ci] ? tab.bigs[tab.a.data[ci]!]! : BigInt(tab.nums[tab.a.data[ci]!]!);
    return null;
  }

  scalarFromBits(ty: Type, bits: bigint): Value {
    if (ty === F16 || ty === F32 || ty === F64 || ty === F128) return this.fconst(ty, bits);
    return this.iconst(ty, bits);
  }

  /** bitcast between CLIF types of equal width (identity when equal). */
  bitcast(to: Type, x: Value): Value {
    if (this.typeOf(x) === to) return x;
    if (isVector(to) || isVector(this.typeOf(x))) return this.val(Op.bitcast, to, [x], MemFlag.Little);
    return this.un(Op.bitcast, to, x);
  }

  // ---- integer width helpers ----

  /** Clears the bits above `bits` in a container value (the canonical form of odd-width integers). */
  mask(x: Value, bits: number): Value {
    const ty = this.typeOf(x);
    if (isFullWidth(bits) || isVector(ty) || this.isBool(x)) return x;
    return this.bin(Op.band, ty, x, this.iconst(ty, (1n << BigInt(bits)) - 1n));
  }

  /** x reduced to the narrower type `to`; an extension of a `to` value gives that value back. */
  reduce(x: Value, to: Type): Value {
    const f = this.f;
    if (f.valueKind[x] === ValueKind.Result) {
      const d = f.valueDef[x]!;
      const op = f.instOp[d];
      if ((op === Op.uextend || op === Op.sextend) && f.valueType[f.arg(d, 0)] === to) return f.arg(d, 0);
    }
    return this.un(Op.ireduce, to, x);
  }

  /** Whether scalar `x` is known to be 0 or 1: the result of a scalar icmp or fcmp. */
  isBool(x: Value): boolean {
    const f = this.f;
    if (f.valueKind[x] !== ValueKind.Result) return false;
    const op = f.instOp[f.valueDef[x]!];
    return (op === Op.icmp || op === Op.fcmp) && !isVector(f.valueType[x]!);
  }

  /** Sign-extends an odd-width integer within its container. */
  signExtendInPlace(x: Value, bits: number): Value {
    const ty = this.typeOf(x);
    if (isFullWidth(bits)) return x;
    const sh = this.iconst(I8, typeBits(ty) - bits);
    return this.bin(Op.sshr, ty, this.bin(Op.ishl, ty, x, sh), sh);
  }

  /** Converts an integer value to type `to`, zero- or sign-extending or reducing. */
  resize(x: Value, to: Type, signed: boolean): Value {
    const from = this.typeOf(x);
    if (from === to) return x;
    if (typeBits(from) > typeBits(to)) return this.reduce(x, to);
    return this.un(signed ? Op.sextend : Op.uextend, to, x);
  }

  typeName(ty: number): string {
    const t = this.m.types;
    switch (t.kind[ty]) {
      case TypeKind.Integer: return `i${t.a[ty]}`;
      case TypeKind.Pointer: return 'ptr';
      case TypeKind.Float: return 'float';
      case TypeKind.Double: return 'double';
      case TypeKind.Half: return 'half';
      case TypeKind.Fp128: return 'fp128';
      case TypeKind.X86Fp80: return 'x86_fp80';
      case TypeKind.Void: return 'void';
      case TypeKind.Vector: return `<${t.count[ty]} x ${this.typeName(t.a[ty]!)}>`;
      case TypeKind.Array: return `[${t.count[ty]} x ${this.typeName(t.a[ty]!)}]`;
      case TypeKind.Struct: {
        const parts: string[] = [];
        for (let i = 0; i < t.n[ty]!; i++) parts.push(this.typeName(t.elem(ty, i)));
        return (t.flags[ty]! & 1) !== 0 ? `<{ ${parts.join(', ')} }>` : `{ ${parts.join(', ')} }`;
      }
    }
    return `type ${ty}`;
  }
}

/** Element i of a Data/String/CString constant as raw bits. */
export function dataElement(tab: ConstTable, ci: number, i: number): bigint {
  const kind = tab.kind.data[ci]!;
  if (kind === ConstKind.String || kind === ConstKind.CString) {
    const s = tab.strings[tab.a.data[ci]!]!;
    return i < s.length ? BigInt(s.charCodeAt(i) & 0xff) : 0n;
  }
  const raw = tab.op(ci, i);
  return tab.b.data[ci] ? tab.bigs[raw]! : BigInt(raw);
}

