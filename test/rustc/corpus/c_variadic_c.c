/* C side of c_variadic.rs: calls the Rust C-variadic functions (the caller
   sets al to the number of vector registers), and a C variadic function
   and a va_list consumer the Rust side calls. */
#include <stdarg.h>
#include <stdint.h>

double rs_mixed(int n, ...);
long long rs_ints(int n, ...);
long long rs_copy(int n, ...);
double rs_fixed_many(long a, long b, long c, long d, long e, long f, long g, double x, ...);

long long c_calls_rust(void) {
  long long acc = 0;
  acc += (long long)(rs_mixed(4, 0, 11, 2, 0.5, 1, 123456789012LL, 2, -7.25) * 4);
  acc = acc * 31 + rs_ints(9, 1LL, 2LL, 3LL, 4LL, 5LL, 6LL, 7LL, 8LL, 9LL);
  acc = acc * 31 + rs_copy(5, 10LL, 20LL, 30LL, 40LL, 50LL);
  acc = acc * 31 + (long long)rs_fixed_many(1, 2, 3, 4, 5, 6, 7, 0.5, 8L, 1.5, 9L, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10L);
  int64_t v = 77;
  acc = acc * 31 + (long long)rs_mixed(2, 3, &v, 0, -4);
  return acc;
}

/* sum of n (long long, double) pairs weighted by position */
double c_weighted(int n, ...) {
  va_list ap;
  va_start(ap, n);
  double s = 0;
  for (int k = 0; k < n; k++) {
    long long i = va_arg(ap, long long);
    double d = va_arg(ap, double);
    s = s * 2 + (double)i + d;
  }
  va_end(ap);
  return s;
}

/* reads n ints from a va_list a Rust variadic function passes on */
long long c_vlist(int n, va_list ap) {
  long long s = 0;
  for (int k = 0; k < n; k++) s = s * 10 + va_arg(ap, int);
  return s;
}
