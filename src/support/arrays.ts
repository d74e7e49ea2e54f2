// Growing the typed-array columns that dense tables keep their data in.

/** A copy of `a` in a new Int32Array of `length` elements (not fewer than a's). */
export function resizedI32(a: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(length);
  b.set(a);
  return b;
}

/** A copy of `a` with room for index `need`, at least twice as long, for a column that is full. */
export function grownI32(a: Int32Array, need: number): Int32Array<ArrayBuffer> {
  return resizedI32(a, Math.max(need + 1, a.length * 2));
}
