// std::process::abort(): stdout written before it appears, no destructor
// runs, no panic message is printed, and the process dies by SIGABRT.
struct Never;
impl Drop for Never { fn drop(&mut self) { println!("BUG: drop ran"); } }

fn main() {
    let _n = Never;
    let v: Vec<u32> = (1..=5).map(|x| x * x).collect();
    println!("squares {:?}", v);
    if v.iter().sum::<u32>() == 55 { std::process::abort(); }
    println!("unreachable");
}
