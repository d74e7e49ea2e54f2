// Prints t_live(k) and t_indirect(thrower, k) for a return (k = 0) and three throws.
#include <cstdio>
#include <cstdint>
extern "C" int64_t t_live(int64_t);
extern "C" int64_t t_indirect(int64_t (*)(int64_t), int64_t);
extern "C" int64_t thrower(int64_t k) {
  if (k == 1) throw 42;
  if (k == 2) throw "str";
  if (k == 3) throw 2.5;
  return 10 + k;
}
int main() {
  for (int k = 0; k < 4; k++) printf("%lld\n", (long long)t_live(k));
  for (int k = 0; k < 4; k++) printf("%lld\n", (long long)t_indirect(thrower, k));
  return 0;
}
