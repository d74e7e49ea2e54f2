// `cgts compile`: not implemented yet.
import { fail } from '../support/diag.js';

export function run(_args: string[]): number {
  fail('`cgts compile` is not implemented yet');
}
