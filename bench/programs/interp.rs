// A bytecode interpreter loop: a stack machine with a large match on the
// opcode running nested counting loops and arithmetic. Prints the results.
#[derive(Clone, Copy)]
enum Op { Push(i64), Load(u8), Store(u8), Add, Sub, Mul, Rem, Lt, Jz(u32), Jmp(u32), Dup, Pop, Print, Halt }

fn run(code: &[Op], out: &mut Vec<i64>) -> u64 {
    let mut stack: Vec<i64> = Vec::with_capacity(64);
    let mut vars = [0i64; 8];
    let mut pc = 0usize;
    let mut steps = 0u64;
    loop {
        steps += 1;
        let op = code[pc];
        pc += 1;
        match op {
            Op::Push(v) => stack.push(v),
            Op::Load(i) => stack.push(vars[i as usize]),
            Op::Store(i) => vars[i as usize] = stack.pop().unwrap(),
            Op::Add => { let b = stack.pop().unwrap(); let a = stack.pop().unwrap(); stack.push(a.wrapping_add(b)); }
            Op::Sub => { let b = stack.pop().unwrap(); let a = stack.pop().unwrap(); stack.push(a.wrapping_sub(b)); }
            Op::Mul => { let b = stack.pop().unwrap(); let a = stack.pop().unwrap(); stack.push(a.wrapping_mul(b)); }
            Op::Rem => { let b = stack.pop().unwrap(); let a = stack.pop().unwrap(); stack.push(a % b); }
            Op::Lt => { let b = stack.pop().unwrap(); let a = stack.pop().unwrap(); stack.push((a < b) as i64); }
            Op::Jz(t) => { if stack.pop().unwrap() == 0 { pc = t as usize; } }
            Op::Jmp(t) => pc = t as usize,
            Op::Dup => { let a = *stack.last().unwrap(); stack.push(a); }
            Op::Pop => { stack.pop(); }
            Op::Print => out.push(*stack.last().unwrap()),
            Op::Halt => return steps,
        }
    }
}

fn main() {
    // i = 0; acc = 1; while i < N { acc = (acc * 31 + i) % 1000003; i = i + 1 } print acc
    use Op::*;
    let n = 3_000_000;
    let code = [
        Push(0), Store(0), Push(1), Store(1),
        Load(0), Push(n), Lt, Jz(23),
        Load(1), Push(31), Mul, Load(0), Add, Push(1000003), Rem, Store(1),
        Load(0), Push(1), Add, Store(0), Jmp(4), Halt, Halt,
        Load(1), Print, Pop, Halt,
    ];
    let mut out = Vec::new();
    let steps = run(&code, &mut out);
    println!("result {:?} steps {}", out, steps);
}
