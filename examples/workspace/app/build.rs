// Generates a table of squares into OUT_DIR, and sets a cfg and an
// environment variable the binary reads.
use std::{env, fs, path::Path};

fn main() {
    let out = env::var("OUT_DIR").unwrap();
    let mut code = String::from("pub const SQUARES: &[(u32, u64)] = &[\n");
    for i in 0..12u32 {
        code += &format!("    ({i}, {}),\n", (i as u64) * (i as u64));
    }
    code += "];\n";
    fs::write(Path::new(&out).join("generated.rs"), code).unwrap();
    println!("cargo::rustc-check-cfg=cfg(generated_table)");
    println!("cargo::rustc-cfg=generated_table");
    println!("cargo::rustc-env=APP_BUILD_NOTE=table of {} squares", 12);
    println!("cargo::rerun-if-changed=build.rs");
}
