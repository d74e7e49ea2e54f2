// A compile worker thread of compile-pool.ts: receives `{ id, bytes, name,
// emitClif }`, compiles the module with cgts's pipeline (or the module named
// in workerData.compilerModule) and answers `{ id, object, clif, times }` or
// `{ id, error }`.

import { parentPort, workerData } from 'node:worker_threads';
import { loadCompiler, toWire } from './compile-pool.js';

const port = parentPort;
if (!port) throw new Error('compile-worker.js runs only as a worker thread');
const compile = await loadCompiler((workerData as { compilerModule: string }).compilerModule || undefined);

port.on('message', (m: { id: number; bytes: Uint8Array; name: string; emitClif: boolean }) => {
  try {
    const timers = new Map<string, number>();
    const r = compile(m.bytes, m.name, { emitClif: m.emitClif, timers });
    const obj = r.object;
    const whole = obj.byteOffset === 0 && obj.byteLength === obj.buffer.byteLength && obj.buffer instanceof ArrayBuffer;
    port.postMessage({ id: m.id, object: obj, clif: r.clif, times: Object.fromEntries(timers) }, whole ? [obj.buffer as ArrayBuffer] : []);
  } catch (e) {
    port.postMessage({ id: m.id, error: toWire(e) });
  }
});
