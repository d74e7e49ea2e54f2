// main returning Err: the error's Debug form is printed to stderr as
// "Error: ...", locals are dropped first, and the exit status is 1; the `?`
// operator converts through From along the way.
use std::fmt;
use std::num::ParseIntError;

#[derive(Debug)]
enum AppError { Parse(ParseIntError), Range { value: i64, max: i64 } }
impl From<ParseIntError> for AppError { fn from(e: ParseIntError) -> Self { AppError::Parse(e) } }
impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { write!(f, "app error") }
}

struct Cleanup;
impl Drop for Cleanup { fn drop(&mut self) { println!("cleanup ran"); } }

fn parse_all(items: &[&str], max: i64) -> Result<Vec<i64>, AppError> {
    let mut out = Vec::new();
    for s in items {
        let v: i64 = s.trim().parse()?;
        if v > max { return Err(AppError::Range { value: v, max }); }
        out.push(v);
    }
    Ok(out)
}

fn main() -> Result<(), AppError> {
    let _c = Cleanup;
    println!("{:?}", parse_all(&["1", " 2", "3 "], 10));
    println!("{:?}", parse_all(&["1", "x"], 10).map_err(|e| e.to_string()));
    let ok = parse_all(&["4", "5"], 10)?;
    println!("ok {:?}", ok);
    let bad = parse_all(&["7", "99", "1"], 50)?;
    println!("unreachable {:?}", bad);
    Ok(())
}
