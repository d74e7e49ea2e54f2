// `cgts dis`: not implemented yet.
import { fail } from '../support/diag.js';

export function run(_args: string[]): number {
  fail('`cgts dis` is not implemented yet');
}
