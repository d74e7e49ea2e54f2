// Standard streams: a large amount of output through a BufWriter on a
// locked stdout (more than a pipe holds, so the reader must keep draining),
// write!/writeln! on io::Write, explicit flushes, print! without a newline
// at the end, eprint! to stderr, and reading stdin (empty) to EOF.
use std::io::{self, BufWriter, Read, Write};

fn main() -> io::Result<()> {
    let mut input = String::new();
    let n = io::stdin().read_to_string(&mut input)?;
    println!("stdin gave {} bytes", n);
    let mut h: u64 = 0xcbf29ce484222325;
    {
        let out = io::stdout();
        let mut w = BufWriter::with_capacity(8192, out.lock());
        for i in 0..3_000u64 {
            let line = format!("{:05} {:016x} {}\n", i, i.wrapping_mul(0x9E3779B97F4A7C15), "x".repeat((i % 7) as usize));
            for b in line.bytes() { h ^= b as u64; h = h.wrapping_mul(0x100000001b3); }
            w.write_all(line.as_bytes())?;
        }
        writeln!(w, "checksum {:016x}", h)?;
        w.flush()?;
    }
    let mut e = io::stderr().lock();
    writeln!(e, "stderr: {} lines written", 3_000)?;
    eprint!("stderr without newline");
    let mut so = io::stdout().lock();
    write!(so, "partial ")?;
    so.flush()?;
    print!("end without newline");
    Ok(())
}
