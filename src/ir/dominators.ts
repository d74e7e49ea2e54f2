// Immediate dominators of a CFG given as compressed predecessor lists, for
// the verifier's dominance checks and the code generator's block order.

/**
 * Cooper, Harvey and Kennedy's iteration to a fixed point. `rpo` holds the
 * `n` reachable blocks in reverse post-order (the entry first), `rpoNum`
 * each one's index there, and the predecessors of block b are
 * preds[predStart[b] .. predStart[b + 1]) (reachable ones only). On return
 * idom[b] is b's immediate dominator (the entry's is itself); entries of
 * other blocks are left as they were, and must not be >= 0 on entry.
 */
export function immediateDominators(rpo: Int32Array, n: number, rpoNum: Int32Array, predStart: Int32Array, preds: Int32Array, idom: Int32Array): void {
  if (n === 0) return;
  idom[rpo[0]] = rpo[0];
  for (let changed = true; changed;) {
    changed = false;
    for (let j = 1; j < n; j++) {
      const b = rpo[j];
      let d = -1;
      for (let p = predStart[b]; p < predStart[b + 1]; p++) {
        let x = preds[p];
        if (idom[x] < 0) continue;
        if (d < 0) {
          d = x;
          continue;
        }
        while (x !== d) {
          while (rpoNum[x] > rpoNum[d]) x = idom[x];
          while (rpoNum[d] > rpoNum[x]) d = idom[d];
        }
      }
      if (d !== idom[b]) {
        idom[b] = d;
        changed = true;
      }
    }
  }
}
