// Calls each landing-pad function with a return (0) and three C++ throws.

#include <cstdio>
#include <cstdint>
extern "C" int64_t t_cleanup(int64_t), t_catchall(int64_t), t_types(int64_t), t_filter(int64_t);
extern "C" int64_t thrower(int64_t k) {
  if (k == 1) throw 42;
  if (k == 2) throw "str";
  if (k == 3) throw 2.5;
  return 10 + k;
}
extern "C" void note(int64_t v) { printf("  note %lld\n", (long long)v); }
int main() {
  int64_t (*fs[])(int64_t) = {t_cleanup, t_catchall, t_types, t_filter};
  const char *names[] = {"cleanup", "catchall", "types", "filter"};
  for (int f = 0; f < 4; f++)
    for (int k = 0; k < 4; k++) {
      printf("%s(%d): ", names[f], k);
      fflush(stdout);
      try { printf("%lld\n", (long long)fs[f](k)); }
      catch (int e) { printf("outer int %d\n", e); }
      catch (const char *e) { printf("outer str %s\n", e); }
      catch (...) { printf("outer other\n"); }
    }
  return 0;
}
