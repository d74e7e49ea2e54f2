// Slices and strings: UTF-8 and char APIs, byte/char indices, sort,
// binary_search, dedup, rotate, split_at, chunks/windows, Cow, Box<str>,
// parse, char arithmetic and escaping.
use std::borrow::Cow;

fn normalize(s: &str) -> Cow<'_, str> {
    if s.chars().any(|c| c.is_uppercase() || c == '\t') {
        Cow::Owned(s.to_lowercase().replace('\t', " "))
    } else {
        Cow::Borrowed(s)
    }
}

fn caesar(s: &str, k: u8) -> String {
    s.chars()
        .map(|c| match c {
            'a'..='z' => (((c as u8 - b'a' + k) % 26) + b'a') as char,
            'A'..='Z' => (((c as u8 - b'A' + k) % 26) + b'A') as char,
            _ => c,
        })
        .collect()
}

fn main() {
    let text = "Grüße, Jürgen! ñandú 🦀 ok";
    println!("len={} chars={} upper={}", text.len(), text.chars().count(), text.to_uppercase());
    for (i, c) in text.char_indices().filter(|(_, c)| !c.is_ascii()) {
        println!("  non-ascii {:?} at {} len_utf8={} u+{:04x}", c, i, c.len_utf8(), c as u32);
    }
    println!("bytes {:?}", &text.as_bytes()[..8]);
    println!("find {:?} {:?} rfind {:?}", text.find('ü'), text.find("ok"), text.rfind(|c: char| c.is_alphabetic()));
    let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    println!("words {:?}", words);
    println!("trim {:?} {:?} {:?}", "  x y  ".trim(), "xxabcxx".trim_matches('x'), "--a".trim_start_matches('-'));
    println!("escape {} {}", "tab\there \"q\" \u{7f}".escape_debug(), "é\n".escape_unicode());
    println!("cow {:?} {:?}", normalize("already fine"), normalize("Has\tUpper"));
    let boxed: Box<str> = "boxed str".into();
    println!("boxed {} {}", boxed, boxed.len());
    println!("caesar {}", caesar("Hello, World", 13));
    println!("parse {:?} {:?} {:?} {:?}", "42".parse::<u8>(), "-7".parse::<i16>(), "300".parse::<u8>().is_err(), "3.5e2".parse::<f64>());
    println!("chars {:?} {:?} {}", char::from_u32(0x1F980), char::from_digit(7, 10), ('a'..='e').rev().collect::<String>());
    let mut v: Vec<i32> = vec![5, 3, 9, 3, 1, 9, 9, 2, 8, 5];
    v.sort();
    println!("sorted {:?} search 8 {:?} search 4 {:?}", v, v.binary_search(&8), v.binary_search(&4));
    v.dedup();
    v.rotate_right(2);
    println!("dedup+rotate {:?}", v);
    let (l, r) = v.split_at(3);
    println!("split {:?} {:?} contains 9 {} starts {}", l, r, v.contains(&9), v.starts_with(&[8, 9]));
    let mut s2: Vec<(String, u32)> = vec![("pear".into(), 3), ("apple".into(), 3), ("fig".into(), 1)];
    s2.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    println!("sort_by {:?}", s2);
    let mut fl = vec![2.5f64, -1.0, 9.75, 0.0];
    fl.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!("floats {:?} max {:?}", fl, fl.iter().cloned().fold(f64::MIN, f64::max));
    let data: Vec<u8> = (0..20).collect();
    let sums: Vec<u32> = data.chunks(6).map(|c| c.iter().map(|&x| x as u32).sum()).collect();
    let rsums: Vec<u8> = data.rchunks(7).map(|c| c[0]).collect();
    let incr = data.windows(2).all(|w| w[0] < w[1]);
    println!("chunks {:?} rchunks {:?} increasing {}", sums, rsums, incr);
    let mut grid = [[0u8; 5]; 3];
    for (r, row) in grid.iter_mut().enumerate() {
        for (c, cell) in row.iter_mut().enumerate() {
            *cell = (r * 5 + c) as u8;
        }
    }
    let flat: Vec<u8> = grid.concat();
    println!("grid {:?} flat len {} last {:?}", grid, flat.len(), flat.last());
    let joined = ["a", "b", "c"].concat() + &["x", "y"].join("+");
    println!("joined {} repeat {} lines {:?}", joined, "ab".repeat(3), "l1\nl2\r\nl3".lines().collect::<Vec<_>>());
    let mut st = String::with_capacity(8);
    for (i, ch) in "hello".chars().enumerate() {
        if i % 2 == 0 { st.push(ch.to_ascii_uppercase()) } else { st.push(ch) }
    }
    st.insert_str(0, ">>");
    st.truncate(6);
    let popped = st.clone().pop();
    let tail = st.split_off(2);
    println!("built {:?} pop {:?} tail {:?}", st, popped, tail);
}
