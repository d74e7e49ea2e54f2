// Text processing end to end: parsing CSV-like records with errors, grouping
// with BTreeMap and HashMap, statistics (mean, median, stddev), sorting by
// several keys, and a fixed-width report with aligned columns, truncation
// and number formatting.
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

#[derive(Debug, Clone)]
struct Rec { city: String, product: String, qty: u32, price: f64 }

fn parse(line: &str, n: usize) -> Result<Rec, String> {
    let f: Vec<&str> = line.split(',').map(str::trim).collect();
    if f.len() != 4 { return Err(format!("line {}: expected 4 fields, got {}", n, f.len())); }
    let qty = f[2].parse::<u32>().map_err(|e| format!("line {}: qty {:?}: {}", n, f[2], e))?;
    let price = f[3].parse::<f64>().map_err(|e| format!("line {}: price {:?}: {}", n, f[3], e))?;
    Ok(Rec { city: f[0].to_string(), product: f[1].to_lowercase(), qty, price })
}

fn main() {
    let cities = ["Zürich", "Oslo", "Lisboa", "Kraków", "Québec"];
    let products = ["Apple", "Bread", "Cheese", "Dates", "Eggs", "Figs"];
    let mut input = String::new();
    let mut s = 99u32;
    for i in 0..120 {
        s = s.wrapping_mul(1103515245).wrapping_add(12345);
        let c = cities[(s >> 8) as usize % cities.len()];
        let p = products[(s >> 12) as usize % products.len()];
        if i % 37 == 5 { writeln!(input, "{}, {}, x{}, 1.0", c, p, i).unwrap(); continue; }
        if i % 41 == 7 { writeln!(input, "{}, {}", c, p).unwrap(); continue; }
        writeln!(input, "{}, {}, {}, {:.2}", c, p, (s >> 16) % 20 + 1, ((s >> 4) % 1000) as f64 / 100.0 + 0.5).unwrap();
    }
    let mut recs = Vec::new();
    for (n, line) in input.lines().enumerate() {
        match parse(line, n + 1) { Ok(r) => recs.push(r), Err(e) => println!("skip: {}", e) }
    }
    println!("{} records", recs.len());
    let mut by_city: BTreeMap<&str, Vec<&Rec>> = BTreeMap::new();
    for r in &recs { by_city.entry(r.city.as_str()).or_default().push(r); }
    println!("{:<10}|{:>6}|{:>10}|{:>9}|{:>9}|{:>8}", "city", "count", "revenue", "mean", "median", "stddev");
    println!("{}", "-".repeat(57));
    for (city, rs) in &by_city {
        let rev: Vec<f64> = rs.iter().map(|r| r.qty as f64 * r.price).collect();
        let total: f64 = rev.iter().sum();
        let mean = total / rev.len() as f64;
        let mut sorted = rev.clone();
        sorted.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let median = if sorted.len() % 2 == 1 { sorted[sorted.len() / 2] } else { (sorted[sorted.len() / 2 - 1] + sorted[sorted.len() / 2]) / 2.0 };
        let sd = (rev.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / rev.len() as f64).sqrt();
        println!("{:<10}|{:>6}|{:>10.2}|{:>9.3}|{:>9.3}|{:>8.3}", city, rs.len(), total, mean, median, sd);
    }
    let mut by_prod: HashMap<&str, (u32, f64)> = HashMap::new();
    for r in &recs { let e = by_prod.entry(r.product.as_str()).or_insert((0, 0.0)); e.0 += r.qty; e.1 += r.qty as f64 * r.price; }
    let mut prods: Vec<_> = by_prod.into_iter().collect();
    prods.sort_by(|a, b| b.1.1.partial_cmp(&a.1.1).unwrap().then(a.0.cmp(b.0)));
    for (p, (q, rev)) in &prods { println!("{:>8}: {:>4} units {:>10.2} {:>5.1}%  {}", p, q, rev, 100.0 * rev / prods.iter().map(|x| x.1.1).sum::<f64>(), "#".repeat((*q / 10) as usize)); }
    let best = recs.iter().max_by(|a, b| (a.qty as f64 * a.price).partial_cmp(&(b.qty as f64 * b.price)).unwrap().then_with(|| b.city.cmp(&a.city))).unwrap();
    println!("best line: {:?}", best);
    let names: Vec<String> = cities.iter().map(|c| format!("{:.3}", c)).collect();
    println!("{:?} {:?}", names, cities.iter().map(|c| c.chars().rev().collect::<String>()).collect::<Vec<_>>());
}
