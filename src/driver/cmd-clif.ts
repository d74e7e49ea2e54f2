// `cgts clif`: not implemented yet.
import { fail } from '../support/diag.js';

export function run(_args: string[]): number {
  fail('`cgts clif` is not implemented yet');
}
