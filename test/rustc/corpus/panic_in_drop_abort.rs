// A destructor that panics while the thread is already unwinding: the
// runtime aborts the process (SIGABRT) after printing both panic messages;
// values dropped before the second panic print first.
struct Bomb(u32);
impl Drop for Bomb {
    fn drop(&mut self) {
        println!("dropping bomb {}", self.0);
        if std::thread::panicking() && self.0 == 2 {
            panic!("bomb {} exploded during unwinding", self.0);
        }
    }
}

fn work() {
    let _b1 = Bomb(1);
    let _b2 = Bomb(2);
    let _b3 = Bomb(3);
    println!("about to fail");
    let v: Vec<i32> = Vec::new();
    println!("{}", v.iter().max().expect("empty vector"));
}

fn main() {
    let _outer = Bomb(0);
    let ok = std::panic::catch_unwind(|| { let _b = Bomb(9); 5 });
    println!("first part ok {:?}", ok.is_ok());
    work();
    println!("never printed");
}
