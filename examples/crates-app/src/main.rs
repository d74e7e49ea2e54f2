//! A program using real crates from crates.io, run identically by stock
//! cargo and by cargo cgts.
use std::collections::BTreeMap;

use anyhow::{bail, Context, Result};
use clap::Parser;
use itertools::Itertools;
use rand::{Rng, SeedableRng};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Parser, Debug)]
#[command(name = "crates-app", about = "exercises real crates")]
struct Args {
    /// How many random records to make
    #[arg(short, long, default_value_t = 200)]
    count: usize,
    /// Seed of the generator
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Words to search for
    words: Vec<String>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
struct Record {
    id: u32,
    name: String,
    score: f64,
    tags: Vec<String>,
    kind: Kind,
}

#[derive(Serialize, Deserialize, Debug, PartialEq, Clone, Copy)]
enum Kind {
    Small,
    Large { factor: u8 },
}

#[derive(thiserror::Error, Debug)]
enum AppError {
    #[error("record {0} has a negative score")]
    Negative(u32),
}

fn make(rng: &mut rand_chacha::ChaCha8Rng, id: u32) -> Record {
    let len = rng.gen_range(3..9);
    let name: String = (0..len).map(|_| rng.gen_range(b'a'..=b'z') as char).collect();
    let tags = (0..rng.gen_range(0..4)).map(|k| format!("t{}", k * 7 + id as usize % 5)).collect();
    let kind = if rng.gen_bool(0.5) { Kind::Small } else { Kind::Large { factor: rng.gen() } };
    Record { id, name, score: rng.gen_range(-1.0..100.0), tags, kind }
}

fn check(r: &Record) -> Result<(), AppError> {
    if r.score < 0.0 { Err(AppError::Negative(r.id)) } else { Ok(()) }
}

fn run() -> Result<()> {
    env_logger::Builder::new().filter_level(log::LevelFilter::Info).format_timestamp(None).init();
    let args = Args::parse();
    log::info!("making {} records", args.count);
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(args.seed);
    let records: Vec<Record> = (0..args.count as u32).map(|i| make(&mut rng, i)).collect();

    // serde_json round trip
    let json = serde_json::to_string(&records).context("serialize")?;
    let back: Vec<Record> = serde_json::from_str(&json).context("deserialize")?;
    if back.iter().zip(&records).any(|(a, b)| a.id != b.id || a.name != b.name || a.kind != b.kind || (a.score - b.score).abs() > 1e-9) { bail!("round trip changed the records"); }
    println!("json bytes {}, first {}", json.len(), serde_json::to_string_pretty(&records[0])?);

    // regex over the names
    let re = regex::Regex::new(r"^([aeiou])[a-z]*([aeiou])$").unwrap();
    let vowels = records.iter().filter_map(|r| re.captures(&r.name)).map(|c| format!("{}{}", &c[1], &c[2])).counts();
    let mut vowels: Vec<_> = vowels.into_iter().collect();
    vowels.sort();
    println!("vowel pairs {:?}", vowels);
    for w in &args.words {
        let re = regex::Regex::new(&regex::escape(w)).unwrap();
        println!("{w}: {}", records.iter().filter(|r| re.is_match(&r.name)).count());
    }

    // itertools grouping
    let by_tags: BTreeMap<usize, usize> = records.iter().map(|r| r.tags.len()).counts().into_iter().collect();
    println!("tags {:?}", by_tags);
    println!("top {}", records.iter().sorted_by(|a, b| b.score.partial_cmp(&a.score).unwrap()).take(3).map(|r| &r.name).join(","));

    // rayon and crossbeam
    let total: f64 = records.par_iter().map(|r| r.score.max(0.0)).sum();
    let large: u64 = records.par_iter().filter_map(|r| match r.kind { Kind::Large { factor } => Some(factor as u64), _ => None }).sum();
    println!("total {:.3} large {}", total, large);
    let (tx, rx) = crossbeam_channel::bounded(4);
    let handles: Vec<_> = (0..3).map(|t| {
        let tx = tx.clone();
        std::thread::spawn(move || for i in 0..10 { tx.send(t * 100 + i).unwrap(); })
    }).collect();
    drop(tx);
    let mut got: Vec<i32> = rx.iter().collect();
    for h in handles { h.join().unwrap(); }
    got.sort();
    println!("channel {} sum {}", got.len(), got.iter().sum::<i32>());

    let bad = records.iter().filter_map(|r| check(r).err()).map(|e| e.to_string()).take(2).collect::<Vec<_>>();
    println!("errors {:?}", bad);
    let e: anyhow::Error = check(&Record { score: -1.0, ..records[0].clone() }).unwrap_err().into();
    println!("anyhow: {:#}", e.context("checking"));
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e:#}");
        std::process::exit(3);
    }
}
