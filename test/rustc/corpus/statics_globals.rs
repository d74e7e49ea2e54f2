// Statics and globals: `static mut` counters, #[no_mangle] and #[used]
// statics, #[link_section], statics holding references to other statics and
// function pointers (relocated data), const tables, interior mutability in
// statics, large zeroed statics (.bss) and extern "C" #[no_mangle] functions.
use std::ptr::addr_of_mut;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Mutex;

static mut COUNTER: u64 = 0;
static mut BUFFER: [u8; 4096] = [0; 4096];
#[unsafe(no_mangle)]
pub static CGTS_EXPORTED_MAGIC: u32 = 0xC0DE_CAFE;
#[unsafe(no_mangle)]
pub static mut CGTS_EXPORTED_MUT: i64 = -17;
#[used]
static KEEP_ME: [u8; 8] = *b"keep-me!";
#[unsafe(link_section = ".data.cgts_custom")]
static mut IN_SECTION: [u32; 4] = [1, 2, 3, 4];
#[unsafe(link_section = ".rodata.cgts_custom")]
static RO_SECTION: &str = "in a custom read-only section";

static GREETING: &str = "hello from a static";
static NUMBERS: [i32; 5] = [10, -20, 30, -40, 50];
static REF_TO_STATIC: &[i32] = &NUMBERS;
static NESTED: &&&str = &&GREETING;
static POINTERS: [&i32; 3] = [&NUMBERS[4], &NUMBERS[0], &NUMBERS[2]];
static NAMES: [&str; 4] = ["zero", "one", "two", "three"];

fn double(x: i32) -> i32 { x * 2 }
fn negate(x: i32) -> i32 { -x }
fn square(x: i32) -> i32 { x * x }
static OPS: [(&str, fn(i32) -> i32); 3] = [("double", double), ("negate", negate), ("square", square)];

struct Config { name: &'static str, level: u8, ratios: &'static [f32] }
static CONFIGS: [Config; 2] = [Config { name: "fast", level: 1, ratios: &[0.5, 0.25] }, Config { name: "slow", level: 9, ratios: &[] }];

const PRIMES: [u16; 10] = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29];
const fn fib(n: u32) -> u64 { if n < 2 { n as u64 } else { fib(n - 1) + fib(n - 2) } }
static FIB30: u64 = fib(30);
static HITS: AtomicU32 = AtomicU32::new(0);
static LOG: Mutex<Vec<&str>> = Mutex::new(Vec::new());
static mut LINKED: Node = Node { val: 1, next: None };
static TAIL: Node = Node { val: 3, next: None };
static MID: Node = Node { val: 2, next: Some(&TAIL) };
struct Node { val: u32, next: Option<&'static Node> }
static ZEROS: [u64; 20000] = [0; 20000];

#[unsafe(no_mangle)]
pub extern "C" fn cgts_exported_fn(x: u32) -> u32 { x.wrapping_mul(2654435761) }

fn bump() -> u64 { unsafe { COUNTER += 1; COUNTER } }

fn main() {
    for _ in 0..5 { bump(); }
    println!("counter {}", unsafe { COUNTER });
    unsafe {
        let buf = &mut *addr_of_mut!(BUFFER);
        for (i, b) in buf.iter_mut().enumerate() { *b = (i % 251) as u8; }
        println!("buffer sum {}", buf.iter().map(|&b| b as u64).sum::<u64>());
        CGTS_EXPORTED_MUT *= 3;
        println!("exported {:#x} {}", CGTS_EXPORTED_MAGIC, CGTS_EXPORTED_MUT);
        let sec = &mut *addr_of_mut!(IN_SECTION);
        sec[2] += 40;
        println!("section {:?} {}", sec, RO_SECTION);
    }
    println!("used {:?}", std::str::from_utf8(&KEEP_ME).unwrap());
    println!("{} {:?} {:?} {}", GREETING, REF_TO_STATIC, POINTERS, **NESTED);
    println!("{:?}", NAMES.iter().rev().collect::<Vec<_>>());
    for (n, f) in OPS.iter() { println!("{} 7 -> {}", n, f(7)); }
    for c in &CONFIGS { println!("{} {} {:?}", c.name, c.level, c.ratios); }
    println!("primes {:?} sum {} fib30 {}", PRIMES, PRIMES.iter().map(|&p| p as u32).sum::<u32>(), FIB30);
    for w in ["a", "b", "c"] { HITS.fetch_add(1, Ordering::Relaxed); LOG.lock().unwrap().push(w); }
    println!("hits {} log {:?}", HITS.load(Ordering::Relaxed), LOG.lock().unwrap());
    unsafe {
        let l = &mut *addr_of_mut!(LINKED);
        l.next = Some(&MID);
        let mut cur: Option<&Node> = Some(l);
        let mut vals = Vec::new();
        while let Some(n) = cur { vals.push(n.val); cur = n.next; }
        println!("linked {:?}", vals);
    }
    println!("zeros {} {}", ZEROS.len(), ZEROS.iter().all(|&z| z == 0));
    println!("exported fn {}", cgts_exported_fn(12345));
}
