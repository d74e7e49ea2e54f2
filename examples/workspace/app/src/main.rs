//! Prints shapes and the build script's table; `app fail` exits with 3.
use shapes::{largest, Circle, Rect, Shape};

mod generated {
    include!(concat!(env!("OUT_DIR"), "/generated.rs"));
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(|s| s.as_str()) == Some("fail") {
        eprintln!("app: asked to fail");
        std::process::exit(3);
    }
    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(Circle { r: 1.5 }), Box::new(Rect { w: 2.0, h: 4.5 })];
    for s in &shapes {
        println!("{} has area {:.3}", s.name(), s.area());
    }
    println!("{}", env!("APP_BUILD_NOTE"));
    #[cfg(generated_table)]
    {
        let sum: u64 = generated::SQUARES.iter().map(|&(_, sq)| sq).sum();
        println!("squares sum {sum}, largest {:?}", largest(&generated::SQUARES.iter().map(|p| p.1).collect::<Vec<_>>()));
    }
    for a in &args {
        println!("arg {a} -> {}", a.len());
    }
}
