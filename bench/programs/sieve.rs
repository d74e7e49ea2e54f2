// Sieve of Eratosthenes over a Vec<bool> plus a segmented u64-bitset sieve:
// bounds-checked indexing, loops, bit operations. Prints prime counts and a
// checksum.
fn sieve_bool(n: usize) -> Vec<bool> {
    let mut is = vec![true; n + 1];
    is[0] = false;
    is[1] = false;
    let mut i = 2;
    while i * i <= n {
        if is[i] { let mut j = i * i; while j <= n { is[j] = false; j += i; } }
        i += 1;
    }
    is
}

fn sieve_bits(n: usize) -> u64 {
    let words = n / 64 + 1;
    let mut bits = vec![!0u64; words];
    bits[0] &= !3;
    let mut i = 2;
    while i * i <= n {
        if bits[i / 64] >> (i % 64) & 1 == 1 { let mut j = i * i; while j <= n { bits[j / 64] &= !(1 << (j % 64)); j += i; } }
        i += 1;
    }
    let mut count = 0u64;
    for (w, &x) in bits.iter().enumerate() {
        let valid = if (w + 1) * 64 > n + 1 { x & ((1u64 << ((n + 1) % 64)) - 1) } else { x };
        count += valid.count_ones() as u64;
    }
    count
}

fn main() {
    let n = 6_000_000;
    let s = sieve_bool(n);
    let count = s.iter().filter(|&&b| b).count();
    let checksum = s.iter().enumerate().filter(|(_, b)| **b).fold(0u64, |acc, (i, _)| acc.wrapping_mul(31).wrapping_add(i as u64));
    println!("primes below {}: {} checksum {:x}", n, count, checksum);
    println!("bitset count {}", sieve_bits(n));
}
