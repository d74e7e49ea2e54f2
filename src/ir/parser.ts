// CLIF text -> ClifFile: header lines (`test`, `set`, `target`, `feature`),
// functions built into `Function`s with dense ids, and the `; run:`/`; print:`
// directives of each function. Errors are CgtsErrors located `file:line:col`.

import { Lexer, Tok, Comment, WordTable } from './lexer.js';
import {
  Type, INVALID, I8, I32, I64, I128, F16, F32, F64, F128, typeName, typeBits, typeBytes, laneOf, laneCount,
  isVector, isFloat, isInt, vectorOf,
} from './types.js';
import {
  intCCNames, floatCCNames, parseTrapCode, atomicRmwOpNames, memFlagNames, MemFlag, callConvNames, CallConv, ParamFlag,
} from './immediates.js';
import {
  Format, Opcode, opcodeFormat, opcodeCtrl, opcodeNames, CTRL_EXPLICIT, CTRL_NONE, Op, opcodeImpliedType, opcodeProps, Prop,
} from './opcodes.js';
import { Function, AbiParam, Signature, GlobalValueKind, GlobalValueData, Block, Value, ExnItem, retArg, exnArg } from './function.js';
import { DataValue, fromLanes } from './datavalue.js';
import { ClifFile, ParsedFunction, RunCommand, TestCommand, TargetSpec } from './clif-file.js';
import { parseFloatBits, FloatWidth } from './float-text.js';
import { assert } from '../support/diag.js';

/** Parses a whole `.clif` file. */
export function parseClifFile(text: string, fileName: string): ClifFile {
  return new Parser(text, fileName).parseFile();
}

/** Parses a text holding one function (header lines, if any, are allowed). */
export function parseFunction(text: string, fileName = '<input>'): Function {
  const file = parseClifFile(text, fileName);
  if (file.functions.length !== 1) {
    throw new Parser(text, fileName).lx.error(`expected exactly one function, found ${file.functions.length}`, 1, 1);
  }
  return file.functions[0].func;
}

/** Parses one run-line value (`42`, `-0x1.8p1`, `[1 2 3 4]`, `0x...`) of `type`. */
export function parseDataValue(text: string, type: Type, fileName = '<value>'): DataValue {
  const p = new Parser(text, fileName);
  p.lx.next();
  const v = p.parseDataValue(type);
  if (p.lx.tok() !== Tok.Eof) p.lx.error(`unexpected text after the value: '${p.lx.text()}'`);
  return v;
}

/** `-123`, `0xff_ff`, `+8` as a bigint, or null if the text is not an integer. */
export function parseIntText(text: string): bigint | null {
  let i = 0;
  let neg = false;
  const c0 = text.charCodeAt(0);
  if (c0 === 45 || c0 === 43) {
    neg = c0 === 45;
    i = 1;
  }
  let v = 0n;
  let digits = 0;
  if (text.charCodeAt(i) === 48 && text.charCodeAt(i + 1) === 120) {
    i += 2;
    let acc = 0;
    let accDigits = 0;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let d: number;
      if (c >= 48 && c <= 57) d = c - 48;
      else if (c >= 97 && c <= 102) d = c - 87;
      else if (c >= 65 && c <= 70) d = c - 55;
      else if (c === 95) continue;
      else return null;
      acc = acc * 16 + d;
      digits++;
      if (++accDigits === 12) {
        v = (v << 48n) | BigInt(acc);
        acc = 0;
        accDigits = 0;
      }
    }
    if (accDigits > 0) v = (v << BigInt(4 * accDigits)) | BigInt(acc);
  } else {
    // Small decimals (the common case) stay in doubles.
    let acc = 0;
    let accDigits = 0;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 95) continue;
      if (c < 48 || c > 57) return null;
      acc = acc * 10 + (c - 48);
      digits++;
      if (++accDigits === 15) {
        v = v * 1000000000000000n + BigInt(acc);
        acc = 0;
        accDigits = 0;
      }
    }
    if (accDigits > 0) v = v === 0n ? BigInt(acc) : v * 10n ** BigInt(accDigits) + BigInt(acc);
  }
  if (digits === 0) return null;
  return neg ? -v : v;
}

/**
 * The integer written in s[start, end) when it is small (at most 15 decimal or
 * 12 hex digits, optional sign and `_`), else NaN; avoids BigInt on the common path.
 */
function smallIntAt(s: string, start: number, end: number): number {
  let i = start;
  let neg = false;
  const c0 = s.charCodeAt(i);
  if (c0 === 45 || c0 === 43) {
    neg = c0 === 45;
    i++;
  }
  let v = 0;
  let digits = 0;
  if (s.charCodeAt(i) === 48 && s.charCodeAt(i + 1) === 120) {
    for (i += 2; i < end; i++) {
      const c = s.charCodeAt(i);
      if (c >= 48 && c <= 57) v = v * 16 + (c - 48);
      else if (c >= 97 && c <= 102) v = v * 16 + (c - 87);
      else if (c >= 65 && c <= 70) v = v * 16 + (c - 55);
      else if (c === 95) continue;
      else return NaN;
      if (++digits > 12) return NaN;
    }
  } else {
    for (; i < end; i++) {
      const c = s.charCodeAt(i);
      if (c >= 48 && c <= 57) v = v * 10 + (c - 48);
      else if (c === 95) continue;
      else return NaN;
      if (++digits > 15) return NaN;
    }
  }
  if (digits === 0) return NaN;
  return neg ? -v : v;
}

const NO_VALUE = -1;
/** Written entity numbers below this use a direct-indexed table; larger ones a Map. */
const DIRECT_LIMIT = 1 << 20;

const opcodeTable = new WordTable(opcodeNames);
const intCCTable = new WordTable(intCCNames);
const floatCCTable = new WordTable(floatCCNames);
const atomicRmwTable = new WordTable(atomicRmwOpNames);
const memFlagTable = new WordTable(memFlagNames.map((m) => m[0]));
const memFlagBits = memFlagNames.map((m) => m[1]);

/** Written entity number -> dense id (-1 if absent), reused across functions. */
class NumMap {
  private direct = new Int32Array(256).fill(-1);
  /** Direct slots below this may be set. */
  private used = 0;
  private big = new Map<number, number>();

  clear(): void {
    if (this.used > 0) this.direct.fill(-1, 0, this.used);
    this.used = 0;
    if (this.big.size > 0) this.big.clear();
  }

  get(num: number): number {
    if (num < DIRECT_LIMIT) return num < this.direct.length ? this.direct[num] : -1;
    return this.big.get(num) ?? -1;
  }

  set(num: number, id: number): void {
    if (num < DIRECT_LIMIT) {
      if (num >= this.direct.length) {
        let n = this.direct.length * 2;
        while (n <= num) n *= 2;
        const m = new Int32Array(n).fill(-1);
        m.set(this.direct);
        this.direct = m;
      }
      this.direct[num] = id;
      if (num >= this.used) this.used = num + 1;
    } else {
      this.big.set(num, id);
    }
  }
}

/** A ParsedFunction whose value and block names are built from the written numbers when first asked for. */
class ParsedFunctionRecord implements ParsedFunction {
  func: Function;
  line: number;
  instLines: Int32Array;
  runs: RunCommand[] = [];
  comments: { text: string; line: number }[] = [];
  private readonly valueNums: Int32Array;
  private readonly blockNums: Int32Array;
  private valueNameList: string[] | null = null;
  private blockNameList: string[] | null = null;

  constructor(func: Function, line: number, instLines: Int32Array, valueNums: Int32Array, blockNums: Int32Array) {
    this.func = func;
    this.line = line;
    this.instLines = instLines;
    this.valueNums = valueNums;
    this.blockNums = blockNums;
  }

  get valueNames(): string[] {
    if (this.valueNameList === null) {
      const names: string[] = [];
      const nums = this.valueNums;
      for (let v = 0; v < nums.length; v++) if (nums[v] !== -1) names[v] = `v${nums[v] >>> 0}`;
      this.valueNameList = names;
    }
    return this.valueNameList;
  }

  set valueNames(names: string[]) {
    this.valueNameList = names;
  }

  get blockNames(): string[] {
    if (this.blockNameList === null) {
      const names: string[] = [];
      const nums = this.blockNums;
      for (let b = 0; b < nums.length; b++) names[b] = `block${nums[b] >>> 0}`;
      this.blockNameList = names;
    }
    return this.blockNameList;
  }

  set blockNames(names: string[]) {
    this.blockNameList = names;
  }
}

class Parser {
  readonly lx: Lexer;
  private readonly file: string;
  private defaultCallConv = CallConv.Fast;

  // Per-function state, reused.
  private f!: Function;
  /** Written value number -> dense value id (NO_VALUE if not defined). */
  private valueMap = new NumMap();
  /** Written value number -> written target number, for `vA -> vB`. */
  private aliases = new Map<number, number>();
  /** Written block number -> dense block id. */
  private blockMap = new NumMap();
  /** Per dense block: 1 once its header is read, its first reference's offset, its written number. */
  private blockDefined = new Uint8Array(16);
  private blockFirstRef = new Int32Array(16);
  private blockNums = new Int32Array(16);
  /** Written number of each dense value (-1 for none yet). */
  private valueNums = new Int32Array(256);
  /** valueNums is filled below this value id. */
  private valueNumsSet = 0;
  private instLines = new Int32Array(64);
  /** Source offset of each operand in argPool / callPool (for undefined-value errors). */
  private argPos = new Int32Array(256);
  private callPos = new Int32Array(256);
  private ssMap = new Map<number, number>();
  private gvMap = new Map<number, number>();
  private sigMap = new Map<number, number>();
  private fnMap = new Map<number, number>();
  private constMap = new Map<number, number>();
  /** Exception-table context items: [exnPool index holding the written value number, source offset] pairs. */
  private exnCtx: number[] = [];

  // Operand scratch for the instruction being parsed.
  private args = new Int32Array(64);
  private argOffsets = new Int32Array(64);
  private nargs = 0;
  private results = new Int32Array(8);
  private resultPos = new Int32Array(8);
  /** Position of the current instruction's opcode, for its errors. */
  private opLine = 0;
  private opCol = 0;

  constructor(text: string, file: string) {
    this.lx = new Lexer(text, file);
    this.file = file;
  }

  // ---- token helpers ----

  private err(message: string): never {
    this.lx.error(message);
  }

  private describeToken(): string {
    return this.lx.tok() === Tok.Eof ? 'end of file' : `'${this.lx.text()}'`;
  }

  private expect(k: Tok, what: string): void {
    if (this.lx.tok() !== k) this.err(`expected ${what}, found ${this.describeToken()}`);
    this.lx.next();
  }

  private optional(k: Tok): boolean {
    if (this.lx.tok() !== k) return false;
    this.lx.next();
    return true;
  }

  // ---- file ----

  parseFile(): ClifFile {
    const lx = this.lx;
    const out: ClifFile = { fileName: this.file, tests: [], settings: [], targets: [], functions: [] };
    const pending: [string, string][] = [];
    const fnStarts: number[] = [];
    lx.next();
    while (lx.tok() !== Tok.Eof) {
      if (lx.tok() !== Tok.Identifier) this.err(`expected 'function', 'test', 'set' or 'target', found ${this.describeToken()}`);
      const line = lx.tokLine;
      if (lx.isWord('test')) {
        const words = splitWords(lx.restOfLine());
        if (words.length === 0) this.err('expected a test name after `test`');
        const cmd: TestCommand = { name: words[0], options: words.slice(1), line };
        out.tests.push(cmd);
        if (cmd.name === 'run') this.defaultCallConv = CallConv.SystemV;
        lx.next();
      } else if (lx.isWord('set')) {
        for (const w of splitWords(lx.restOfLine())) {
          const eq = w.indexOf('=');
          pending.push(eq < 0 ? [w, 'true'] : [w.slice(0, eq), w.slice(eq + 1)]);
        }
        if (out.targets.length === 0) out.settings = pending.slice();
        lx.next();
      } else if (lx.isWord('target')) {
        const words = splitWords(lx.restOfLine());
        if (words.length === 0) this.err('expected an architecture after `target`');
        const spec: TargetSpec = { isa: words[0], flags: words.slice(1), settings: pending.slice(), line };
        out.targets.push(spec);
        lx.next();
      } else if (lx.isWord('feature')) {
        lx.next();
        this.expect(Tok.String, 'a quoted feature name');
      } else if (lx.isWord('function')) {
        fnStarts.push(lx.start);
        out.functions.push(this.parseFunction(line));
      } else {
        this.err(`expected 'function', 'test', 'set' or 'target', found ${this.describeToken()}`);
      }
    }
    this.attachComments(out.functions, fnStarts);
    return out;
  }

  /** Hands each function the comments from its `function` keyword up to the next one, and parses run lines. */
  private attachComments(fns: ParsedFunction[], starts: number[]): void {
    const comments = this.lx.comments;
    let k = 0;
    while (k < comments.length && (fns.length === 0 || comments[k].pos < starts[0])) k++;
    for (let i = 0; i < fns.length; i++) {
      const end = i + 1 < fns.length ? starts[i + 1] : Infinity;
      const pf = fns[i];
      for (; k < comments.length && comments[k].pos < end; k++) {
        const c = comments[k];
        pf.comments.push({ text: c.text, line: c.line });
        const rc = this.parseRunCommand(c, pf);
        if (rc) pf.runs.push(rc);
      }
    }
  }

  // ---- functions ----

  private parseFunction(line: number): ParsedFunction {
    const lx = this.lx;
    const f = new Function();
    this.f = f;
    this.resetFunctionState();
    // Size the columns from the text up to the closing brace: at least one line per instruction.
    const close = lx.src.indexOf('\n}', lx.pos);
    const est = ((close < 0 ? lx.src.length : close) - lx.pos) >> 4;
    if (est > 64) {
      f.reserve(est, est, est * 2, est >> 3);
      if (est > this.valueNums.length) this.valueNums = new Int32Array(est);
    }
    lx.next();
    f.name = this.parseExternalName('a function name');
    f.signature = this.parseSignature();
    this.expect(Tok.LBrace, "'{' to open the function body");
    this.parsePreamble();
    let block = -1;
    for (;;) {
      const k = lx.tok();
      if (k === Tok.RBrace) {
        lx.next();
        break;
      }
      if (k === Tok.Eof) this.err(`unterminated function ${this.printedName(f.name)}: missing '}'`);
      if (k === Tok.Block) {
        block = this.parseBlockHeader();
        continue;
      }
      if (block < 0) this.err(`expected a block header like 'block0:' before instructions, found ${this.describeToken()}`);
      this.parseInstruction(block);
    }
    if (f.firstBlock < 0) lx.error(`function ${this.printedName(f.name)} has no blocks`, line, 1);
    this.resolveOperands();
    const valueNums = this.valueNums.slice(0, f.numValues);
    for (let v = this.valueNumsSet; v < f.numValues; v++) valueNums[v] = -1;
    return new ParsedFunctionRecord(f, line, this.instLines.slice(0, f.numInsts), valueNums, this.blockNums.slice(0, f.numBlocks));
  }

  private printedName(name: string): string {
    return /^u[0-9]+:[0-9]+$/.test(name) ? name : '%' + name;
  }

  private resetFunctionState(): void {
    this.valueMap.clear();
    if (this.aliases.size > 0) this.aliases.clear();
    this.blockMap.clear();
    this.valueNumsSet = 0;
    this.ssMap.clear();
    this.gvMap.clear();
    this.sigMap.clear();
    this.fnMap.clear();
    this.constMap.clear();
    this.exnCtx.length = 0;
  }

  /** `%name` (returned without `%`) or a user name `uA:B`. */
  private parseExternalName(what: string): string {
    const lx = this.lx;
    if (lx.tok() === Tok.Name) {
      const s = lx.src.slice(lx.start + 1, lx.end);
      lx.next();
      return s;
    }
    if (lx.tok() === Tok.UserRef) {
      const ns = lx.num;
      lx.next();
      this.expect(Tok.Colon, "':' in a user name like u0:1");
      if (lx.tok() !== Tok.Integer) this.err(`expected the index of user name u${ns}:N`);
      const idx = lx.text();
      if (!/^[0-9]+$/.test(idx)) this.err(`bad user name index '${idx}'`);
      lx.next();
      return `u${ns}:${idx}`;
    }
    this.err(`expected ${what}, found ${this.describeToken()}`);
  }

  private parseSignature(): Signature {
    const lx = this.lx;
    const sig: Signature = { params: [], returns: [], callConv: this.defaultCallConv };
    this.expect(Tok.LParen, "'(' to start the parameter list");
    if (lx.tok() !== Tok.RParen) {
      sig.params.push(this.parseAbiParam());
      while (this.optional(Tok.Comma)) sig.params.push(this.parseAbiParam());
    }
    this.expect(Tok.RParen, "')' or ',' in the parameter list");
    if (this.optional(Tok.Arrow)) {
      sig.returns.push(this.parseAbiParam());
      while (this.optional(Tok.Comma)) sig.returns.push(this.parseAbiParam());
    }
    if (lx.tok() === Tok.Identifier && !lx.isWord('variadic') && !lx.isWord('nounwind')) {
      const cc = callConvNames.indexOf(lx.text());
      if (cc < 0) this.err(`unknown calling convention '${lx.text()}'`);
      sig.callConv = cc;
      lx.next();
    }
    // cgts extensions: a call through this signature calls a C variadic
    // function (`variadic`), cannot unwind (`nounwind`)
    if (lx.isWord('variadic')) {
      sig.variadic = true;
      lx.next();
    }
    if (lx.isWord('nounwind')) {
      sig.nounwind = true;
      lx.next();
    }
    return sig;
  }

  private parseAbiParam(): AbiParam {
    const lx = this.lx;
    const type = this.parseType();
    let flags = 0;
    while (lx.tok() === Tok.Identifier) {
      const w = lx.text();
      if (w === 'uext') flags |= ParamFlag.Uext;
      else if (w === 'sext') flags |= ParamFlag.Sext;
      else if (w === 'sret') flags |= ParamFlag.Sret;
      else if (w === 'vmctx') flags |= ParamFlag.Vmctx;
      else if (w === 'normal') flags |= ParamFlag.Normal;
      else if (w === 'sarg') {
        lx.next();
        this.expect(Tok.LParen, "'(' after sarg");
        const n = this.parseUnsigned(32, 'a struct argument size');
        if (n === 0) this.err('struct argument size must not be 0');
        flags |= n << ParamFlag.SargShift;
        if (lx.tok() !== Tok.RParen) this.err("expected ')' after the sarg size");
      } else break;
      lx.next();
    }
    return { type, flags };
  }

  private parseType(): Type {
    if (this.lx.tok() !== Tok.Type) this.err(`expected a type, found ${this.describeToken()}`);
    const t = this.lx.type;
    this.lx.next();
    return t;
  }

  // ---- preamble ----

  private ref(map: Map<number, number>, kind: string): number {
    const i = map.get(this.lx.num);
    if (i === undefined) this.err(`undefined ${kind}${this.lx.num}`);
    this.lx.next();
    return i;
  }

  private parsePreamble(): void {
    const lx = this.lx;
    const f = this.f;
    for (;;) {
      const k = lx.tok();
      const num = lx.num;
      const start = { line: lx.tokLine, col: lx.tokCol };
      switch (k) {
        case Tok.StackSlot: {
          lx.next();
          this.expect(Tok.Equal, "'='");
          if (!lx.isWord('explicit_slot')) this.err(`expected 'explicit_slot', found ${this.describeToken()}`);
          lx.next();
          const size = this.parseUnsigned(32, 'a stack slot size');
          const slot = { size, align: 1, key: -1 };
          while (this.optional(Tok.Comma)) {
            if (lx.isWord('align')) {
              lx.next();
              this.expect(Tok.Equal, "'=' after align");
              const a = this.parseUnsigned(32, 'an alignment');
              if (a === 0 || (a & (a - 1)) !== 0) this.err(`stack slot alignment must be a power of two, not ${a}`);
              slot.align = a;
            } else if (lx.isWord('key')) {
              lx.next();
              this.expect(Tok.Equal, "'=' after key");
              slot.key = this.parseUnsigned(32, 'a key');
            } else this.err(`expected 'align' or 'key', found ${this.describeToken()}`);
          }
          this.defineAt(this.ssMap, 'ss', num, f.stackSlots.length, start);
          f.stackSlots.push(slot);
          break;
        }
        case Tok.GlobalValue: {
          lx.next();
          this.expect(Tok.Equal, "'='");
          const gv = this.parseGlobalValueDecl();
          this.defineAt(this.gvMap, 'gv', num, f.globalValues.length, start);
          f.globalValues.push(gv);
          break;
        }
        case Tok.SigRef: {
          lx.next();
          this.expect(Tok.Equal, "'='");
          const sig = this.parseSignature();
          this.defineAt(this.sigMap, 'sig', num, f.sigs.length, start);
          f.sigs.push(sig);
          break;
        }
        case Tok.FuncRef: {
          lx.next();
          this.expect(Tok.Equal, "'='");
          let colocated = false;
          let patchable = false;
          for (;;) {
            if (lx.isWord('colocated')) colocated = true;
            else if (lx.isWord('patchable')) patchable = true;
            else break;
            lx.next();
          }
          const name = this.parseExternalName('a function name');
          let sig: number;
          if (lx.tok() === Tok.SigRef) sig = this.ref(this.sigMap, 'sig');
          else {
            // Cranelift names an inline signature by its index, so `sigN` can refer to it.
            sig = f.sigs.length;
            f.sigs.push(this.parseSignature());
            if (!this.sigMap.has(sig)) this.sigMap.set(sig, sig);
          }
          this.defineAt(this.fnMap, 'fn', num, f.funcRefs.length, start);
          f.funcRefs.push({ name, sig, colocated, patchable });
          break;
        }
        case Tok.Constant: {
          lx.next();
          this.expect(Tok.Equal, "'='");
          let bytes: Uint8Array;
          if (lx.tok() === Tok.Type) {
            const t = this.parseType();
            bytes = this.parseConstBytes(t);
          } else {
            if (lx.tok() !== Tok.Integer) this.err(`expected a hex constant like 0x0102, found ${this.describeToken()}`);
            bytes = this.hexBytes(0);
            lx.next();
          }
          this.defineAt(this.constMap, 'const', num, f.constants.length, start);
          f.constants.push(bytes);
          break;
        }
        case Tok.DynStackSlot: case Tok.DynType: case Tok.MemoryType: case Tok.Region:
          this.err(`'${lx.text()}' declarations are not supported`);
        default:
          if (lx.isWord('stack_limit')) this.err('stack_limit is not supported');
          if (lx.isWord('personality')) {
            // cgts extension: `personality = %name`, the routine the LSDA is read by
            if (f.personality !== '') this.err('duplicate personality declaration');
            lx.next();
            this.expect(Tok.Equal, "'=' after personality");
            f.personality = this.parseExternalName('the personality routine, like %rust_eh_personality');
            break;
          }
          return;
      }
    }
  }

  private defineAt(map: Map<number, number>, kind: string, num: number, index: number, at: { line: number; col: number }): void {
    if (map.has(num)) this.lx.error(`duplicate definition of ${kind}${num}`, at.line, at.col);
    map.set(num, index);
  }

  private parseGlobalValueDecl(): GlobalValueData {
    const lx = this.lx;
    const gv: GlobalValueData = {
      kind: GlobalValueKind.VMContext, base: -1, offset: 0n, type: INVALID, flags: 0, name: '', colocated: false, tls: false,
    };
    if (lx.tok() !== Tok.Identifier) this.err(`expected a global value kind, found ${this.describeToken()}`);
    const w = lx.text();
    lx.next();
    switch (w) {
      case 'vmctx':
        break;
      case 'load':
        gv.kind = GlobalValueKind.Load;
        this.expect(Tok.Dot, "'.' and a type after load");
        gv.type = this.parseType();
        gv.flags = this.parseMemFlags();
        if (lx.tok() !== Tok.GlobalValue) this.err(`expected a base global value, found ${this.describeToken()}`);
        gv.base = this.ref(this.gvMap, 'gv');
        gv.offset = BigInt(this.parseOffset());
        break;
      case 'iadd_imm': {
        gv.kind = GlobalValueKind.IAddImm;
        this.expect(Tok.Dot, "'.' and a type after iadd_imm");
        gv.type = this.parseType();
        if (lx.tok() !== Tok.GlobalValue) this.err(`expected a base global value, found ${this.describeToken()}`);
        gv.base = this.ref(this.gvMap, 'gv');
        this.expect(Tok.Comma, "','");
        gv.offset = this.parseTypedInt(I64, 'an immediate');
        gv.offset = BigInt.asIntN(64, gv.offset);
        break;
      }
      case 'symbol':
        gv.kind = GlobalValueKind.Symbol;
        for (;;) {
          if (lx.isWord('colocated')) gv.colocated = true;
          else if (lx.isWord('tls')) gv.tls = true;
          else break;
          lx.next();
        }
        gv.name = this.parseExternalName('a symbol name');
        if (lx.tok() === Tok.Integer && (lx.src.charCodeAt(lx.start) === 43 || lx.src.charCodeAt(lx.start) === 45)) {
          const v = parseIntText(lx.text());
          if (v === null || v < -(1n << 63n) || v >= 1n << 63n) this.err(`bad symbol offset '${lx.text()}'`);
          gv.offset = v;
          lx.next();
        }
        break;
      case 'dyn_scale_target_const':
        gv.kind = GlobalValueKind.DynScaleTargetConst;
        this.expect(Tok.Dot, "'.' and a type");
        gv.type = this.parseType();
        break;
      default:
        this.err(`unknown global value kind '${w}'`);
    }
    return gv;
  }

  // ---- blocks ----

  private blockRef(num: number, pos: number): Block {
    let b = this.blockMap.get(num);
    if (b < 0) {
      b = this.f.createBlock();
      this.blockMap.set(num, b);
      if (b >= this.blockDefined.length) {
        const n = this.blockDefined.length * 2;
        const d = new Uint8Array(n);
        d.set(this.blockDefined);
        this.blockDefined = d;
        const r = new Int32Array(n);
        r.set(this.blockFirstRef);
        this.blockFirstRef = r;
        const k = new Int32Array(n);
        k.set(this.blockNums);
        this.blockNums = k;
      }
      this.blockDefined[b] = 0;
      this.blockFirstRef[b] = pos;
      this.blockNums[b] = num;
    }
    return b;
  }

  private parseBlockHeader(): Block {
    const lx = this.lx;
    const f = this.f;
    const num = lx.num;
    const b = this.blockRef(num, lx.start);
    if (this.blockDefined[b]) this.err(`duplicate definition of block${num}`);
    this.blockDefined[b] = 1;
    f.appendBlock(b);
    lx.next();
    if (this.optional(Tok.LParen)) {
      if (lx.tok() !== Tok.RParen) {
        for (;;) {
          if (lx.tok() !== Tok.Value) this.err(`expected a block parameter like v0: i32, found ${this.describeToken()}`);
          const vnum = lx.num;
          const vpos = lx.start;
          lx.next();
          this.expect(Tok.Colon, "':' and a type after the block parameter");
          const t = this.parseType();
          const v = f.appendBlockParam(b, t);
          this.defineValue(vnum, v, vpos);
          if (!this.optional(Tok.Comma)) break;
        }
      }
      this.expect(Tok.RParen, "')' or ',' in the block parameter list");
    }
    if (this.optional(Tok.Cold)) f.blockCold[b] = 1;
    this.expect(Tok.Colon, "':' after the block header");
    return b;
  }

  // ---- values ----

  private lookupValue(num: number): Value {
    return this.valueMap.get(num);
  }

  private defineValue(num: number, v: Value, pos: number): void {
    if (this.valueMap.get(num) !== NO_VALUE || (this.aliases.size > 0 && this.aliases.has(num))) {
      this.lx.errorAt(pos, `duplicate definition of v${num}`);
    }
    this.valueMap.set(num, v);
    let nums = this.valueNums;
    if (v >= nums.length) {
      let n = nums.length * 2;
      while (n <= v) n *= 2;
      nums = new Int32Array(n);
      nums.set(this.valueNums);
      this.valueNums = nums;
    }
    // Values are defined in creation order except where a parse error stops first; mark any gap as unnamed.
    for (let k = this.valueNumsSet; k < v; k++) nums[k] = -1;
    nums[v] = num;
    if (v >= this.valueNumsSet) this.valueNumsSet = v + 1;
  }

  /** The dense value for a written number, following aliases; NO_VALUE if not (yet) defined. */
  private resolveValue(num: number): Value {
    let v = this.lookupValue(num);
    if (v !== NO_VALUE) return v;
    let n = num;
    for (let steps = 0; steps < 1000; steps++) {
      const t = this.aliases.get(n);
      if (t === undefined) return NO_VALUE;
      n = t;
      v = this.lookupValue(n);
      if (v !== NO_VALUE) return v;
    }
    return NO_VALUE;
  }

  /** Replaces written value numbers in the operand pools with dense ids. */
  private resolveOperands(): void {
    const f = this.f;
    for (let i = 0; i < f.argPoolLen; i++) {
      const v = this.resolveValue(f.argPool[i]);
      if (v === NO_VALUE) this.lx.errorAt(this.argPos[i], `undefined value v${f.argPool[i]}`);
      f.argPool[i] = v;
    }
    for (let inst = 0; inst < f.numInsts; inst++) {
      if ((opcodeProps[f.instOp[inst]] & Prop.Branch) === 0) continue;
      let i = f.instImm0[inst];
      for (let c = 0; c < f.instImm1[inst]; c++) {
        const n = f.callPool[i + 1];
        for (let k = i + 2; k < i + 2 + n; k++) {
          // retN / exnN are stored as negative numbers already
          if (f.callPool[k] < 0) continue;
          const v = this.resolveValue(f.callPool[k]);
          if (v === NO_VALUE) this.lx.errorAt(this.callPos[k], `undefined value v${f.callPool[k]}`);
          f.callPool[k] = v;
        }
        i += 2 + n;
      }
    }
    const ctx = this.exnCtx;
    for (let k = 0; k < ctx.length; k += 2) {
      const v = this.resolveValue(f.exnPool[ctx[k]]);
      if (v === NO_VALUE) this.lx.errorAt(ctx[k + 1], `undefined value v${f.exnPool[ctx[k]]}`);
      f.exnPool[ctx[k]] = v;
    }
    for (let b = 0; b < f.numBlocks; b++) {
      if (!this.blockDefined[b]) this.lx.errorAt(this.blockFirstRef[b], `undefined block block${this.blockNums[b] >>> 0}`);
    }
  }

  private pushArg(): void {
    const lx = this.lx;
    if (lx.tok() !== Tok.Value) this.err(`expected a value operand, found ${this.describeToken()}`);
    this.pushArg0(lx.num, lx.start);
    lx.next();
  }

  private pushArg0(num: number, offset: number): void {
    const n = this.nargs;
    if (n >= this.args.length) {
      const a = new Int32Array(n * 2);
      a.set(this.args);
      this.args = a;
      const o = new Int32Array(n * 2);
      o.set(this.argOffsets);
      this.argOffsets = o;
    }
    this.args[n] = num;
    this.argOffsets[n] = offset;
    this.nargs = n + 1;
  }

  private pushArgs(count: number): void {
    this.pushArg();
    for (let i = 1; i < count; i++) {
      this.expect(Tok.Comma, "',' between operands");
      this.pushArg();
    }
  }

  /** `v, v, ...` (possibly empty) up to a token that is not a value. */
  private pushValueList(): void {
    if (this.lx.tok() !== Tok.Value) return;
    this.pushArg();
    while (this.optional(Tok.Comma)) this.pushArg();
  }

  // ---- instructions ----

  private parseInstruction(block: Block): void {
    const lx = this.lx;
    const f = this.f;
    const line = lx.tokLine;
    let srcLoc = -1;
    if (lx.tok() === Tok.SrcLoc) {
      srcLoc = lx.num;
      lx.next();
    }
    let nresults = 0;
    if (lx.tok() === Tok.Value) {
      this.results[0] = lx.num;
      this.resultPos[0] = lx.start;
      nresults = 1;
      lx.next();
      if (lx.tok() === Tok.Arrow) {
        if (srcLoc >= 0) this.err('an alias cannot have a source location');
        lx.next();
        if (lx.tok() !== Tok.Value) this.err(`expected the aliased value, found ${this.describeToken()}`);
        const from = this.results[0];
        if (this.lookupValue(from) !== NO_VALUE || this.aliases.has(from)) lx.errorAt(this.resultPos[0], `duplicate definition of v${from}`);
        this.aliases.set(from, lx.num);
        lx.next();
        return;
      }
      while (this.optional(Tok.Comma)) {
        if (lx.tok() !== Tok.Value) this.err(`expected a result value, found ${this.describeToken()}`);
        if (nresults === this.results.length) {
          const r = new Int32Array(nresults * 2);
          r.set(this.results);
          this.results = r;
          const q = new Int32Array(nresults * 2);
          q.set(this.resultPos);
          this.resultPos = q;
        }
        this.results[nresults] = lx.num;
        this.resultPos[nresults] = lx.start;
        nresults++;
        lx.next();
      }
      this.expect(Tok.Equal, "'=' after the result values");
    }
    if (lx.tok() !== Tok.Identifier) this.err(`expected an opcode, found ${this.describeToken()}`);
    const op = lx.wordIn(opcodeTable);
    if (op < 0) this.err(`unknown opcode '${lx.text()}'`);
    this.opLine = lx.tokLine;
    this.opCol = lx.tokCol;
    lx.next();
    let explicit: Type = INVALID;
    if (this.optional(Tok.Dot)) explicit = this.parseType();
    const ctrl = opcodeCtrl[op];
    if (explicit !== INVALID && ctrl === CTRL_NONE && !this.suffixAllowed(op, explicit)) {
      lx.error(`'${opcodeNames[op]}' takes no type suffix`, this.opLine, this.opCol);
    }
    if (ctrl === CTRL_EXPLICIT && explicit === INVALID) explicit = opcodeImpliedType(op);
    if (ctrl === CTRL_EXPLICIT && explicit === INVALID) {
      lx.error(`'${opcodeNames[op]}' needs a type suffix, e.g. '${opcodeNames[op]}.i32'`, this.opLine, this.opCol);
    }
    this.nargs = 0;
    const inst = this.parseOperands(block, op, explicit);
    if (srcLoc >= 0) f.instSrcLoc[inst] = srcLoc;
    if (inst >= this.instLines.length) {
      const a = new Int32Array(this.instLines.length * 2);
      a.set(this.instLines);
      this.instLines = a;
    }
    this.instLines[inst] = line;
    const nres = f.instNumResults[inst];
    if (nresults !== nres) {
      lx.error(`'${opcodeNames[op]}' produces ${nres} result${nres === 1 ? '' : 's'}, but ${nresults} ${nresults === 1 ? 'is' : 'are'} named`, this.opLine, this.opCol);
    }
    const first = f.instFirstResult[inst];
    for (let i = 0; i < nres; i++) this.defineValue(this.results[i], first + i, this.resultPos[i]);
  }

  /**
   * Whether a monomorphic opcode may still carry a type suffix, as Cranelift
   * accepts: its one fixed type, or the address type of an indirect callee.
   */
  private suffixAllowed(op: Opcode, t: Type): boolean {
    switch (op) {
      case Op.shuffle: case Op.swizzle: return t === vectorOf(I8, 16);
      case Op.f16const: return t === F16;
      case Op.f32const: return t === F32;
      case Op.f64const: return t === F64;
      case Op.f128const: return t === F128;
      case Op.call_indirect: case Op.return_call_indirect: return t === I32 || t === I64;
    }
    return false;
  }

  /** The controlling type: explicit, else the type of operand `ctrl`. */
  private inferCtrl(op: Opcode, explicit: Type): Type {
    const ctrl = opcodeCtrl[op];
    if (ctrl === CTRL_NONE) return INVALID;
    if (explicit !== INVALID) return explicit;
    if (ctrl < 0) return INVALID;
    assert(ctrl < this.nargs, `'${opcodeNames[op]}' has no operand ${ctrl}`);
    const num = this.args[ctrl];
    const v = this.resolveValue(num);
    if (v === NO_VALUE) {
      this.lx.error(`type variable required for polymorphic opcode, e.g. '${opcodeNames[op]}.i32'; can't infer from v${num} which is not yet defined`, this.opLine, this.opCol);
    }
    return this.f.valueType[v];
  }

  /** Parses the operands of `op`, creates the instruction and returns it. */
  private parseOperands(block: Block, op: Opcode, explicit: Type): number {
    const lx = this.lx;
    const f = this.f;
    const fmt = opcodeFormat[op] as Format;
    let imm0 = 0;
    let imm1 = 0;
    let ctrl = INVALID;
    switch (fmt) {
      case Format.NullAry:
        break;
      case Format.Unary:
        this.pushArg();
        break;
      case Format.UnaryImm: {
        if (explicit === I128 || !isInt(explicit) || isVector(explicit)) {
          lx.error(`'${opcodeNames[op]}' needs an i8, i16, i32 or i64 type, not ${typeName(explicit)}`, this.opLine, this.opCol);
        }
        const bits = typeBits(explicit);
        const n = lx.tok() === Tok.Integer ? smallIntAt(lx.src, lx.start, lx.end) : NaN;
        if (n === n && n < 2 ** bits && n >= -(2 ** (bits - 1))) {
          // Zero-extend from the type's width into two 32-bit halves.
          const u = n < 0 && bits < 64 ? n + 2 ** bits : n;
          const hi = Math.floor(u / 4294967296);
          imm0 = (u - hi * 4294967296) | 0;
          imm1 = bits < 64 ? 0 : hi | 0;
          lx.next();
        } else {
          const v = this.parseTypedInt(explicit, `an integer immediate`);
          imm0 = Number(BigInt.asIntN(32, v));
          imm1 = Number(BigInt.asIntN(32, v >> 32n));
        }
        break;
      }
      case Format.UnaryIeee16:
        imm0 = Number(this.parseFloat(16));
        ctrl = F16;
        break;
      case Format.UnaryIeee32:
        imm0 = Number(BigInt.asIntN(32, this.parseFloat(32)));
        ctrl = F32;
        break;
      case Format.UnaryIeee64: {
        const b = this.parseFloat(64);
        imm0 = Number(BigInt.asIntN(32, b));
        imm1 = Number(BigInt.asIntN(32, b >> 32n));
        ctrl = F64;
        break;
      }
      case Format.UnaryConst: {
        const t = op === Op.f128const ? F128 : explicit;
        if (op === Op.f128const) ctrl = F128;
        if (lx.tok() === Tok.Constant) {
          imm0 = this.ref(this.constMap, 'const');
        } else if (op === Op.f128const && (lx.tok() === Tok.Float || lx.tok() === Tok.Integer)) {
          const bits = this.parseFloat(128);
          imm0 = f.constants.length;
          f.constants.push(bigToBytes(bits, 16));
        } else {
          imm0 = f.constants.length;
          f.constants.push(this.parseConstBytes(t));
        }
        break;
      }
      case Format.Binary:
        this.pushArgs(2);
        if (op === Op.swizzle) ctrl = vectorOf(I8, 16);
        break;
      case Format.BinaryImm8:
        this.pushArg();
        this.expect(Tok.Comma, "','");
        imm0 = this.parseUnsigned(8, 'a lane index');
        break;
      case Format.Ternary:
        this.pushArgs(3);
        break;
      case Format.TernaryImm8:
        this.pushArgs(2);
        this.expect(Tok.Comma, "','");
        imm0 = this.parseUnsigned(8, 'a lane index');
        break;
      case Format.Shuffle: {
        this.pushArgs(2);
        this.expect(Tok.Comma, "','");
        ctrl = vectorOf(I8, 16);
        if (lx.tok() === Tok.Constant) imm0 = this.ref(this.constMap, 'const');
        else {
          imm0 = f.constants.length;
          f.constants.push(this.parseConstBytes(ctrl));
        }
        break;
      }
      case Format.IntCompare: {
        imm0 = this.parseEnum(intCCTable, 'an integer condition code');
        this.pushArgs(2);
        break;
      }
      case Format.FloatCompare:
        imm0 = this.parseEnum(floatCCTable, 'a float condition code');
        this.pushArgs(2);
        break;
      case Format.Jump: {
        const inst = f.appendInstFrom(block, op, INVALID, this.args, 0, 0, 0, 0);
        this.parseBlockCall(inst);
        return inst;
      }
      case Format.Brif: {
        this.pushArg();
        this.expect(Tok.Comma, "','");
        const inst = this.appendWithArgs(block, op, INVALID, 0, 0);
        this.parseBlockCall(inst);
        this.expect(Tok.Comma, "',' between the two targets of brif");
        this.parseBlockCall(inst);
        return inst;
      }
      case Format.BranchTable: {
        this.pushArg();
        this.expect(Tok.Comma, "','");
        const inst = this.appendWithArgs(block, op, INVALID, 0, 0);
        this.parseBlockCall(inst);
        this.expect(Tok.Comma, "',' and the jump table");
        this.expect(Tok.LBracket, "'[' to start the jump table");
        if (lx.tok() !== Tok.RBracket) {
          this.parseBlockCall(inst);
          while (this.optional(Tok.Comma)) this.parseBlockCall(inst);
        }
        this.expect(Tok.RBracket, "']' or ',' in the jump table");
        return inst;
      }
      case Format.MultiAry:
        this.pushValueList();
        break;
      case Format.Call: {
        if (lx.tok() !== Tok.FuncRef) this.err(`expected a function reference like fn0, found ${this.describeToken()}`);
        imm0 = this.ref(this.fnMap, 'fn');
        this.parseCallArgs();
        this.checkCallArity(op, f.sigs[f.funcRefs[imm0].sig], 0);
        break;
      }
      case Format.CallIndirect: {
        if (lx.tok() !== Tok.SigRef) this.err(`expected a signature reference like sig0, found ${this.describeToken()}`);
        imm0 = this.ref(this.sigMap, 'sig');
        this.expect(Tok.Comma, "','");
        this.pushArg();
        this.parseCallArgs();
        this.checkCallArity(op, f.sigs[imm0], 1);
        break;
      }
      case Format.TryCall: case Format.TryCallIndirect:
        return this.parseTryCall(block, op);
      case Format.FuncAddr:
        if (lx.tok() !== Tok.FuncRef) this.err(`expected a function reference like fn0, found ${this.describeToken()}`);
        imm0 = this.ref(this.fnMap, 'fn');
        break;
      case Format.StackAddr:
        if (lx.tok() !== Tok.StackSlot) this.err(`expected a stack slot like ss0, found ${this.describeToken()}`);
        imm0 = this.ref(this.ssMap, 'ss');
        imm1 = this.parseOffset();
        break;
      case Format.GlobalValue:
        if (lx.tok() !== Tok.GlobalValue) this.err(`expected a global value like gv0, found ${this.describeToken()}`);
        imm0 = this.ref(this.gvMap, 'gv');
        break;
      case Format.Load:
        imm0 = this.parseMemFlags();
        this.pushArg();
        imm1 = this.parseOffset();
        break;
      case Format.Store:
        imm0 = this.parseMemFlags();
        this.pushArgs(2);
        imm1 = this.parseOffset();
        break;
      case Format.LoadNoOffset:
        imm0 = this.parseMemFlags();
        this.pushArg();
        break;
      case Format.StoreNoOffset:
        imm0 = this.parseMemFlags();
        this.pushArgs(2);
        break;
      case Format.AtomicRmw:
        imm0 = this.parseMemFlags();
        imm1 = this.parseEnum(atomicRmwTable, 'an atomic operation (add, sub, and, nand, or, xor, xchg, umin, umax, smin, smax)');
        this.pushArgs(2);
        break;
      case Format.AtomicCas:
        imm0 = this.parseMemFlags();
        this.pushArgs(3);
        break;
      case Format.Trap:
        imm0 = this.parseTrapCodeTok();
        break;
      case Format.CondTrap:
        this.pushArg();
        this.expect(Tok.Comma, "',' and a trap code");
        imm0 = this.parseTrapCodeTok();
        break;
      case Format.IntAddTrap:
        this.pushArgs(2);
        this.expect(Tok.Comma, "',' and a trap code");
        imm0 = this.parseTrapCodeTok();
        break;
    }
    if (ctrl === INVALID) ctrl = this.inferCtrl(op, explicit);
    return this.appendWithArgs(block, op, ctrl, imm0, imm1);
  }

  private checkCallArity(op: Opcode, sig: Signature, skip: number): void {
    const want = sig.params.length;
    const got = this.nargs - skip;
    if (want !== got) this.lx.error(`'${opcodeNames[op]}' passes ${got} argument${got === 1 ? '' : 's'} but the signature takes ${want}`, this.opLine, this.opCol);
  }

  private appendWithArgs(block: Block, op: Opcode, ctrl: Type, imm0: number, imm1: number): number {
    const f = this.f;
    const base = f.argPoolLen;
    const n = this.nargs;
    const inst = f.appendInstFrom(block, op, ctrl, this.args, 0, n, imm0, imm1);
    if (base + n > this.argPos.length) {
      let len = this.argPos.length * 2;
      while (len < base + n) len *= 2;
      const a = new Int32Array(len);
      a.set(this.argPos);
      this.argPos = a;
    }
    const pos = this.argPos;
    const offs = this.argOffsets;
    for (let k = 0; k < n; k++) pos[base + k] = offs[k];
    return inst;
  }

  /**
   * `try_call fnN(args), sigN, blockA(...), [items]` and
   * `try_call_indirect vC(args), sigN, blockA(...), [items]`. Items, comma
   * separated, as Cranelift writes them: `tagN: blockB(...)`, `default:
   * blockB(...)` (catch-all), `context vN`; and the cgts extension for LLVM
   * landing-pad clauses: `cleanup: blockB(...)`, `catch %typeinfo:
   * blockB(...)`, `filter [%ti, ...]: blockB(...)` (`filter []` is the empty
   * filter). Item order is the clause order. Block arguments may be `retN`
   * (normal return only) and `exnN` (handlers only; exn0 = the exception
   * pointer, exn1 = the selector), which the verifier checks.
   */
  private parseTryCall(block: Block, op: Opcode): number {
    const lx = this.lx;
    const f = this.f;
    let fnRef = -1;
    if (op === Op.try_call) {
      if (lx.tok() !== Tok.FuncRef) this.err(`expected a function reference like fn0, found ${this.describeToken()}`);
      fnRef = this.ref(this.fnMap, 'fn');
    } else this.pushArg();
    this.parseCallArgs();
    this.expect(Tok.Comma, "',' and the signature of the called function");
    if (lx.tok() !== Tok.SigRef) this.err(`expected a signature reference like sig0, found ${this.describeToken()}`);
    const sig = this.ref(this.sigMap, 'sig');
    this.checkCallArity(op, f.sigs[sig], op === Op.try_call ? 0 : 1);
    const base = f.argPoolLen;
    const n = this.nargs;
    const inst = f.appendTryCallFrom(block, op, fnRef, sig, this.args, 0, n);
    if (base + n > this.argPos.length) {
      let len = this.argPos.length * 2;
      while (len < base + n) len *= 2;
      const a = new Int32Array(len);
      a.set(this.argPos);
      this.argPos = a;
    }
    for (let k = 0; k < n; k++) this.argPos[base + k] = this.argOffsets[k];
    this.nargs = 0;
    this.expect(Tok.Comma, "',' and the normal-return block");
    this.parseBlockCall(inst, true);
    this.expect(Tok.Comma, "',' and the exception table");
    this.expect(Tok.LBracket, "'[' to start the exception table");
    if (lx.tok() !== Tok.RBracket) {
      for (;;) {
        if (lx.tok() === Tok.ExTag) {
          const tag = lx.num;
          lx.next();
          this.expect(Tok.Colon, "':' after the exception tag");
          this.parseBlockCall(inst, true, ExnItem.Tag, tag);
        } else if (lx.isWord('default') || lx.isWord('cleanup')) {
          const kind = lx.isWord('default') ? ExnItem.Default : ExnItem.Cleanup;
          lx.next();
          this.expect(Tok.Colon, `':' after '${kind === ExnItem.Default ? 'default' : 'cleanup'}'`);
          this.parseBlockCall(inst, true, kind, 0);
        } else if (lx.isWord('catch')) {
          lx.next();
          const sym = f.exnSymbol(this.parseExternalName('a type-info symbol like %_ZTIi'));
          this.expect(Tok.Colon, "':' after the caught type");
          this.parseBlockCall(inst, true, ExnItem.Catch, sym);
        } else if (lx.isWord('filter')) {
          lx.next();
          this.expect(Tok.LBracket, "'[' and the filter's type-info symbols");
          const syms: number[] = [];
          if (lx.tok() !== Tok.RBracket) {
            syms.push(f.exnSymbol(this.parseExternalName('a type-info symbol like %_ZTIi')));
            while (this.optional(Tok.Comma)) syms.push(f.exnSymbol(this.parseExternalName('a type-info symbol like %_ZTIi')));
          }
          this.expect(Tok.RBracket, "']' or ',' in the filter list");
          this.expect(Tok.Colon, "':' after the filter list");
          this.parseBlockCall(inst, true, ExnItem.Filter, f.addExnFilter(syms));
        } else if (lx.isWord('context')) {
          lx.next();
          if (lx.tok() !== Tok.Value) this.err(`expected a context value, found ${this.describeToken()}`);
          this.exnCtx.push(f.exnPoolLen + 1, lx.start);
          f.addExnContext(inst, lx.num);
          lx.next();
        } else {
          this.err(`expected an exception table item (tagN:, default:, context, cleanup:, catch %sym:, filter [...]:), found ${this.describeToken()}`);
        }
        if (!this.optional(Tok.Comma)) break;
      }
    }
    this.expect(Tok.RBracket, "']' or ',' in the exception table");
    return inst;
  }

  /** A block-call argument: a value, or in a try_call `retN`/`exnN` (stored as retArg/exnArg). */
  private pushBlockArg(special: boolean): void {
    const lx = this.lx;
    const k = lx.tok();
    if (k !== Tok.TryRet && k !== Tok.TryExn) {
      this.pushArg();
      return;
    }
    if (!special) this.err(`'${lx.text()}' is only allowed in the targets of try_call and try_call_indirect`);
    this.pushArg0(k === Tok.TryRet ? retArg(lx.num) : exnArg(lx.num), lx.start);
    lx.next();
  }

  private parseCallArgs(): void {
    this.expect(Tok.LParen, "'(' and the call arguments");
    if (this.lx.tok() !== Tok.RParen) {
      this.pushArg();
      while (this.optional(Tok.Comma)) this.pushArg();
    }
    this.expect(Tok.RParen, "')' or ',' in the argument list");
  }

  /**
   * `blockN` or `blockN(v, ...)`, appended to branch `inst`. In a try_call
   * (`special`), arguments may also be `retN`/`exnN`, and `item` >= 0 makes
   * the block call an exception handler of that kind with `data`.
   */
  private parseBlockCall(inst: number, special = false, item = -1, data = 0): void {
    const lx = this.lx;
    const f = this.f;
    if (lx.tok() !== Tok.Block) this.err(`expected a block like block1, found ${this.describeToken()}`);
    const b = this.blockRef(lx.num, lx.start);
    lx.next();
    const save = this.nargs;
    if (this.optional(Tok.LParen)) {
      if (lx.tok() !== Tok.RParen) {
        this.pushBlockArg(special);
        while (this.optional(Tok.Comma)) this.pushBlockArg(special);
      }
      this.expect(Tok.RParen, "')' or ',' in the block arguments");
    }
    const n = this.nargs - save;
    const base = f.callPoolLen + 2;
    if (item >= 0) f.addExnHandlerFrom(inst, item, data, b, this.args, save, n);
    else f.addBlockCallFrom(inst, b, this.args, save, n);
    if (base + n > this.callPos.length) {
      let len = this.callPos.length * 2;
      while (len < base + n) len *= 2;
      const a = new Int32Array(len);
      a.set(this.callPos);
      this.callPos = a;
    }
    const pos = this.callPos;
    const offs = this.argOffsets;
    for (let k = 0; k < n; k++) pos[base + k] = offs[save + k];
    this.nargs = save;
  }

  // ---- immediates ----

  private parseEnum(names: WordTable, what: string): number {
    const lx = this.lx;
    if (lx.tok() !== Tok.Identifier) this.err(`expected ${what}, found ${this.describeToken()}`);
    const i = lx.wordIn(names);
    if (i < 0) this.err(`expected ${what}, found '${lx.text()}'`);
    lx.next();
    return i;
  }

  private parseTrapCodeTok(): number {
    const lx = this.lx;
    if (lx.tok() !== Tok.Identifier) this.err(`expected a trap code, found ${this.describeToken()}`);
    const c = parseTrapCode(lx.text());
    if (c < 0) this.err(`unknown trap code '${lx.text()}'`);
    lx.next();
    return c;
  }

  private parseMemFlags(): number {
    const lx = this.lx;
    let flags = 0;
    while (lx.tok() === Tok.Identifier) {
      const m = lx.wordIn(memFlagTable);
      if (m >= 0) {
        flags |= memFlagBits[m];
      } else {
        const code = parseTrapCode(lx.text());
        if (code < 0) break;
        flags = (flags & ((1 << MemFlag.TrapShift) - 1)) | (code << MemFlag.TrapShift);
      }
      lx.next();
    }
    if ((flags & MemFlag.Little) && (flags & MemFlag.Big)) this.err("memory flags 'little' and 'big' conflict");
    return flags;
  }

  /** An optional `+N`/`-N` offset right after an address; 0 if there is none. */
  private parseOffset(): number {
    const lx = this.lx;
    if (lx.tok() !== Tok.Integer) return 0;
    const c = lx.src.charCodeAt(lx.start);
    if (c !== 43 && c !== 45) return 0;
    const n = smallIntAt(lx.src, lx.start, lx.end);
    if (n === n && n >= -2147483648 && n <= 2147483647) {
      lx.next();
      return n;
    }
    const v = parseIntText(lx.text());
    if (v === null) this.err(`bad offset '${lx.text()}'`);
    if (v < -(1n << 31n) || v >= 1n << 31n) this.err(`offset '${lx.text()}' is out of the 32-bit signed range`);
    lx.next();
    return Number(v);
  }

  private parseUnsigned(bits: number, what: string): number {
    const lx = this.lx;
    if (lx.tok() !== Tok.Integer) this.err(`expected ${what}, found ${this.describeToken()}`);
    const n = smallIntAt(lx.src, lx.start, lx.end);
    if (n === n && n >= 0 && n < 2 ** bits) {
      lx.next();
      return n;
    }
    const v = parseIntText(lx.text());
    if (v === null || v < 0n || v >= 1n << BigInt(bits)) this.err(`expected ${what} (an unsigned ${bits}-bit integer), found '${lx.text()}'`);
    lx.next();
    return Number(v);
  }

  /** An integer of type `t` (an integer type), returned as its unsigned bit pattern. */
  parseTypedInt(t: Type, what: string): bigint {
    const lx = this.lx;
    if (lx.tok() !== Tok.Integer) {
      if (lx.tok() === Tok.Float) this.err(`expected ${what} of type ${typeName(t)}, found the float '${lx.text()}'`);
      this.err(`expected ${what} of type ${typeName(t)}, found ${this.describeToken()}`);
    }
    const v = parseIntText(lx.text());
    const bits = typeBits(t);
    if (v === null) this.err(`bad integer '${lx.text()}'`);
    if (v >= 1n << BigInt(bits) || v < -(1n << BigInt(bits - 1))) this.err(`integer '${lx.text()}' is out of range for ${typeName(t)}`);
    lx.next();
    return BigInt.asUintN(bits, v);
  }

  private parseFloat(width: FloatWidth): bigint {
    const lx = this.lx;
    if (lx.tok() !== Tok.Float && lx.tok() !== Tok.Integer) this.err(`expected a float, found ${this.describeToken()}`);
    const text = lx.text();
    const bits = parseFloatBits(text, width);
    if (bits === null) {
      if (/^[+-]?[0-9]/.test(text) && !/^[+-]?0x/.test(text) && text !== '0.0' && text !== '-0.0' && text !== '+0.0') {
        this.err(`decimal float '${text}' is not allowed; write it in hex, e.g. 0x1.8p1 for 3.0`);
      }
      this.err(`bad f${width} literal '${text}'`);
    }
    lx.next();
    return bits;
  }

  /** Little-endian bytes of the current hex Integer token, zero-extended to `size` bytes (0: as many as written). */
  private hexBytes(size: number): Uint8Array {
    const lx = this.lx;
    const text = lx.text();
    if (!text.startsWith('0x')) this.err(`expected a hex constant like 0x0102, found '${text}'`);
    let hex = '';
    for (let i = 2; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 95) continue;
      if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70))) this.err(`bad hex constant '${text}'`);
      hex += text[i];
    }
    if (hex.length === 0) this.err(`bad hex constant '${text}'`);
    const n = (hex.length + 1) >> 1;
    if (size !== 0 && n > size) this.err(`constant '${text}' has more than ${size} bytes`);
    const out = new Uint8Array(size !== 0 ? size : n);
    for (let i = 0; i < n; i++) {
      const e = hex.length - 2 * i;
      out[i] = parseInt(hex.slice(Math.max(0, e - 2), e), 16);
    }
    return out;
  }

  /** `[lanes]` or a hex integer, as the bytes of a value of vector (or 128-bit) type `t`. */
  private parseConstBytes(t: Type): Uint8Array {
    const lx = this.lx;
    if (t === INVALID) this.err('a vector constant needs a type');
    if (lx.tok() === Tok.Integer) {
      const b = this.hexBytes(typeBytes(t));
      lx.next();
      return b;
    }
    if (lx.tok() !== Tok.LBracket) this.err(`expected '[' and lanes, or a hex constant, found ${this.describeToken()}`);
    const v = this.parseLanes(t);
    return bigToBytes(v.bits, typeBytes(t));
  }

  /** `[l0 l1 ...]` with exactly the lane count of `t`. */
  private parseLanes(t: Type): DataValue {
    const lx = this.lx;
    this.expect(Tok.LBracket, "'['");
    const lane = laneOf(t);
    const n = laneCount(t);
    const lanes: bigint[] = [];
    while (lx.tok() !== Tok.RBracket) {
      if (lanes.length === n) this.err(`too many lanes for ${typeName(t)} (it has ${n})`);
      lanes.push(this.parseScalarBits(lane));
      if (lx.tok() === Tok.Comma) this.err('vector lanes are separated by spaces, not commas');
    }
    if (lanes.length !== n) this.err(`expected ${n} lanes for ${typeName(t)}, found ${lanes.length}`);
    lx.next();
    return fromLanes(t, lanes);
  }

  private parseScalarBits(t: Type): bigint {
    if (isFloat(t)) return this.parseFloat(typeBits(t) as FloatWidth);
    return this.parseTypedInt(t, 'an integer');
  }

  /** A run-line value of type `t`. */
  parseDataValue(t: Type): DataValue {
    const lx = this.lx;
    if (isVector(t)) {
      if (lx.tok() === Tok.Integer) {
        const b = this.hexBytes(typeBytes(t));
        lx.next();
        let bits = 0n;
        for (let i = b.length - 1; i >= 0; i--) bits = (bits << 8n) | BigInt(b[i]);
        return { type: t, bits };
      }
      return this.parseLanes(t);
    }
    return { type: t, bits: this.parseScalarBits(t) };
  }

  // ---- run commands ----

  private parseRunCommand(c: Comment, pf: ParsedFunction): RunCommand | null {
    const text = c.text;
    let i = 0;
    while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 59)) i++;
    let kind: 'run' | 'print';
    if (text.startsWith('run', i)) kind = 'run';
    else if (text.startsWith('print', i)) kind = 'print';
    else return null;
    const after = text.charCodeAt(i + kind.length);
    if ((after === 95 || (after >= 48 && after <= 57) || (after >= 65 && after <= 90) || (after >= 97 && after <= 122))) return null;
    const sub = new Parser(text, this.file);
    sub.defaultCallConv = this.defaultCallConv;
    const lx = sub.lx;
    lx.line = c.line;
    lx.lineStart = -c.col;
    lx.pos = i + kind.length;
    const f = pf.func;
    const sig = f.signature;
    const cmd: RunCommand = { kind, compare: 'bare', funcName: f.name, args: [], expected: [], line: c.line, column: c.col };
    lx.next();
    if (lx.tok() === Tok.Eof) {
      if (kind === 'run') {
        if (sig.params.length !== 0 || sig.returns.length !== 1) {
          lx.error(`a bare 'run' needs a function without parameters that returns one value`, c.line, c.col);
        }
      } else if (sig.params.length !== 0) {
        lx.error(`a bare 'print' needs a function without parameters`, c.line, c.col);
      }
      return cmd;
    }
    if (lx.tok() !== Tok.Colon) return null;
    lx.next();
    if (lx.tok() !== Tok.Name) lx.error(`expected an invocation like %${f.name}(...), found ${sub.describeToken()}`);
    cmd.funcName = lx.src.slice(lx.start + 1, lx.end);
    lx.next();
    sub.expect(Tok.LParen, "'(' and the arguments");
    const params = sig.params;
    if (lx.tok() !== Tok.RParen) {
      for (;;) {
        if (cmd.args.length >= params.length) lx.error(`too many arguments: ${this.printedName(f.name)} takes ${params.length}`);
        cmd.args.push(sub.parseDataValue(params[cmd.args.length].type));
        if (!sub.optional(Tok.Comma)) break;
      }
    }
    if (lx.tok() !== Tok.RParen) lx.error(`expected ')' or ',' in the arguments, found ${sub.describeToken()}`);
    if (cmd.args.length !== params.length) lx.error(`${this.printedName(f.name)} takes ${params.length} argument${params.length === 1 ? '' : 's'}, found ${cmd.args.length}`);
    lx.next();
    if (kind === 'print') {
      cmd.compare = '==';
      if (lx.tok() !== Tok.Eof) lx.error(`unexpected text after the invocation: ${sub.describeToken()}`);
      return cmd;
    }
    if (lx.tok() === Tok.Equal) {
      lx.next();
      sub.expect(Tok.Equal, "'==' or '!='");
      cmd.compare = '==';
    } else if (lx.tok() === Tok.Bang) {
      lx.next();
      sub.expect(Tok.Equal, "'==' or '!='");
      cmd.compare = '!=';
    } else lx.error(`expected '==' or '!=' after the invocation, found ${sub.describeToken()}`);
    const rets = sig.returns;
    if (rets.length === 1 && lx.tok() !== Tok.LBracket) {
      cmd.expected.push(sub.parseDataValue(rets[0].type));
    } else if (rets.length === 1 && isVector(rets[0].type)) {
      // `[a b c d]` is the single vector result; `[[a b c d]]` is also accepted.
      const save = { pos: lx.pos, start: lx.start, line: lx.line, lineStart: lx.lineStart };
      lx.next();
      const nested = lx.tok() === Tok.LBracket;
      lx.pos = save.pos; lx.start = save.start; lx.line = save.line; lx.lineStart = save.lineStart;
      lx.kind = Tok.LBracket as Tok;
      if (nested) {
        lx.next();
        cmd.expected.push(sub.parseDataValue(rets[0].type));
        sub.expect(Tok.RBracket, "']'");
      } else {
        cmd.expected.push(sub.parseDataValue(rets[0].type));
      }
    } else {
      sub.expect(Tok.LBracket, `'[' and ${rets.length} expected values`);
      if (lx.tok() !== Tok.RBracket) {
        for (;;) {
          if (cmd.expected.length >= rets.length) lx.error(`too many expected values: ${this.printedName(f.name)} returns ${rets.length}`);
          cmd.expected.push(sub.parseDataValue(rets[cmd.expected.length].type));
          if (!sub.optional(Tok.Comma)) break;
        }
      }
      if (lx.tok() !== Tok.RBracket) lx.error(`expected ']' or ',' in the expected values, found ${sub.describeToken()}`);
      if (cmd.expected.length !== rets.length) lx.error(`${this.printedName(f.name)} returns ${rets.length} value${rets.length === 1 ? '' : 's'}, found ${cmd.expected.length}`);
      lx.next();
    }
    if (lx.tok() !== Tok.Eof) lx.error(`unexpected text after the expected value: ${sub.describeToken()}`);
    return cmd;
  }
}

function splitWords(s: string): string[] {
  return s.split(/[ \t\r]+/).filter((w) => w.length > 0);
}

function bigToBytes(bits: bigint, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = Number(bits & 0xffn);
    bits >>= 8n;
  }
  return out;
}
