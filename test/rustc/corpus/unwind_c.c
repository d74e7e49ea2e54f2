/* C side of unwind_through_c.rs: calls a Rust callback for each element;
 * when the callback panics the unwind passes through this frame (built with
 * unwind tables, as gcc does by default on x86-64). */
#include <stdint.h>

int64_t c_apply_all(int64_t (*cb)(int64_t), const int64_t *xs, int n) {
    volatile int64_t acc = 0;
    for (int i = 0; i < n; i++) acc += cb(xs[i]);
    return acc;
}
