// Calls each CLIF function through rs_catch (std::panic::catch_unwind) with
// an argument that returns and one that makes rs_may_panic panic.
#include <stdio.h>
#include <stdint.h>
typedef int64_t (*fnp)(int64_t);
int64_t rs_catch(fnp f, int64_t x);
int64_t guarded_rs(int64_t), filtered_rs(int64_t), catchall_rs(int64_t);
void note(int64_t v) { printf("note %lld\n", (long long)v); }
int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IONBF, 0);
  fnp f = argv[1][0] == 'g' ? guarded_rs : argv[1][0] == 'f' ? filtered_rs : catchall_rs;
  printf("%lld\n", (long long)rs_catch(f, 5));
  printf("%lld\n", (long long)rs_catch(f, 7));
  return 0;
}
