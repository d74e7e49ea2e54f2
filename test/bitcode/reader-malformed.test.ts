// Reader robustness: hand-built modules (./writer.ts) with cyclic, dangling or
// deeply nested types and constants and inconsistent instruction records must
// give CgtsErrors naming the byte offset, never a hang or a stack overflow.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_CONST_DEPTH, readModule } from '../../src/bitcode/reader.js';
import { printModule } from '../../src/bitcode/printer.js';
import { decodeFunction } from '../../src/bitcode/function.js';
import { CgtsError } from '../../src/support/diag.js';
import { B, BitWriter, buildModule, functionRecord, metadataStrings } from './writer.js';

/** Type record codes used below. */
const T = { NumEntry: 1, Void: 2, Opaque: 6, Integer: 7, Array: 11, StructAnon: 18, StructName: 19, StructNamed: 20, Function: 21, Ptr: 25 };

/** A GLOBALVAR record (v2 layout) of explicit type `ty`, initializer value `init` (0 = none). */
function globalVar(w: BitWriter, ty: number, init = 0): void {
  w.unabbrev(7, [0, 0, ty, 2, init, 0, 0, 0]);
}

/** Reads the module, decodes every body and prints it. */
function readAll(bytes: Uint8Array): string {
  const m = readModule(bytes, 't.bc');
  for (let i = 0; i < m.bodies.length; i++) decodeFunction(m, i);
  return printModule(m);
}

function expectError(bytes: Uint8Array, re: RegExp): void {
  assert.throws(() => readAll(bytes), (e: unknown) => {
    assert.ok(e instanceof CgtsError, `expected a CgtsError, got ${String(e)}`);
    assert.match(e.describe(), /byte \d+/);
    assert.match(e.describe(), re);
    return true;
  });
}

test('types may refer ahead only to named structs, and every referenced id must be defined', () => {
  // [1 x <self>]
  expectError(buildModule((w) => w.unabbrev(T.Array, [1, 0])), /type 0 is referenced before its definition but is not a named struct/);
  // { <type 1> } with type 1 = i32
  expectError(buildModule((w) => {
    w.unabbrev(T.StructAnon, [0, 1]);
    w.unabbrev(T.Integer, [32]);
  }), /type 1 is referenced before its definition/);
  // a reference to type 7 in a table of 2 types, with no NUMENTRY
  expectError(buildModule((w) => {
    w.unabbrev(T.Array, [1, 7]);
    w.unabbrev(T.Ptr, [0]);
  }), /type id 7 is referenced but never defined/);
  // %a = type { %a }: contains itself by value
  expectError(buildModule((w) => {
    w.unabbrev(T.StructName, [...'a'].map((ch) => ch.charCodeAt(0)));
    w.unabbrev(T.StructNamed, [0, 0]);
  }), /type 0 contains itself/);
  // A forward reference to a named struct is fine: %a = type { ptr, %b }, %b = type { i32 }.
  const text = readAll(buildModule((w) => {
    w.unabbrev(T.Ptr, [0]);
    w.unabbrev(T.Integer, [32]);
    w.unabbrev(T.StructName, [97]);
    w.unabbrev(T.StructNamed, [0, 0, 3]);
    w.unabbrev(T.StructName, [98]);
    w.unabbrev(T.StructNamed, [0, 1]);
  }, (w) => globalVar(w, 2)));
  assert.match(text, /%a = type \{ ptr, %b \}/);
  assert.match(text, /%b = type \{ i32 \}/);
});

test('deeply nested types are named without deep recursion', () => {
  const depth = 100_000;
  const text = readAll(buildModule((w) => {
    w.unabbrev(T.Integer, [8]);
    for (let i = 0; i < depth; i++) w.unabbrev(T.Array, [1, i]);
  }, (w) => globalVar(w, depth)));
  assert.ok(text.includes('[1 x '.repeat(depth) + 'i8' + ']'.repeat(depth)));
});

/** Module-level constants: a CONSTANTS block (after one global, value 0) holding what `body` writes. */
function withConstants(types: (w: BitWriter) => void, globalTy: number, init: number, body: (w: BitWriter) => void): Uint8Array {
  return buildModule(types, (w) => {
    globalVar(w, globalTy, init + 1);
    w.enter(B.CONSTANTS, 4);
    body(w);
    w.end();
  });
}

test('constants that contain themselves or nest too deep are rejected; a deep chain within the bound prints', () => {
  const i64ptr = (w: BitWriter) => {
    w.unabbrev(T.Integer, [64]);
    w.unabbrev(T.Ptr, [0]);
    w.unabbrev(T.Array, [1, 1]);
  };
  // @0 = global [1 x ptr] [<value 1>], value 1 = [1 x ptr] [value 1]
  expectError(withConstants(i64ptr, 2, 1, (w) => {
    w.unabbrev(1, [2]);
    w.unabbrev(7, [1]);
  }), /constant 1 contains itself/);
  // add (add (... (i64 1, i64 1) ...)): value 1 = 1, value k+1 = add(value k, value 1)
  const chain = (depth: number) => withConstants(i64ptr, 0, depth, (w) => {
    w.unabbrev(1, [0]);
    w.unabbrev(4, [2]);
    for (let k = 1; k < depth; k++) w.unabbrev(10, [0, k, 1]);
  });
  expectError(chain(MAX_CONST_DEPTH + 1), /nests constants more than/);
  const text = readAll(chain(MAX_CONST_DEPTH));
  assert.ok(text.includes('add (i64 '.repeat(MAX_CONST_DEPTH - 1) + '1, i64 1)'));
});

test('constant range attributes whose word counts exceed the record are CgtsErrors', () => {
  const group = (ops: number[]) => buildModule((w) => w.unabbrev(T.Ptr, [0]), (w) => {
    w.enter(B.PARAMATTR_GROUP, 4);
    w.unabbrev(3, ops);
    w.end();
  });
  // group 1, parameter 0, range attribute (tag 7) of kind 92: width 65 with 2^32-1 low words
  expectError(group([1, 0, 7, 92, 65, 0xffffffff]), /constant range attribute/);
  // width 65 with 1 low and 1 high word, but only one word present
  expectError(group([1, 0, 7, 92, 65, 0x100000001, 5]), /runs past the end of its record/);
  // width 32 with only the lower bound
  expectError(group([1, 0, 7, 92, 32, 2]), /runs past the end of its record|truncated/);
});

/**
 * A module with types i32, ptr, void, void(), [1 x ptr], i32() and a function
 * @0 of type void() (value 0) whose body is one basic block: an optional
 * CONSTANTS block with i32 2 (value 1), what `insts` writes, then `ret void`.
 */
function oneFunction(insts: (w: BitWriter) => void, opts: { consts?: boolean; callee?: boolean } = {}): Uint8Array {
  return buildModule((w) => {
    w.unabbrev(T.NumEntry, [6]);
    w.unabbrev(T.Integer, [32]);
    w.unabbrev(T.Ptr, [0]);
    w.unabbrev(T.Void, []);
    w.unabbrev(T.Function, [0, 2]);
    w.unabbrev(T.Array, [1, 1]);
    w.unabbrev(T.Function, [0, 0]);
  }, (w) => {
    functionRecord(w, 3);
    if (opts.callee) functionRecord(w, 5, true);
    w.enter(B.FUNCTION, 4);
    w.unabbrev(1, [1]);
    if (opts.consts) {
      w.enter(B.CONSTANTS, 4);
      w.unabbrev(1, [0]);
      w.unabbrev(4, [4]);
      w.end();
    }
    insts(w);
    w.unabbrev(10, []);
    w.end();
  });
}

test('inconsistent instruction records are CgtsErrors', () => {
  // The function as decoded, to check that the builder is right.
  assert.match(readAll(oneFunction(() => {}, { consts: true })), /define void @0\(\) \{\n\s*ret void\n\}/);
  // invoke @1 (an i32() function) without the explicit-type flag
  expectError(oneFunction((w) => w.unabbrev(13, [0, 0, 0, 0, 1]), { callee: true }), /invoke without an explicit function type/);
  // alloca i32 with size value 99999, which never exists
  expectError(oneFunction((w) => w.unabbrev(19, [0, 0, 99999, (1 << 6) | 3])), /value id 99999 is used but never defined/);
  // extractelement from i32 2
  expectError(oneFunction((w) => w.unabbrev(6, [1, 1]), { consts: true }), /extractelement operand is not a vector/);
  // a second CONSTANTS block
  expectError(oneFunction((w) => {
    w.enter(B.CONSTANTS, 4);
    w.unabbrev(1, [0]);
    w.unabbrev(4, [8]);
    w.end();
  }, { consts: true }), /CONSTANTS block after instructions or a second one/);
  // fence with ordering 9, then with sync scope 5
  expectError(oneFunction((w) => w.unabbrev(36, [9, 1])), /bad atomic ordering 9/);
  expectError(oneFunction((w) => w.unabbrev(36, [4, 5])), /sync scope 5 does not exist/);
  // atomicrmw operation 40 on @0 with i32 2
  expectError(oneFunction((w) => w.unabbrev(59, [2, 1, 40, 0, 2, 1, 0]), { consts: true }), /bad atomicrmw operation 40/);
  // record codes no decoder takes: indirectbr (31), a gap (14), one past the last kind (67), a large one
  for (const code of [31, 14, 67, 4000]) {
    expectError(oneFunction((w) => w.unabbrev(code, [0])), new RegExp(`unsupported instruction record code ${code}\\b`));
  }
});

/**
 * A module whose metadata is written by `moduleMd` (module METADATA block,
 * after a METADATA_KIND block naming kind 0 `dbg`) and, when `fn` is given, a
 * function `void()` whose body is `ret void` followed by what `fn` writes
 * (debug locations, its METADATA and METADATA_ATTACHMENT blocks).
 */
function withMetadata(moduleMd: (w: BitWriter) => void, fn?: (w: BitWriter) => void): Uint8Array {
  return buildModule((w) => {
    w.unabbrev(T.NumEntry, [2]);
    w.unabbrev(T.Void, []);
    w.unabbrev(T.Function, [0, 0]);
  }, (w) => {
    if (fn) functionRecord(w, 1);
    w.enter(B.METADATA_KIND, 3);
    w.unabbrev(6, [0, ...[...'dbg'].map((c) => c.charCodeAt(0))]);
    w.unabbrev(6, [1, ...[...'note'].map((c) => c.charCodeAt(0))]);
    w.end();
    w.enter(B.METADATA, 4);
    moduleMd(w);
    w.end();
    if (fn) {
      w.enter(B.FUNCTION, 4);
      w.unabbrev(1, [1]);
      w.unabbrev(10, []);
      fn(w);
      w.end();
    }
  });
}

test('malformed metadata is a CgtsError naming the byte offset', () => {
  // A valid case first: one string, a subprogram-like tuple as a scope, a location and an attachment.
  const scope = (w: BitWriter): void => {
    metadataStrings(w, ['f']);
    w.unabbrev(5, [1]); // 1: distinct !{!"f"}
  };
  const text = readAll(withMetadata(scope, (w) => {
    w.unabbrev(35, [7, 3, 2, 0, 0]); // DEBUG_LOC line 7, column 3, scope !1
    w.enter(B.METADATA, 3);
    w.unabbrev(3, [2]); // 2 (local): !{!1}
    w.end();
    w.enter(B.METADATA_ATTACHMENT, 3);
    w.unabbrev(11, [0, 1, 2]); // instruction 0: !note !2
    w.end();
  }));
  assert.match(text, /ret void, !dbg !0, !note !2\n/);
  assert.match(text, /\n!0 = !DILocation\(line: 7, column: 3, scope: !1\)\n!1 = distinct !\{!"f"\}\n!2 = !\{!1\}\n/);
  // Module-level blocks.
  expectError(withMetadata((w) => w.unabbrev(3, [50])), /metadata node 0 refers to metadata 49, which does not exist/);
  expectError(withMetadata((w) => metadataStrings(w, ['abc'], 4, { offset: 100 })), /METADATA_STRINGS offset 100 lies past its blob/);
  expectError(withMetadata((w) => metadataStrings(w, ['abc'], 4, { count: 9 })), /METADATA_STRINGS (lengths end|string \d+ runs past)/);
  expectError(withMetadata((w) => w.unabbrev(10, [0])), /METADATA_NAMED_NODE without a preceding METADATA_NAME/);
  expectError(withMetadata((w) => w.unabbrev(7, [0, 1])), /has 2 operands, fewer than 5/);
  expectError(withMetadata((w) => w.unabbrev(12, [0, 0, 0])), /GenericDINode\) is not supported/);
  expectError(withMetadata((w) => w.unabbrev(36, [7, 0, 0])), /metadata attachment to value 7, which is not a global/);
  expectError(withMetadata((w) => w.unabbrev(2, [0, 99])), /METADATA_VALUE refers to value 99, out of range/);
  // Function-level blocks and records.
  expectError(withMetadata(scope, (w) => w.unabbrev(35, [7, 3, 99, 0, 0])), /debug location 0 has scope 98/);
  expectError(withMetadata(scope, (w) => {
    w.enter(B.METADATA, 3);
    w.unabbrev(3, [9]); // a local node referring to local id 8 of 1
    w.end();
  }), /refers to metadata \d+, which does not exist/);
  expectError(withMetadata(scope, (w) => {
    w.enter(B.METADATA_ATTACHMENT, 3);
    w.unabbrev(11, [5, 0, 1]);
    w.end();
  }), /metadata attachment to instruction 5 of a function with 1/);
  expectError(withMetadata(scope, (w) => {
    w.enter(B.METADATA_ATTACHMENT, 3);
    w.unabbrev(11, [0, 3, 1]);
    w.end();
  }), /metadata attachment of unknown kind 3/);
  expectError(withMetadata(scope, (w) => {
    w.enter(B.METADATA_ATTACHMENT, 3);
    w.unabbrev(11, [0, 0, 1]);
    w.end();
  }), /a !dbg instruction attachment in METADATA_ATTACHMENT/);
  expectError(withMetadata(scope, (w) => w.unabbrev(62, [1, 1, 1, 40])), /debug record before instruction 0 refers to metadata 40/);
});
