// Rc, Weak and RefCell: shared ownership counts, a tree with parent Weak
// links, cycles broken by Weak, Rc::try_unwrap/make_mut/ptr_eq/get_mut,
// RefCell borrow states (try_borrow errors), Cell swap/replace, Drop order
// when the last strong reference goes away, and an Rc<RefCell> graph walk.
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

#[derive(Debug)]
struct Node { val: i32, parent: RefCell<Weak<Node>>, children: RefCell<Vec<Rc<Node>>> }
impl Drop for Node { fn drop(&mut self) { println!("drop node {}", self.val); } }

fn node(v: i32) -> Rc<Node> { Rc::new(Node { val: v, parent: RefCell::new(Weak::new()), children: RefCell::new(vec![]) }) }
fn add_child(p: &Rc<Node>, c: Rc<Node>) { *c.parent.borrow_mut() = Rc::downgrade(p); p.children.borrow_mut().push(c); }
fn sum(n: &Rc<Node>) -> i32 { n.val + n.children.borrow().iter().map(sum).sum::<i32>() }
fn path_to_root(n: &Rc<Node>) -> Vec<i32> {
    let mut out = vec![n.val];
    let mut cur = n.parent.borrow().upgrade();
    while let Some(p) = cur { out.push(p.val); cur = p.parent.borrow().upgrade(); }
    out
}

struct Graph { adj: Vec<Rc<RefCell<Vec<usize>>>> }

fn main() {
    let root = node(1);
    {
        let a = node(2);
        let b = node(3);
        add_child(&root, a.clone());
        add_child(&root, b.clone());
        let c = node(4);
        add_child(&a, c.clone());
        add_child(&c, node(5));
        println!("sum {} path {:?}", sum(&root), path_to_root(&c.children.borrow()[0]));
        println!("counts root={}/{} a={}/{} c={}/{}", Rc::strong_count(&root), Rc::weak_count(&root), Rc::strong_count(&a), Rc::weak_count(&a), Rc::strong_count(&c), Rc::weak_count(&c));
        let removed = root.children.borrow_mut().remove(1);
        println!("removed {} strong {}", removed.val, Rc::strong_count(&removed));
        drop(b);
        println!("b handle dropped");
        drop(removed);
        println!("end of inner scope");
    }
    let weak_root = Rc::downgrade(&root);
    println!("upgrade {:?}", weak_root.upgrade().map(|n| n.val));
    drop(root);
    println!("after root drop upgrade {:?}", weak_root.upgrade().map(|n| n.val));
    let mut shared = Rc::new(vec![1, 2, 3]);
    let other = Rc::clone(&shared);
    Rc::make_mut(&mut shared).push(4);
    println!("{:?} {:?} ptr_eq {}", shared, other, Rc::ptr_eq(&shared, &other));
    println!("try_unwrap {:?}", Rc::try_unwrap(other));
    let mut solo = Rc::new(String::from("solo"));
    Rc::get_mut(&mut solo).unwrap().push_str("!");
    println!("{}", solo);
    let cell = RefCell::new(vec![1]);
    {
        let r1 = cell.borrow();
        let r2 = cell.borrow();
        println!("two readers {} {} try_mut {}", r1.len(), r2.len(), cell.try_borrow_mut().is_err());
    }
    {
        let mut w = cell.borrow_mut();
        w.push(2);
        println!("writer active try_borrow {}", cell.try_borrow().is_err());
    }
    let before = cell.borrow().clone();
    let replaced = cell.replace(vec![9]);
    println!("{:?} replace {:?} now {:?}", before, replaced, cell.take());
    let c = Cell::new(5);
    let d = Cell::new(10);
    c.swap(&d);
    println!("cells {} {} replace {} {}", c.get(), d.get(), c.replace(1), c.into_inner());
    let n = 8;
    let g = Graph { adj: (0..n).map(|i| Rc::new(RefCell::new(vec![(i + 1) % n, (i * 3) % n]))).collect() };
    g.adj[2].borrow_mut().push(7);
    let mut dist = vec![usize::MAX; n];
    let mut q = VecDeque::from([0usize]);
    dist[0] = 0;
    while let Some(u) = q.pop_front() {
        for &v in g.adj[u].borrow().iter() { if dist[v] == usize::MAX { dist[v] = dist[u] + 1; q.push_back(v); } }
    }
    println!("bfs {:?}", dist);
    let cyc_a = Rc::new(RefCell::new(Vec::<Weak<RefCell<Vec<i32>>>>::new()));
    let cyc_b = Rc::new(RefCell::new(vec![1, 2]));
    cyc_a.borrow_mut().push(Rc::downgrade(&cyc_b));
    println!("weak target {:?}", cyc_a.borrow()[0].upgrade().map(|r| r.borrow().clone()));
    drop(cyc_b);
    println!("weak target after drop {:?}", cyc_a.borrow()[0].upgrade().is_none());
    let rcs: Vec<Rc<str>> = ["x", "yy"].iter().map(|s| Rc::from(*s)).collect();
    println!("{:?} {}", rcs, rcs.iter().map(|r| r.len()).sum::<usize>());
}
