// Binary trees (the Benchmarks Game kernel): allocation-heavy recursion with
// Box, drop of deep structures. Prints the check values per depth.
struct Tree { l: Option<Box<Tree>>, r: Option<Box<Tree>> }

fn make(d: u32) -> Box<Tree> {
    if d == 0 { Box::new(Tree { l: None, r: None }) } else { Box::new(Tree { l: Some(make(d - 1)), r: Some(make(d - 1)) }) }
}

fn check(t: &Tree) -> u32 {
    1 + t.l.as_ref().map_or(0, |l| check(l)) + t.r.as_ref().map_or(0, |r| check(r))
}

fn main() {
    let max_depth = 16;
    let long_lived = make(max_depth);
    let mut d = 4;
    while d <= max_depth {
        let iters = 1 << (max_depth - d + 4);
        let mut chk = 0;
        for _ in 0..iters { chk += check(&make(d)); }
        println!("{}\t trees of depth {}\t check: {}", iters, d, chk);
        d += 2;
    }
    println!("long lived tree of depth {}\t check: {}", max_depth, check(&long_lived));
}
