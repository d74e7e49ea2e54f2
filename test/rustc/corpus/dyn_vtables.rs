// Trait objects: vtables with several methods, generic methods behind dyn
// (where Self: Sized), supertraits and trait upcasting, Drop through a vtable,
// size_of_val/align_of_val of dyn values, dyn Any downcasting, &mut dyn,
// Rc<dyn>, slices of Box<dyn>, and dyn Display/Debug.
use std::any::Any;
use std::fmt::{self, Debug, Display};
use std::rc::Rc;

trait Named { fn name(&self) -> String; }
trait Animal: Named {
    fn sound(&self) -> &'static str;
    fn legs(&self) -> u32 { 4 }
    fn speak(&self) -> String { format!("{} says {} on {} legs", self.name(), self.sound(), self.legs()) }
    fn clone_box(&self) -> Box<dyn Animal>;
}

#[derive(Clone)]
struct Dog { name: String, age: u8 }
#[derive(Clone)]
struct Bird([u8; 3]);
struct Loud<T: Animal>(T, u64);

impl Named for Dog { fn name(&self) -> String { format!("{}({})", self.name, self.age) } }
impl Animal for Dog {
    fn sound(&self) -> &'static str { "woof" }
    fn clone_box(&self) -> Box<dyn Animal> { Box::new(self.clone()) }
}
impl Named for Bird { fn name(&self) -> String { format!("bird{:?}", self.0) } }
impl Animal for Bird {
    fn sound(&self) -> &'static str { "tweet" }
    fn legs(&self) -> u32 { 2 }
    fn clone_box(&self) -> Box<dyn Animal> { Box::new(self.clone()) }
}
impl<T: Animal + Clone + 'static> Named for Loud<T> { fn name(&self) -> String { format!("LOUD {}", self.0.name()) } }
impl<T: Animal + Clone + 'static> Animal for Loud<T> {
    fn sound(&self) -> &'static str { "WOOF!!" }
    fn legs(&self) -> u32 { self.0.legs() + self.1 as u32 }
    fn clone_box(&self) -> Box<dyn Animal> { Box::new(Loud(self.0.clone(), self.1)) }
}

struct Noisy(&'static str);
impl Drop for Noisy { fn drop(&mut self) { println!("drop Noisy({})", self.0); } }
trait Tick { fn tick(&mut self) -> u32; }
struct Counter { n: u32, _guard: Noisy }
impl Tick for Counter { fn tick(&mut self) -> u32 { self.n += 1; self.n } }
struct Big { data: [u64; 16], extra: u16 }
impl Tick for Big { fn tick(&mut self) -> u32 { self.data[0] += 7; self.data[0] as u32 + self.extra as u32 } }

fn run_ticks(t: &mut dyn Tick, n: u32) -> Vec<u32> { (0..n).map(|_| t.tick()).collect() }

fn describe(a: &dyn Any) -> String {
    if let Some(i) = a.downcast_ref::<i32>() { format!("i32 {}", i) }
    else if let Some(s) = a.downcast_ref::<String>() { format!("String {:?}", s) }
    else if let Some(d) = a.downcast_ref::<Dog>() { format!("Dog {}", d.name) }
    else { "unknown".to_string() }
}

struct Temp(f32);
impl Display for Temp { fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { write!(f, "{:.1}°C", self.0) } }
impl Debug for Temp { fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { write!(f, "Temp({})", self.0) } }

fn main() {
    let zoo: Vec<Box<dyn Animal>> = vec![
        Box::new(Dog { name: "rex".into(), age: 3 }),
        Box::new(Bird([1, 2, 3])),
        Box::new(Loud(Dog { name: "max".into(), age: 9 }, 2)),
    ];
    for a in &zoo { println!("{}", a.speak()); }
    let copies: Vec<Box<dyn Animal>> = zoo.iter().map(|a| a.clone_box()).collect();
    println!("copies: {:?}", copies.iter().map(|a| a.legs()).collect::<Vec<_>>());
    let named: Vec<&dyn Named> = zoo.iter().map(|a| a.as_ref() as &dyn Named).collect();
    println!("upcast: {:?}", named.iter().map(|n| n.name()).collect::<Vec<_>>());
    {
        let mut c = Counter { n: 0, _guard: Noisy("counter") };
        println!("{:?}", run_ticks(&mut c, 4));
        let mut boxed: Box<dyn Tick> = Box::new(Counter { n: 100, _guard: Noisy("boxed") });
        println!("{:?}", run_ticks(boxed.as_mut(), 2));
        let mut big = Big { data: [1; 16], extra: 1000 };
        println!("{:?}", run_ticks(&mut big, 3));
        let sz: &dyn Tick = &big;
        println!("size_of_val={} align_of_val={}", std::mem::size_of_val(sz), std::mem::align_of_val(sz));
        let sz2: &dyn Tick = &c;
        println!("size_of_val={} align_of_val={}", std::mem::size_of_val(sz2), std::mem::align_of_val(sz2));
        println!("end of scope");
    }
    let anys: Vec<Box<dyn Any>> = vec![Box::new(5i32), Box::new(String::from("hi")), Box::new(Dog { name: "fido".into(), age: 1 }), Box::new(1.5f64)];
    for a in &anys { println!("{}", describe(a.as_ref())); }
    let b: Box<dyn Any> = Box::new(77u8);
    match b.downcast::<u8>() { Ok(v) => println!("downcast ok {}", v), Err(_) => println!("downcast failed") }
    let rc: Rc<dyn Animal> = Rc::new(Bird([9, 9, 9]));
    let rc2 = Rc::clone(&rc);
    println!("rc count={} {}", Rc::strong_count(&rc), rc2.speak());
    let shows: Vec<Box<dyn Display>> = vec![Box::new(3), Box::new("str"), Box::new(Temp(21.55)), Box::new('x')];
    println!("{}", shows.iter().map(|d| format!("[{:>6}]", d.to_string())).collect::<String>());
    let dbg: &[&dyn Debug] = &[&1u8, &"s", &Temp(-3.0), &Some(2)];
    println!("{:?}", dbg);
    let f: &dyn Fn(u32) -> u32 = &|x| x * x;
    let fm: &mut dyn FnMut(u32) = &mut |x| println!("fnmut got {}", x);
    fm(f(12));
}
