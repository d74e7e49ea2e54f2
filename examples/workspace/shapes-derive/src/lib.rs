//! `#[derive(Describe)]`: gives a struct a `describe()` listing its name and
//! field names, written with `proc_macro` alone.
use proc_macro::{Delimiter, TokenStream, TokenTree};

#[proc_macro_derive(Describe)]
pub fn derive_describe(input: TokenStream) -> TokenStream {
    let tokens: Vec<TokenTree> = input.into_iter().collect();
    let mut name = None;
    let mut fields = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if let TokenTree::Ident(id) = t {
            if id.to_string() == "struct" {
                name = Some(tokens[i + 1].to_string());
            }
        }
        if let TokenTree::Group(g) = t {
            if g.delimiter() == Delimiter::Brace {
                // `name: Type,` pairs: an identifier followed by a ':'.
                let inner: Vec<TokenTree> = g.stream().into_iter().collect();
                for w in inner.windows(2) {
                    if let (TokenTree::Ident(f), TokenTree::Punct(p)) = (&w[0], &w[1]) {
                        if p.as_char() == ':' {
                            fields.push(f.to_string());
                        }
                    }
                }
            }
        }
    }
    let name = name.expect("Describe needs a struct");
    let list = fields.iter().map(|f| format!("\"{f}\"")).collect::<Vec<_>>().join(", ");
    format!(
        "impl {name} {{ pub fn describe() -> String {{ format!(\"{name} {{:?}}\", [{list}] as [&str; {}]) }} }}",
        fields.len()
    )
    .parse()
    .unwrap()
}
