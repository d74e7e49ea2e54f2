// The object cache: compiled objects kept by the content hash of the bitcode
// they came from, so an unchanged module (a codegen unit rustc's incremental
// mode hands over again, a crate rebuilt without changes) is not compiled
// twice. Keyed by the bitcode bytes, the options that change the object, and
// a hash of cgts's own compiled code, so a changed cgts never reuses objects
// an older one wrote. Entries are written to a temporary name and renamed,
// so concurrent builds (cargo runs several rustc at once) never see half a
// file; a lost race only means the same object is written twice. Above its
// size limit the least recently used entries are removed. A link's inputs
// can be hard links to entries (linkFolder, linkEntry): no copy is written,
// and an entry removed or replaced meanwhile leaves the link's file intact.

import { createHash } from 'node:crypto';
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../support/version.js';

/** Bumped when the layout of the cache or of a key changes. */
const FORMAT = 1;

/** The cache's folder of link folders (beside the two-hex-digit buckets of entries). */
const LINKS = 'links';

/** A temporary file or link folder older than this belongs to a process that died before removing it. */
const STALE_MS = 3600_000;

/** Removes the link folders under `dir` their processes left (see STALE_MS). */
function removeStaleLinkFolders(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    try {
      if (Date.now() - statSync(join(dir, n)).mtimeMs > STALE_MS) rmSync(join(dir, n), { recursive: true, force: true });
    } catch {
      // removed meanwhile
    }
  }
}

let codeHash = '';

/**
 * A hash of cgts's compiled sources (every .js file under dist/src), computed
 * once per process, or once per build: `cargo cgts` computes it and hands it
 * to every wrapper and shim as CGTS_CODE_HASH.
 */
export function cgtsCodeHash(): string {
  if (codeHash) return codeHash;
  if (process.env.CGTS_CODE_HASH) return (codeHash = process.env.CGTS_CODE_HASH);
  const h = createHash('sha256');
  const root = dirname(dirname(fileURLToPath(import.meta.url))); // dist/src (or src under tsx)
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.js') || name.endsWith('.ts')) {
        h.update(name);
        h.update(readFileSync(p));
      }
    }
  };
  walk(root);
  codeHash = h.digest('hex');
  return codeHash;
}

export interface CacheStats {
  hits: number;
  misses: number;
}

export class ObjectCache {
  readonly stats: CacheStats = { hits: 0, misses: 0 };
  private wrote = false;
  /** bucket folders this process has made or seen (a put makes its folder once, not per object) */
  private readonly buckets = new Set<string>();

  /**
   * The cache's size as the last trim found it plus what this process has
   * written since (-1 before the first trim), so that a long-lived process
   * (the compile server) scans the folder only when the limit may be passed.
   * Other processes' writes are counted at the next scan: the limit is soft.
   */
  private size = -1;

  /** `dir` is made on first write; `maxBytes` is the size the cache is trimmed to. */
  constructor(readonly dir: string, readonly maxBytes: number) {}

  /** The key of a module's object: its bytes, the compile options that shape the object, cgts's code. */
  key(bytes: Uint8Array, options: string): string {
    return createHash('sha256').update(`cgts ${VERSION} cache ${FORMAT} ${cgtsCodeHash()} ${options}\n`).update(bytes).digest('hex');
  }

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), key.slice(2) + '.o');
  }

  /** The cached object, or null; a hit marks the entry as recently used. */
  get(key: string): Uint8Array | null {
    const p = this.path(key);
    let bytes: Buffer;
    try {
      bytes = readFileSync(p);
    } catch {
      this.stats.misses++;
      return null;
    }
    this.stats.hits++;
    try {
      const now = new Date();
      utimesSync(p, now, now);
    } catch {
      // removed meanwhile by a trim in another process: the bytes are already read
    }
    return bytes;
  }

  /**
   * A new private folder on the cache's file system (under `links/`) for a
   * link's inputs, or null when it cannot be made. The caller removes it;
   * trim removes one left for an hour (its process died).
   */
  linkFolder(): string | null {
    try {
      mkdirSync(join(this.dir, LINKS), { recursive: true });
      return mkdtempSync(join(this.dir, LINKS, 'cgts-link-'));
    } catch {
      return null;
    }
  }

  /** Makes `dest` a hard link to the entry of `key`; false when it cannot (no entry, another file system). */
  linkEntry(key: string, dest: string): boolean {
    try {
      linkSync(this.path(key), dest);
      return true;
    } catch {
      return false;
    }
  }

  /** Stores an object; a cache that cannot be written is skipped silently (it only costs time). Returns whether it was stored. */
  put(key: string, object: Uint8Array): boolean {
    const p = this.path(key);
    const bucket = dirname(p);
    const tmp = `${p}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    // A bucket this process made may be gone since (cargo clean beside a daemon): after a failure it is made again, once.
    const stored = this.store(bucket, tmp, p, object) || (this.buckets.delete(bucket) && this.store(bucket, tmp, p, object));
    if (stored) {
      this.wrote = true;
      if (this.size >= 0) this.size += object.byteLength;
    }
    return stored;
  }

  /** Writes `object` to `tmp` in `bucket` (made if this process has not made it) and renames it to `p`; false when that fails. */
  private store(bucket: string, tmp: string, p: string, object: Uint8Array): boolean {
    try {
      if (!this.buckets.has(bucket)) {
        mkdirSync(bucket, { recursive: true });
        this.buckets.add(bucket);
      }
      writeFileSync(tmp, object);
      renameSync(tmp, p);
      return true;
    } catch {
      try {
        rmSync(tmp, { force: true });
      } catch {
        // the folder itself could not be made: nothing was written
      }
      return false;
    }
  }

  /** Removes the least recently used entries while the cache is over its limit (only after this process wrote). */
  trim(): void {
    if (!this.wrote || (this.size >= 0 && this.size <= this.maxBytes)) return;
    const entries: { path: string; size: number; used: number }[] = [];
    let total = 0;
    let buckets: string[];
    try {
      buckets = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const b of buckets) {
      if (b === LINKS) {
        removeStaleLinkFolders(join(this.dir, LINKS));
        continue;
      }
      if (!/^[0-9a-f]{2}$/.test(b)) continue;
      let names: string[];
      try {
        names = readdirSync(join(this.dir, b));
      } catch {
        continue;
      }
      for (const n of names) {
        const p = join(this.dir, b, n);
        try {
          const s = statSync(p);
          if (n.endsWith('.tmp')) {
            if (Date.now() - s.mtimeMs > STALE_MS) rmSync(p, { force: true });
            continue;
          }
          entries.push({ path: p, size: s.size, used: s.mtimeMs });
          total += s.size;
        } catch {
          // removed meanwhile
        }
      }
    }
    if (total > this.maxBytes) {
      entries.sort((a, b) => a.used - b.used);
      const target = this.maxBytes * 0.8;
      for (const e of entries) {
        if (total <= target) break;
        rmSync(e.path, { force: true });
        total -= e.size;
      }
    }
    this.size = total;
  }
}

/** The cache the environment asks for (CGTS_CACHE_DIR, CGTS_CACHE_MAX_MB), or null. */
export function cacheFromEnv(env: NodeJS.ProcessEnv): ObjectCache | null {
  const dir = env.CGTS_CACHE_DIR;
  if (!dir) return null;
  const mb = env.CGTS_CACHE_MAX_MB ? Number(env.CGTS_CACHE_MAX_MB) : 2048;
  if (!(mb > 0)) return null;
  return new ObjectCache(dir, mb * 1024 * 1024);
}
