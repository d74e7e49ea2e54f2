// File system and processes through std: a file in the temporary directory
// written, appended, seeked, read back and removed, directory listing of a
// fresh directory, metadata lengths, and child processes run with
// std::process::Command (exit status, captured stdout/stderr, stdin piped).
// Paths and process ids are never printed.
use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::process::{Command, Stdio};

fn main() -> std::io::Result<()> {
    let dir = std::env::temp_dir().join(format!("cgts-corpus-fs-{}", std::process::id()));
    fs::create_dir_all(&dir)?;
    let path = dir.join("data.txt");
    {
        let mut f = File::create(&path)?;
        for i in 0..100 { writeln!(f, "line {:03} {}", i, i * i)?; }
    }
    {
        let mut f = OpenOptions::new().append(true).open(&path)?;
        f.write_all(b"appended\n")?;
    }
    println!("len {}", fs::metadata(&path)?.len());
    let mut f = File::open(&path)?;
    f.seek(SeekFrom::Start(9 * 14))?;
    let mut buf = [0u8; 14];
    f.read_exact(&mut buf)?;
    println!("at 126: {:?}", String::from_utf8_lossy(&buf));
    f.seek(SeekFrom::End(-9))?;
    let mut tail = String::new();
    f.read_to_string(&mut tail)?;
    println!("tail {:?}", tail);
    let sum: u64 = BufReader::new(File::open(&path)?).lines().map_while(Result::ok).filter_map(|l| l.split(' ').nth(2).and_then(|x| x.parse::<u64>().ok())).sum();
    println!("sum of squares {}", sum);
    for name in ["b.bin", "a.bin", "c.bin"] { fs::write(dir.join(name), name.repeat(3))?; }
    let mut names: Vec<(String, u64)> = fs::read_dir(&dir)?.map(|e| { let e = e.unwrap(); (e.file_name().to_string_lossy().into_owned(), e.metadata().unwrap().len()) }).collect();
    names.sort();
    println!("dir {:?}", names);
    fs::rename(dir.join("a.bin"), dir.join("z.bin"))?;
    println!("read z {:?} a exists {}", fs::read_to_string(dir.join("z.bin"))?, dir.join("a.bin").exists());
    fs::remove_dir_all(&dir)?;
    println!("removed {}", !dir.exists());
    let out = Command::new("sh").arg("-c").arg("printf 'out1\\nout2'; printf 'err' >&2; exit 3").output()?;
    println!("status {:?} stdout {:?} stderr {:?}", out.status.code(), String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    let mut child = Command::new("sh").arg("-c").arg("tr a-z A-Z").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn()?;
    child.stdin.take().unwrap().write_all(b"hello from rust\n")?;
    let o = child.wait_with_output()?;
    println!("piped {:?} ok {}", String::from_utf8_lossy(&o.stdout), o.status.success());
    let st = Command::new("sh").arg("-c").arg("kill -TERM $$").status()?;
    use std::os::unix::process::ExitStatusExt;
    println!("signalled {:?} code {:?}", st.signal(), st.code());
    Ok(())
}
