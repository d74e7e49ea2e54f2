// Runs each CLIF variadic call next to the same call made by C and compares the text.
#include <stdio.h>
#include <string.h>
#include <stdint.h>
#include <float.h>
int fmt_many(char *buf, size_t n, const char *fmt, int x);
int print_ints(const char *fmt, int a, long long b);
int fmt_indirect(void *fn, char *buf, size_t n, const char *fmt, double d, int i);
int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  const char *fmt = "%g %d %g %.17g %llx %g %g %g %d %g %.17g %g %lld %g %d %d";
  char a[512], b[512];
  int fails = 0;
  for (int x = -3; x <= 3; x += 3) {
    int ra = fmt_many(a, sizeof a, fmt, x);
    int rb = snprintf(b, sizeof b, fmt, 1.5, -7, -10.0, 3.141592653589793, 0x123456789abcLL, 0.125, 10000.0, -1.0, 2147483647,
                      42.0, DBL_MAX, 4.9406564584124654e-324, -9000000000LL, (double)x, x + 11, x);
    printf("%s\n", a);
    if (ra != rb || strcmp(a, b) != 0) { printf("MISMATCH\n%s\n", b); fails++; }
  }
  int r = print_ints("ints %d %lld\n", -5, 1LL << 40);
  if (r != (int)strlen("ints -5 1099511627776\n")) fails++;
  int ri = fmt_indirect((void *)snprintf, a, sizeof a, "%.3f|%d|%.3f", 2.75, 9);
  snprintf(b, sizeof b, "%.3f|%d|%.3f", 2.75, 9, -2.75);
  printf("%s\n", a);
  if (ri != (int)strlen(b) || strcmp(a, b) != 0) { printf("MISMATCH\n%s\n", b); fails++; }
  return fails;
}
