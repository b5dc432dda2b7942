fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let file = kaohe::source::SourceFile::new(path, text);
    let parsed = kaohe::parse(&file);
    if std::env::var("DUMP").is_ok() {
        println!("{:#?}", parsed.policy);
    }
    print!(
        "{}",
        kaohe::diag::render::render_text(&file, &parsed.diags, Default::default())
    );
    println!(
        "{} decls, {} diags",
        parsed.policy.decls.len(),
        parsed.diags.len()
    );
}
