// Hash-map word count over generated text: String building, splitting,
// HashMap<String, u32> with the standard hasher (SipHash, SSE2 probing),
// sorting the result. Prints the top words and totals.
use std::collections::HashMap;

fn main() {
    let syll = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "ve", "zu", "an", "el"];
    let mut state = 0x2545F4914F6CDD1Du64;
    let mut text = String::with_capacity(8 << 20);
    for _ in 0..1_200_000 {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17;
        let n = 1 + (state % 3) as usize;
        for k in 0..n { text.push_str(syll[((state >> (8 * k + 3)) % 12) as usize]); }
        text.push(if state % 17 == 0 { '\n' } else { ' ' });
    }
    let mut counts: HashMap<String, u32> = HashMap::new();
    for w in text.split_whitespace() { *counts.entry(w.to_string()).or_insert(0) += 1; }
    let mut v: Vec<(&String, &u32)> = counts.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    println!("distinct {} total {}", counts.len(), counts.values().sum::<u32>());
    for (w, c) in v.iter().take(5) { println!("{} {}", w, c); }
}
