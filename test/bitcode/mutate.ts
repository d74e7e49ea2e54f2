// Seeded mutations of bitcode files (byte and bit flips, truncation, splices,
// copied and filled ranges) and the classification of what the reader does
// with them: parsed, rejected with a located CgtsError, or a bug.

import { CgtsError } from '../../src/support/diag.js';
import type { BitcodeApi } from './corpus.js';

/** mulberry32: deterministic 32-bit PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

export const BYTE_OFFSET = /\bbyte \d+|\boffset \d+/;

export type Outcome = { kind: 'ok' } | { kind: 'cgts'; text: string } | { kind: 'bad'; text: string };

export function attempt(api: BitcodeApi, bytes: Uint8Array, name: string): Outcome {
  try {
    api.printModule(api.readModule(bytes, name));
    return { kind: 'ok' };
  } catch (e) {
    if (e instanceof CgtsError) {
      const text = e.describe();
      return BYTE_OFFSET.test(text) ? { kind: 'cgts', text } : { kind: 'bad', text: `CgtsError without a byte offset: ${text}` };
    }
    const err = e instanceof Error ? e : new Error(String(e));
    const frame = err.stack?.split('\n').find((l) => l.includes('/src/'))?.trim() ?? '';
    return { kind: 'bad', text: `${err.name}: ${err.message} ${frame}` };
  }
}

export interface Mutation {
  label: string;
  bytes: Uint8Array;
}

/** Deterministic mutations of `base`; `other` supplies foreign bytes for splices. */
export function* mutations(base: Uint8Array, other: Uint8Array, seed: number, count: number): Generator<Mutation> {
  const rnd = prng(seed);
  const below = (n: number) => (n <= 0 ? 0 : rnd() % n);
  for (let i = 0; i < count; i++) {
    const kind = i % 6;
    let b: Uint8Array;
    let label: string;
    switch (kind) {
      case 0: {
        b = base.slice();
        const flips = 1 + below(4);
        const at: number[] = [];
        for (let k = 0; k < flips; k++) {
          const p = 4 + below(b.length - 4);
          b[p] ^= 1 + below(255);
          at.push(p);
        }
        label = `flip bytes ${at.join(',')}`;
        break;
      }
      case 1: {
        b = base.slice();
        const p = 4 + below(b.length - 4);
        b[p] ^= 1 << below(8);
        label = `flip one bit at byte ${p}`;
        break;
      }
      case 2: {
        const len = 4 + below(base.length - 4);
        b = base.slice(0, len);
        label = `truncate to ${len} bytes`;
        break;
      }
      case 3: {
        const cut = 4 + below(base.length - 4);
        const from = below(other.length);
        b = new Uint8Array(cut + other.length - from);
        b.set(base.subarray(0, cut), 0);
        b.set(other.subarray(from), cut);
        label = `splice: first ${cut} bytes, then other file from ${from}`;
        break;
      }
      case 4: {
        b = base.slice();
        const len = 1 + below(64);
        const src = below(b.length - len);
        const dst = 4 + below(b.length - len - 4);
        b.copyWithin(dst, src, src + len);
        label = `copy ${len} bytes from ${src} to ${dst}`;
        break;
      }
      default: {
        b = base.slice();
        const len = 1 + below(32);
        const at = 4 + below(b.length - len - 4);
        b.fill(rnd() & 1 ? 0 : 0xff, at, at + len);
        label = `fill ${len} bytes at ${at}`;
      }
    }
    yield { label, bytes: b };
  }
}
