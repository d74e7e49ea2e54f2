// A hand-written JSON value type, parser and printers (compact and pretty)
// over a generated document: recursive enums, Box/Vec/BTreeMap, string
// escapes and \u sequences, number parsing and formatting; the document is
// printed, re-parsed and compared, and errors carry byte positions.
use std::collections::BTreeMap;
use std::fmt::Write;

#[derive(Debug, Clone, PartialEq)]
enum Json { Null, Bool(bool), Num(f64), Str(String), Arr(Vec<Json>), Obj(BTreeMap<String, Json>) }

struct P<'a> { s: &'a [u8], i: usize }
impl<'a> P<'a> {
    fn err<T>(&self, what: &str) -> Result<T, String> { Err(format!("{} at byte {}", what, self.i)) }
    fn ws(&mut self) { while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\n' | b'\t' | b'\r') { self.i += 1; } }
    fn eat(&mut self, c: u8) -> Result<(), String> { self.ws(); if self.s.get(self.i) == Some(&c) { self.i += 1; Ok(()) } else { self.err(&format!("expected '{}'", c as char)) } }
    fn value(&mut self) -> Result<Json, String> {
        self.ws();
        match self.s.get(self.i) {
            None => self.err("unexpected end"),
            Some(b'n') => self.lit("null", Json::Null),
            Some(b't') => self.lit("true", Json::Bool(true)),
            Some(b'f') => self.lit("false", Json::Bool(false)),
            Some(b'"') => Ok(Json::Str(self.string()?)),
            Some(b'[') => {
                self.i += 1;
                let mut v = Vec::new();
                self.ws();
                if self.s.get(self.i) == Some(&b']') { self.i += 1; return Ok(Json::Arr(v)); }
                loop { v.push(self.value()?); self.ws(); match self.s.get(self.i) { Some(b',') => self.i += 1, Some(b']') => { self.i += 1; return Ok(Json::Arr(v)); } _ => return self.err("expected ',' or ']'") } }
            }
            Some(b'{') => {
                self.i += 1;
                let mut m = BTreeMap::new();
                self.ws();
                if self.s.get(self.i) == Some(&b'}') { self.i += 1; return Ok(Json::Obj(m)); }
                loop {
                    self.ws();
                    let k = self.string()?;
                    self.eat(b':')?;
                    m.insert(k, self.value()?);
                    self.ws();
                    match self.s.get(self.i) { Some(b',') => self.i += 1, Some(b'}') => { self.i += 1; return Ok(Json::Obj(m)); } _ => return self.err("expected ',' or '}'") }
                }
            }
            Some(c) if *c == b'-' || c.is_ascii_digit() => {
                let st = self.i;
                while self.i < self.s.len() && matches!(self.s[self.i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') { self.i += 1; }
                let t = std::str::from_utf8(&self.s[st..self.i]).unwrap();
                t.parse::<f64>().map(Json::Num).map_err(|e| format!("bad number {:?}: {}", t, e))
            }
            Some(_) => self.err("unexpected character"),
        }
    }
    fn lit(&mut self, w: &str, v: Json) -> Result<Json, String> { if self.s[self.i..].starts_with(w.as_bytes()) { self.i += w.len(); Ok(v) } else { self.err("bad literal") } }
    fn string(&mut self) -> Result<String, String> {
        if self.s.get(self.i) != Some(&b'"') { return self.err("expected string"); }
        self.i += 1;
        let mut out = String::new();
        loop {
            let Some(&c) = self.s.get(self.i) else { return self.err("unterminated string") };
            self.i += 1;
            match c {
                b'"' => return Ok(out),
                b'\\' => {
                    let e = self.s.get(self.i).copied();
                    self.i += 1;
                    match e {
                        Some(b'n') => out.push('\n'), Some(b't') => out.push('\t'), Some(b'"') => out.push('"'), Some(b'\\') => out.push('\\'), Some(b'/') => out.push('/'),
                        Some(b'u') => {
                            let h = std::str::from_utf8(&self.s[self.i..self.i + 4]).map_err(|e| e.to_string())?;
                            self.i += 4;
                            out.push(char::from_u32(u32::from_str_radix(h, 16).map_err(|e| e.to_string())?).unwrap_or('\u{fffd}'));
                        }
                        _ => return self.err("bad escape"),
                    }
                }
                _ => {
                    let st = self.i - 1;
                    let len = match c { 0..=0x7f => 1, 0xc0..=0xdf => 2, 0xe0..=0xef => 3, _ => 4 };
                    self.i = st + len;
                    out.push_str(std::str::from_utf8(&self.s[st..st + len]).map_err(|e| e.to_string())?);
                }
            }
        }
    }
}

fn esc(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c { '"' => out.push_str("\\\""), '\\' => out.push_str("\\\\"), '\n' => out.push_str("\\n"), '\t' => out.push_str("\\t"), c if (c as u32) < 0x20 => { write!(out, "\\u{:04x}", c as u32).unwrap(); } c => out.push(c) }
    }
    out.push('"');
}

fn compact(j: &Json, out: &mut String) {
    match j {
        Json::Null => out.push_str("null"), Json::Bool(b) => write!(out, "{}", b).unwrap(), Json::Num(n) => write!(out, "{}", n).unwrap(), Json::Str(s) => esc(s, out),
        Json::Arr(v) => { out.push('['); for (i, x) in v.iter().enumerate() { if i > 0 { out.push(','); } compact(x, out); } out.push(']'); }
        Json::Obj(m) => { out.push('{'); for (i, (k, x)) in m.iter().enumerate() { if i > 0 { out.push(','); } esc(k, out); out.push(':'); compact(x, out); } out.push('}'); }
    }
}

fn pretty(j: &Json, ind: usize, out: &mut String) {
    match j {
        Json::Arr(v) if !v.is_empty() => { out.push_str("[\n"); for (i, x) in v.iter().enumerate() { out.push_str(&"  ".repeat(ind + 1)); pretty(x, ind + 1, out); if i + 1 < v.len() { out.push(','); } out.push('\n'); } out.push_str(&"  ".repeat(ind)); out.push(']'); }
        Json::Obj(m) if !m.is_empty() => { out.push_str("{\n"); for (i, (k, x)) in m.iter().enumerate() { out.push_str(&"  ".repeat(ind + 1)); esc(k, out); out.push_str(": "); pretty(x, ind + 1, out); if i + 1 < m.len() { out.push(','); } out.push('\n'); } out.push_str(&"  ".repeat(ind)); out.push('}'); }
        _ => compact(j, out),
    }
}

fn generate(depth: u32, seed: &mut u64) -> Json {
    *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    let r = *seed >> 33;
    if depth == 0 { return match r % 5 { 0 => Json::Null, 1 => Json::Bool(r % 2 == 0), 2 => Json::Num((r % 100000) as f64 / 64.0 - 700.0), 3 => Json::Str(format!("s{}\t\"q\"é", r % 1000)), _ => Json::Num(r as f64 * 1e-3) }; }
    match r % 3 {
        0 => Json::Arr((0..(r % 4) + 1).map(|_| generate(depth - 1, seed)).collect()),
        1 => Json::Obj((0..(r % 4) + 1).map(|i| (format!("k{}_{}", depth, i), generate(depth - 1, seed))).collect()),
        _ => generate(depth - 1, seed),
    }
}

fn main() {
    let mut seed = 42;
    let doc = Json::Obj((0..4).map(|i| (format!("item{}", i), generate(4, &mut seed))).collect());
    let mut c = String::new();
    compact(&doc, &mut c);
    println!("compact {} bytes: {}", c.len(), &c[..c.len().min(300)]);
    let mut p = String::new();
    pretty(&doc, 0, &mut p);
    println!("{}", p);
    let back = P { s: c.as_bytes(), i: 0 }.value().unwrap();
    println!("round trip equal {}", back == doc);
    let back2 = P { s: p.as_bytes(), i: 0 }.value().unwrap();
    println!("pretty round trip equal {}", back2 == doc);
    for bad in ["[1, 2", "{\"a\" 1}", "tru", "[1,]x", "\"abc", "{\"k\": -}", "\"\\u00e9\\n\""] {
        println!("{:?} -> {:?}", bad, P { s: bad.as_bytes(), i: 0 }.value());
    }
}
