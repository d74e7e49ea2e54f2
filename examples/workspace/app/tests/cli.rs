// Runs the built binary and checks what it prints and its exit status.
use std::process::Command;

fn app(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_app")).args(args).output().expect("the app runs")
}

#[test]
fn prints_shapes_and_table() {
    let out = app(&["xyz"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Rect 2x4.5 has area 9.000"), "{text}");
    assert!(text.contains("table of 12 squares"));
    assert!(text.contains("squares sum 506, largest Some(121)"));
    assert!(text.ends_with("arg xyz -> 3\n"));
}

#[test]
fn fails_when_asked() {
    let out = app(&["fail"]);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "app: asked to fail\n");
}
