// Tokenizer for CLIF text: scans char codes of one string and exposes the
// current token as plain fields (kind, text span, entity number or type,
// line/column). Comments are collected with their positions for the parser.

import { Type, parseType, INVALID, I8, I16, I32, I64, I128, F16, F32, F64, F128 } from './types.js';
import { CgtsError } from '../support/diag.js';

export const enum Tok {
  Eof,
  LParen, RParen, LBrace, RBrace, LBracket, RBracket, LAngle, RAngle,
  Comma, Dot, Colon, Equal, Bang, Star, Plus, Minus, Arrow,
  /** Entity references: `num` holds the number. */
  Value, Block, StackSlot, DynStackSlot, DynType, GlobalValue, MemoryType, Constant, FuncRef, SigRef,
  UserRef, UserNameRef, ExTable, ExTag, Region, TryRet, TryExn,
  /** A type word: `type` holds it. */
  Type,
  Identifier,
  /** `%name`: text without the `%`. */
  Name,
  /** `"..."`: text without quotes. */
  String,
  /** `#hex`: text without `#`. */
  HexSeq,
  /** `@hex`: `num` holds the location. */
  SrcLoc,
  Integer,
  Float,
  Cold,
}

const entityPrefixes: [string, Tok][] = [
  ['v', Tok.Value], ['block', Tok.Block], ['ss', Tok.StackSlot], ['dss', Tok.DynStackSlot], ['dt', Tok.DynType],
  ['gv', Tok.GlobalValue], ['mt', Tok.MemoryType], ['const', Tok.Constant], ['fn', Tok.FuncRef], ['sig', Tok.SigRef],
  ['u', Tok.UserRef], ['userextname', Tok.UserNameRef], ['extable', Tok.ExTable], ['tag', Tok.ExTag],
  ['region', Tok.Region], ['ret', Tok.TryRet], ['exn', Tok.TryExn],
];

/**
 * A fixed set of words looked up by the char codes of a source span, without
 * making a string: open addressing on a hash of the chars, checked with startsWith.
 */
export class WordTable {
  private readonly words: string[];
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(words: readonly string[]) {
    this.words = words.slice();
    let size = 16;
    while (size < words.length * 4) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size).fill(-1);
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (w === '' || this.find(w, 0, w.length) >= 0) continue;
      let h = hashSpan(w, 0, w.length) & this.mask;
      while (this.slots[h] >= 0) h = (h + 1) & this.mask;
      this.slots[h] = i;
    }
  }

  /** The index of the word s[start, end) in the list given to the constructor (its first occurrence), or -1. */
  find(s: string, start: number, end: number): number {
    const len = end - start;
    let h = hashSpan(s, start, end) & this.mask;
    for (;;) {
      const i = this.slots[h];
      if (i < 0) return -1;
      const w = this.words[i];
      if (w.length === len && s.startsWith(w, start)) return i;
      h = (h + 1) & this.mask;
    }
  }
}

function hashSpan(s: string, start: number, end: number): number {
  let h = (end - start) * 0x9e3779b1;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

const entityTable = new WordTable(entityPrefixes.map((e) => e[0]));
const entityKinds = entityPrefixes.map((e) => e[1]);

/** The entity kind whose prefix is s[p, p+len), or Tok.Eof. */
function entityKind(s: string, p: number, len: number): Tok {
  const c = s.charCodeAt(p);
  if (len === 1 && c === 118) return Tok.Value;
  if (len === 5 && c === 98 && s.startsWith('block', p)) return Tok.Block;
  const i = entityTable.find(s, p, p + len);
  return i < 0 ? Tok.Eof : entityKinds[i];
}

function hasX(s: string, p: number, e: number): boolean {
  for (let i = p; i < e; i++) if (s.charCodeAt(i) === 120) return true;
  return false;
}

/** The scalar type written s[p, e) (`i8` .. `i128`, `f16` .. `f128`), or INVALID. */
function scalarTypeAt(s: string, p: number, e: number): Type {
  const c = s.charCodeAt(p);
  const len = e - p;
  const d1 = s.charCodeAt(p + 1);
  const d2 = s.charCodeAt(p + 2);
  if (c === 105) {
    if (len === 2) return d1 === 56 ? I8 : INVALID;
    if (len === 3) {
      if (d1 === 49 && d2 === 54) return I16;
      if (d1 === 51 && d2 === 50) return I32;
      if (d1 === 54 && d2 === 52) return I64;
      return INVALID;
    }
    return len === 4 && d1 === 49 && d2 === 50 && s.charCodeAt(p + 3) === 56 ? I128 : INVALID;
  }
  if (len === 3) {
    if (d1 === 49 && d2 === 54) return F16;
    if (d1 === 51 && d2 === 50) return F32;
    if (d1 === 54 && d2 === 52) return F64;
    return INVALID;
  }
  return len === 4 && d1 === 49 && d2 === 50 && s.charCodeAt(p + 3) === 56 ? F128 : INVALID;
}

export interface Comment {
  /** The text after the `;`. */
  text: string;
  line: number;
  col: number;
  /** Offset of the `;` in the source. */
  pos: number;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isWordStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57);
}
function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

export class Lexer {
  readonly src: string;
  readonly file: string;
  pos = 0;
  line = 1;
  lineStart = 0;

  // The current token.
  kind: Tok = Tok.Eof;
  start = 0;
  end = 0;
  tokLine = 1;
  tokCol = 1;
  num = 0;
  type: Type = INVALID;

  comments: Comment[] = [];

  constructor(src: string, file: string) {
    this.src = src;
    this.file = file;
  }

  /** The current token kind (a call, so that TypeScript does not narrow it across next()). */
  tok(): Tok {
    return this.kind;
  }

  text(): string {
    return this.src.slice(this.start, this.end);
  }

  error(message: string, line = this.tokLine, col = this.tokCol): never {
    throw new CgtsError(message, `${this.file}:${line}:${col}`);
  }

  /** Line and column of a source offset (computed by scanning; for errors only). */
  lineColOf(offset: number): [number, number] {
    let line = 1;
    let ls = 0;
    for (let i = 0; i < offset && i < this.src.length; i++) {
      if (this.src.charCodeAt(i) === 10) {
        line++;
        ls = i + 1;
      }
    }
    return [line, offset - ls + 1];
  }

  errorAt(offset: number, message: string): never {
    const [l, c] = this.lineColOf(offset);
    this.error(message, l, c);
  }

  /** Skips the rest of the current line (used after `test`/`set`/`target`); returns its text. */
  restOfLine(): string {
    const s = this.src;
    const b = this.pos;
    let i = b;
    while (i < s.length && s.charCodeAt(i) !== 10 && s.charCodeAt(i) !== 59) i++;
    const text = s.slice(b, i);
    this.pos = i;
    return text;
  }

  /** Advances to the next token. */
  next(): Tok {
    const s = this.src;
    const n = s.length;
    let p = this.pos;
    for (;;) {
      if (p >= n) {
        this.pos = p;
        this.start = this.end = p;
        this.tokLine = this.line;
        this.tokCol = p - this.lineStart + 1;
        return (this.kind = Tok.Eof);
      }
      const c = s.charCodeAt(p);
      if (c === 10) {
        p++;
        this.line++;
        this.lineStart = p;
      } else if (c === 32 || c === 9 || c === 13) {
        p++;
      } else if (c === 59 /* ; */) {
        let e = p + 1;
        while (e < n && s.charCodeAt(e) !== 10) e++;
        this.comments.push({ text: s.slice(p + 1, e), line: this.line, col: p - this.lineStart + 1, pos: p });
        p = e;
      } else {
        break;
      }
    }
    this.start = p;
    this.tokLine = this.line;
    this.tokCol = p - this.lineStart + 1;
    const c = s.charCodeAt(p);
    let k: Tok;
    switch (c) {
      case 40: k = Tok.LParen; p++; break;
      case 41: k = Tok.RParen; p++; break;
      case 123: k = Tok.LBrace; p++; break;
      case 125: k = Tok.RBrace; p++; break;
      case 91: k = Tok.LBracket; p++; break;
      case 93: k = Tok.RBracket; p++; break;
      case 60: k = Tok.LAngle; p++; break;
      case 62: k = Tok.RAngle; p++; break;
      case 44: k = Tok.Comma; p++; break;
      case 46: k = Tok.Dot; p++; break;
      case 58: k = Tok.Colon; p++; break;
      case 61: k = Tok.Equal; p++; break;
      case 33: k = Tok.Bang; p++; break;
      case 42: k = Tok.Star; p++; break;
      case 43: // +
      case 45: // -
        if (c === 45 && s.charCodeAt(p + 1) === 62) {
          k = Tok.Arrow;
          p += 2;
        } else if (this.numericAt(p + 1)) {
          return this.scanNumber(p);
        } else {
          k = c === 43 ? Tok.Plus : Tok.Minus;
          p++;
        }
        break;
      case 37: { // %name
        let e = p + 1;
        while (e < n && isWordChar(s.charCodeAt(e))) e++;
        this.pos = e;
        this.end = e;
        return (this.kind = Tok.Name);
      }
      case 34: { // "string"
        let e = p + 1;
        while (e < n && s.charCodeAt(e) !== 34) {
          if (s.charCodeAt(e) === 10) this.error('unterminated string');
          e++;
        }
        if (e >= n) this.error('unterminated string');
        this.pos = e + 1;
        this.end = e + 1;
        return (this.kind = Tok.String);
      }
      case 35: // #hex
      case 64: { // @srcloc
        let e = p + 1;
        while (e < n && isHexDigit(s.charCodeAt(e))) e++;
        if (e === p + 1) this.error(c === 35 ? 'expected hex digits after #' : 'expected a hex source location after @');
        this.pos = e;
        this.end = e;
        if (c === 64) {
          if (e - p - 1 > 8) this.error('source location too large');
          this.num = parseInt(s.slice(p + 1, e), 16) | 0;
          return (this.kind = Tok.SrcLoc);
        }
        return (this.kind = Tok.HexSeq);
      }
      case 118: { // v: a value `vN` is the most common token
        let e = p + 1;
        let d = s.charCodeAt(e);
        if (d >= 49 && d <= 57) {
          let v = 0;
          do {
            v = v * 10 + d - 48;
            d = s.charCodeAt(++e);
          } while (d >= 48 && d <= 57);
          if (!isWordChar(d) && e - p <= 11 && v <= 0xfffffffe) {
            this.pos = e;
            this.end = e;
            this.num = v;
            return (this.kind = Tok.Value);
          }
        }
        return this.scanWord(p);
      }
      default:
        if (isDigit(c)) return this.scanNumber(p);
        if (isWordStart(c)) {
          if ((c === 78 || c === 73 || c === 115) && this.specialFloatAt(p)) return this.scanNumber(p);
          return this.scanWord(p);
        }
        this.error(`unexpected character '${s[p]}'`);
    }
    this.pos = p;
    this.end = p;
    return (this.kind = k);
  }

  /** Whether a number starts at `p` (after a sign). */
  private numericAt(p: number): boolean {
    const c = this.src.charCodeAt(p);
    if (isDigit(c) || c === 45 || c === 43 || c === 46) return true;
    return this.specialFloatAt(p);
  }

  private specialFloatAt(p: number): boolean {
    const s = this.src;
    return s.startsWith('NaN', p) || s.startsWith('Inf', p) || s.startsWith('sNaN', p);
  }

  private scanNumber(p: number): Tok {
    const s = this.src;
    const n = s.length;
    let isFloat = false;
    let e = p;
    let c = s.charCodeAt(e);
    if (c === 45 || c === 43) e++;
    if (s.startsWith('NaN:', e) || s.startsWith('sNaN:', e)) {
      e = s.indexOf(':', e) + 1;
      isFloat = true;
    } else if (s.startsWith('NaN', e) || s.startsWith('Inf', e)) {
      isFloat = true;
    }
    for (; e < n; e++) {
      c = s.charCodeAt(e);
      if (c === 46) isFloat = true;
      else if (!(isWordChar(c) || c === 45)) break;
    }
    this.pos = e;
    this.end = e;
    return (this.kind = isFloat ? Tok.Float : Tok.Integer);
  }

  private scanWord(p: number): Tok {
    const s = this.src;
    const n = s.length;
    let e = p + 1;
    while (e < n && isWordChar(s.charCodeAt(e))) e++;
    this.pos = e;
    this.end = e;
    // Entity: prefix + decimal number without a leading zero.
    let d = e;
    while (d > p && isDigit(s.charCodeAt(d - 1))) d--;
    if (d < e && d > p && (s.charCodeAt(d) !== 48 || d === e - 1) && e - d <= 10) {
      const ent = entityKind(s, p, d - p);
      if (ent !== Tok.Eof) {
        let v = 0;
        for (let i = d; i < e; i++) v = v * 10 + s.charCodeAt(i) - 48;
        if (v <= 0xfffffffe) {
          this.num = v;
          return (this.kind = ent);
        }
      }
    }
    const c = s.charCodeAt(p);
    if ((c === 105 || c === 102) && isDigit(s.charCodeAt(p + 1))) {
      let t = scalarTypeAt(s, p, e);
      if (t === INVALID && hasX(s, p, e)) t = parseType(s.slice(p, e));
      if (t !== INVALID) {
        this.type = t;
        return (this.kind = Tok.Type);
      }
    }
    if (e - p === 4 && s.startsWith('cold', p)) return (this.kind = Tok.Cold);
    return (this.kind = Tok.Identifier);
  }

  /** The index of the current identifier in `table`, or -1. */
  wordIn(table: WordTable): number {
    return this.kind === Tok.Identifier ? table.find(this.src, this.start, this.end) : -1;
  }

  /** Whether the current token is the identifier `word`. */
  isWord(word: string): boolean {
    return this.kind === Tok.Identifier && this.end - this.start === word.length && this.src.startsWith(word, this.start);
  }
}
