// Large matches that lower to `switch`: dense and sparse integer cases on u8,
// i8, u16, i32, u64 and char, range arms, or-patterns, string matches, and a
// keyword table; results folded into checksums over every input value.
fn dense_u8(x: u8) -> u32 {
    match x {
        0 => 11, 1 => 23, 2 => 5, 3 => 99, 4 => 1000, 5 => 7, 6 => 64, 7 => 3, 8 => 81, 9 => 2,
        10 => 17, 11 => 19, 12 => 29, 13 => 31, 14 => 37, 15 => 41, 16 => 43, 17 => 47, 18 => 53, 19 => 59,
        20..=29 => 100 + x as u32, 30 | 32 | 34 => 300, 31 | 33 | 35 => 301,
        b'A'..=b'Z' => 500 + (x - b'A') as u32, b'a'..=b'z' => 600 + (x - b'a') as u32,
        200..=255 => 9999, _ => 1,
    }
}

fn sparse_u64(x: u64) -> i32 {
    match x {
        0 => 0, 1 => 1, 1000 => 2, 65535 => 3, 65536 => 4, 0xFFFF_FFFF => 5, 0x1_0000_0000 => 6,
        0x100_0000_0000 => 7, 0x8000_0000_0000_0000 => 8, u64::MAX => 9, 12345678901234 => 10, 7 => 11, 8 => 12, 9 => 13, _ => -1,
    }
}

fn signed_i8(x: i8) -> &'static str {
    match x {
        i8::MIN => "min", -127..=-100 => "very negative", -99..=-1 => "negative", 0 => "zero",
        1 | 2 | 3 => "small", 4..=63 => "medium", 64..=126 => "large", i8::MAX => "max",
    }
}

fn i32_cases(x: i32) -> i32 {
    match x {
        -5 => 50, -4 => 40, -3 => 30, -2 => 20, -1 => 10, 0 => 0, 1 => -10, 2 => -20, 3 => -30, 4 => -40, 5 => -50,
        100 => 1, 200 => 2, 300 => 3, 400 => 4, 500 => 5, 600 => 6, 700 => 7, 800 => 8, 900 => 9,
        i32::MIN => 77, i32::MAX => 88, _ => x % 7,
    }
}

fn u16_table(x: u16) -> u16 {
    match x {
        0x0000..=0x007F => 1, 0x0080..=0x07FF => 2, 0xD800..=0xDFFF => 0, 0x0800..=0xFFFF => 3,
    }
}

fn char_kind(c: char) -> u8 {
    match c {
        'a' | 'e' | 'i' | 'o' | 'u' => 1, 'y' => 2, 'b'..='z' => 3, 'A'..='Z' => 4, '0'..='9' => 5,
        ' ' | '\t' | '\n' => 6, '\u{80}'..='\u{7FF}' => 7, '\u{1F600}'..='\u{1F64F}' => 8, _ => 9,
    }
}

fn keyword(s: &str) -> Option<u8> {
    Some(match s {
        "as" => 1, "break" => 2, "const" => 3, "continue" => 4, "crate" => 5, "else" => 6, "enum" => 7, "extern" => 8,
        "false" => 9, "fn" => 10, "for" => 11, "if" => 12, "impl" => 13, "in" => 14, "let" => 15, "loop" => 16,
        "match" => 17, "mod" => 18, "move" => 19, "mut" => 20, "pub" => 21, "ref" => 22, "return" => 23,
        "self" => 24, "static" => 25, "struct" => 26, "super" => 27, "trait" => 28, "true" => 29, "type" => 30,
        "unsafe" => 31, "use" => 32, "where" => 33, "while" => 34, _ => return None,
    })
}

#[derive(Clone, Copy, Debug)]
enum Op { Nop, Push(i64), Pop, Add, Sub, Mul, Div, Dup, Swap, Jz(usize), Jmp(usize), Print, Halt }

fn run(prog: &[Op]) -> Vec<i64> {
    let (mut st, mut pc, mut out) = (Vec::new(), 0usize, Vec::new());
    let mut steps = 0;
    while pc < prog.len() && steps < 10_000 {
        steps += 1;
        pc += 1;
        match prog[pc - 1] {
            Op::Nop => {}
            Op::Push(v) => st.push(v),
            Op::Pop => { st.pop(); }
            Op::Add => { let b = st.pop().unwrap(); let a = st.pop().unwrap(); st.push(a + b); }
            Op::Sub => { let b = st.pop().unwrap(); let a = st.pop().unwrap(); st.push(a - b); }
            Op::Mul => { let b = st.pop().unwrap(); let a = st.pop().unwrap(); st.push(a * b); }
            Op::Div => { let b = st.pop().unwrap(); let a = st.pop().unwrap(); st.push(a / b); }
            Op::Dup => { let a = *st.last().unwrap(); st.push(a); }
            Op::Swap => { let n = st.len(); st.swap(n - 1, n - 2); }
            Op::Jz(t) => { if st.pop().unwrap() == 0 { pc = t; } }
            Op::Jmp(t) => pc = t,
            Op::Print => out.push(*st.last().unwrap()),
            Op::Halt => break,
        }
    }
    out
}

fn main() {
    let s: u64 = (0..=255u8).map(|x| dense_u8(x) as u64 * (x as u64 + 1)).sum();
    println!("dense_u8 checksum {}", s);
    println!("{:?}", (0..=255u8).step_by(17).map(dense_u8).collect::<Vec<_>>());
    let probes = [0u64, 1, 7, 8, 9, 10, 1000, 65535, 65536, 0xFFFF_FFFF, 0x1_0000_0000, 1 << 40, 1 << 63, u64::MAX, 12345678901234, 42];
    println!("{:?}", probes.iter().map(|&x| sparse_u64(x)).collect::<Vec<_>>());
    let mut counts = std::collections::BTreeMap::new();
    for x in i8::MIN..=i8::MAX { *counts.entry(signed_i8(x)).or_insert(0) += 1; }
    println!("{:?}", counts);
    let t: i64 = (-1000..=1000).map(|x| i32_cases(x) as i64).sum::<i64>() + i32_cases(i32::MIN) as i64 + i32_cases(i32::MAX) as i64;
    println!("i32 sum {}", t);
    let mut u = [0u32; 4];
    for x in 0..=u16::MAX { u[u16_table(x) as usize] += 1; }
    println!("u16 table {:?}", u);
    let text = "The quick brown fox 🦊 jumps over 13 lazy dogs ü ñ 😀!";
    println!("{:?}", text.chars().map(char_kind).collect::<Vec<_>>());
    let src = "pub fn main ( ) { let mut x = match y { _ => return } ; while true { break } } impl trait for";
    println!("{:?}", src.split(' ').filter_map(keyword).collect::<Vec<_>>());
    // countdown: push 10; loop: print; push 1; sub; dup; jz end; jmp loop; end: halt
    let prog = [Op::Push(10), Op::Print, Op::Push(1), Op::Sub, Op::Dup, Op::Jz(7), Op::Jmp(1), Op::Push(6), Op::Push(7), Op::Mul, Op::Print, Op::Push(5), Op::Swap, Op::Div, Op::Print, Op::Pop, Op::Nop, Op::Halt, Op::Print];
    println!("{:?}", run(&prog));
}
