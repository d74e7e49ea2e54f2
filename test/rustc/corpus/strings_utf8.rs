// Strings: UTF-8 iteration (chars, char_indices, bytes), case mapping,
// splitting, trimming, replacing, searching, char classification and
// escapes, from_utf8 errors, String building and capacity, Cow.
use std::borrow::Cow;

fn normalize(s: &str) -> Cow<'_, str> {
    if s.contains('\t') { Cow::Owned(s.replace('\t', "    ")) } else { Cow::Borrowed(s) }
}

fn main() {
    let s = "Grüße, Jürgen! ñ 日本語 🦀 ok";
    println!("len={} chars={} bytes[0..8]={:?}", s.len(), s.chars().count(), &s.as_bytes()[..8]);
    println!("{:?}", s.char_indices().filter(|(_, c)| !c.is_ascii()).collect::<Vec<_>>());
    println!("upper={} lower={}", s.to_uppercase(), s.to_lowercase());
    println!("ß upper={} İ lower={:?} ǅ={}", "ß".to_uppercase(), "İ".to_lowercase(), 'ǅ'.is_uppercase());
    println!("split {:?}", s.split(|c: char| c == ',' || c == '!').collect::<Vec<_>>());
    println!("split_whitespace {:?}", s.split_whitespace().rev().collect::<Vec<_>>());
    println!("find ü={:?} rfind r={:?} 🦀={:?}", s.find('ü'), s.rfind('r'), s.find("🦀"));
    println!("replace {}", s.replacen("ü", "ue", 1).replace("ß", "ss"));
    let t = "  \t padded line \n\r ";
    println!("[{}] [{}] [{}]", t.trim(), t.trim_start(), t.trim_end());
    println!("{:?}", "a,b,,c,".split(',').collect::<Vec<_>>());
    println!("{:?}", "a,b,,c,".split_terminator(',').collect::<Vec<_>>());
    println!("{:?}", "k1=v1;k2=v2;k3".split(';').map(|kv| kv.split_once('=')).collect::<Vec<_>>());
    println!("{:?}", "line1\nline2\r\nline3".lines().collect::<Vec<_>>());
    println!("{:?}", "abcXYZabc".matches("abc").count());
    println!("{:?}", "Mary had a little lamb".rsplitn(3, ' ').collect::<Vec<_>>());
    println!("{:?} {:?}", "prefix_body".strip_prefix("prefix_"), "x.rs".strip_suffix(".txt"));
    for c in ['a', 'Z', '7', ' ', 'é', '\u{0}', '🦀', '\u{2028}', 'Ⅻ'] {
        println!(
            "{:?} u={:#x} alpha={} num={} alnum={} ws={} ctl={} len8={} len16={} esc={} dbg={}",
            c, c as u32, c.is_alphabetic(), c.is_numeric(), c.is_alphanumeric(), c.is_whitespace(),
            c.is_control(), c.len_utf8(), c.len_utf16(), c.escape_default(), c.escape_debug()
        );
    }
    println!("{:?} {:?} {:?}", char::from_u32(0x1F980), char::from_u32(0xD800), char::from_digit(11, 16));
    println!("{:?} {:?}", '9'.to_digit(10), 'f'.to_digit(16));
    let bad = [0x66u8, 0x6f, 0xff, 0x6f];
    match std::str::from_utf8(&bad) {
        Ok(v) => println!("ok {}", v),
        Err(e) => println!("utf8 error: {} valid_up_to={} len={:?}", e, e.valid_up_to(), e.error_len()),
    }
    println!("lossy {}", String::from_utf8_lossy(&bad));
    let utf16: Vec<u16> = s.encode_utf16().collect();
    println!("utf16 len {} back eq {}", utf16.len(), String::from_utf16(&utf16).unwrap() == s);
    let mut b = String::with_capacity(4);
    for i in 0..20 {
        b.push(char::from(b'a' + (i % 26) as u8));
        if i % 5 == 4 {
            b.push_str("-");
        }
    }
    b.insert(0, '>');
    b.insert_str(1, "<<");
    let popped = b.pop();
    b.truncate(15);
    println!("{} popped={:?} cap>=len={}", b, popped, b.capacity() >= b.len());
    let r: String = b.chars().rev().collect();
    println!("rev {}", r);
    println!("{} {}", normalize("a\tb"), normalize("plain"));
    let mut words: Vec<&str> = "delta Alpha charlie bravo Echo".split(' ').collect();
    words.sort_by_key(|w| w.to_lowercase());
    println!("{:?}", words);
    println!("{:?}", "αβγ".bytes().map(|b| format!("{:02x}", b)).collect::<String>());
    println!("{}", "abc".repeat(3) + &"-".repeat(2));
    println!("cmp {:?} {:?} {}", "apple".cmp("apricot"), "Z".cmp("a"), "x".eq_ignore_ascii_case("X"));
    let num = format!("{}", 1234567);
    let with_commas: String = num.chars().rev().collect::<Vec<_>>().chunks(3).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join(",").chars().rev().collect();
    println!("{}", with_commas);
    println!("{}", s.is_char_boundary(3) as u8 + s.is_char_boundary(4) as u8);
    let ascii = "Hello World";
    println!("{} {}", ascii.to_ascii_uppercase(), ascii.chars().filter(char::is_ascii_uppercase).count());
}
