// Floating-point kernels: Gaussian elimination with partial pivoting on a
// Hilbert-like system, a radix-2 FFT over a complex struct passed by value,
// Simpson integration of sin, Newton iteration, and a 2-D heat diffusion
// stencil; results printed with {:e} and fixed precision.
use std::f64::consts::PI;
use std::ops::{Add, Mul, Sub};

#[derive(Clone, Copy, Debug, PartialEq)]
struct C { re: f64, im: f64 }
impl Add for C { type Output = C; fn add(self, o: C) -> C { C { re: self.re + o.re, im: self.im + o.im } } }
impl Sub for C { type Output = C; fn sub(self, o: C) -> C { C { re: self.re - o.re, im: self.im - o.im } } }
impl Mul for C { type Output = C; fn mul(self, o: C) -> C { C { re: self.re * o.re - self.im * o.im, im: self.re * o.im + self.im * o.re } } }
fn cis(t: f64) -> C { C { re: t.cos(), im: t.sin() } }

fn fft(a: &mut [C], invert: bool) {
    let n = a.len();
    let mut j = 0;
    for i in 1..n {
        let mut bit = n >> 1;
        while j & bit != 0 { j ^= bit; bit >>= 1; }
        j ^= bit;
        if i < j { a.swap(i, j); }
    }
    let mut len = 2;
    while len <= n {
        let w = cis(2.0 * PI / len as f64 * if invert { -1.0 } else { 1.0 });
        for i in (0..n).step_by(len) {
            let mut wn = C { re: 1.0, im: 0.0 };
            for k in 0..len / 2 {
                let u = a[i + k];
                let v = a[i + k + len / 2] * wn;
                a[i + k] = u + v;
                a[i + k + len / 2] = u - v;
                wn = wn * w;
            }
        }
        len <<= 1;
    }
    if invert { for x in a.iter_mut() { x.re /= n as f64; x.im /= n as f64; } }
}

fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Vec<f64> {
    let n = b.len();
    for col in 0..n {
        let piv = (col..n).max_by(|&i, &j| a[i][col].abs().partial_cmp(&a[j][col].abs()).unwrap()).unwrap();
        a.swap(col, piv);
        b.swap(col, piv);
        for r in col + 1..n {
            let f = a[r][col] / a[col][col];
            for c in col..n { a[r][c] -= f * a[col][c]; }
            b[r] -= f * b[col];
        }
    }
    let mut x = vec![0.0; n];
    for r in (0..n).rev() { x[r] = (b[r] - (r + 1..n).map(|c| a[r][c] * x[c]).sum::<f64>()) / a[r][r]; }
    x
}

fn simpson(f: impl Fn(f64) -> f64, a: f64, b: f64, n: usize) -> f64 {
    let h = (b - a) / n as f64;
    (0..=n).map(|i| { let w = if i == 0 || i == n { 1.0 } else if i % 2 == 1 { 4.0 } else { 2.0 }; w * f(a + i as f64 * h) }).sum::<f64>() * h / 3.0
}

fn main() {
    let n = 6;
    let a: Vec<Vec<f64>> = (0..n).map(|i| (0..n).map(|j| 1.0 / (i + j + 1) as f64 + if i == j { 0.5 } else { 0.0 }).collect()).collect();
    let b: Vec<f64> = (0..n).map(|i| (i as f64).sin() + 1.0).collect();
    let x = solve(a.clone(), b.clone());
    println!("x = {:?}", x.iter().map(|v| format!("{:.12e}", v)).collect::<Vec<_>>());
    let resid: f64 = (0..n).map(|i| ((0..n).map(|j| a[i][j] * x[j]).sum::<f64>() - b[i]).abs()).fold(0.0, f64::max);
    println!("residual below 1e-12: {}", resid < 1e-12);
    let mut sig: Vec<C> = (0..64).map(|i| C { re: (i as f64 * 0.3).sin() + if i % 8 == 0 { 1.0 } else { 0.0 }, im: 0.0 }).collect();
    let orig = sig.clone();
    fft(&mut sig, false);
    println!("fft[0..4] = {:?}", sig[..4].iter().map(|c| format!("({:.9}, {:.9})", c.re, c.im)).collect::<Vec<_>>());
    let energy: f64 = sig.iter().map(|c| c.re * c.re + c.im * c.im).sum();
    println!("spectral energy {:.9}", energy);
    fft(&mut sig, true);
    let err = sig.iter().zip(&orig).map(|(a, b)| (a.re - b.re).abs() + a.im.abs()).fold(0.0, f64::max);
    println!("inverse error below 1e-12: {} ({:e})", err < 1e-12, err);
    println!("simpson sin 0..pi = {:.15}", simpson(f64::sin, 0.0, PI, 1000));
    println!("simpson exp(-x^2) = {:.15}", simpson(|x| (-x * x).exp(), -5.0, 5.0, 2000));
    let mut r = 1.0f64;
    for i in 0..6 { r = r - (r * r * r - 2.0) / (3.0 * r * r); println!("newton {} {:.17}", i, r); }
    let (w, h) = (24, 16);
    let mut grid = vec![0.0f64; w * h];
    for step in 0..200 {
        grid[(h / 2) * w + w / 2] = 100.0;
        let mut next = grid.clone();
        for y in 1..h - 1 { for x in 1..w - 1 {
            let i = y * w + x;
            next[i] = grid[i] + 0.2 * (grid[i - 1] + grid[i + 1] + grid[i - w] + grid[i + w] - 4.0 * grid[i]);
        } }
        grid = next;
        if step % 50 == 49 { println!("heat step {} total {:.9} corner {:.3e}", step + 1, grid.iter().sum::<f64>(), grid[w + 1]); }
    }
}
