//! The layers of ARCHITECTURE.md, enforced: every `crate::…` path outside test modules may only name a
//! module of the same or a lower layer, and the pairs the design forbids outright never meet. The test reads
//! the sources, so a new upward import fails here with its file and line.

use std::path::{Path, PathBuf};

/// Each top-level module of the library and its layer: a module may use its own layer's modules and the
/// ones below.
const LAYERS: &[(&str, u8)] = &[
    ("hashing", 0),
    ("i18n", 0),
    ("layout", 0),
    ("identity", 0),
    ("web_url", 0),
    ("json_lines", 0),
    ("article", 1),
    ("encoder", 1),
    ("text", 2),
    ("review", 3),
    ("extract", 4),
    ("memory", 5),
    ("export", 5),
    ("desk", 6),
    ("cli", 7),
    ("app", 7),
];

/// Arrows that must not exist even where the layers would allow them: the leaves stay apart (they may use
/// only `hashing`, the shared hashes and digests), and reports never depend on how claims were found.
const FORBIDDEN: &[(&str, &str)] = &[
    ("i18n", "layout"),
    ("i18n", "web_url"),
    ("i18n", "identity"),
    ("i18n", "json_lines"),
    ("layout", "i18n"),
    ("layout", "web_url"),
    ("layout", "identity"),
    ("layout", "json_lines"),
    ("web_url", "i18n"),
    ("web_url", "layout"),
    ("web_url", "identity"),
    ("web_url", "json_lines"),
    ("identity", "i18n"),
    ("identity", "layout"),
    ("identity", "web_url"),
    ("identity", "json_lines"),
    ("json_lines", "i18n"),
    ("json_lines", "layout"),
    ("json_lines", "web_url"),
    ("json_lines", "identity"),
    ("hashing", "i18n"),
    ("hashing", "layout"),
    ("hashing", "web_url"),
    ("hashing", "identity"),
    ("hashing", "json_lines"),
    ("article", "encoder"),
    ("encoder", "article"),
    ("memory", "export"),
    ("export", "memory"),
    ("export", "extract"),
    ("cli", "app"),
    ("app", "cli"),
];

fn layer_of(module: &str) -> Option<u8> {
    LAYERS
        .iter()
        .find(|(name, _)| *name == module)
        .map(|(_, layer)| *layer)
}

/// The top-level module a source file belongs to: `src/memory/index.rs` → `memory`, `src/i18n.rs` → `i18n`.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    Some(first.trim_end_matches(".rs").to_owned())
}

fn rust_files(folder: &Path, into: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder)
        .expect("src is readable")
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push(path);
        }
    }
}

/// The source with test modules blanked out (lines kept, so line numbers stay right): tests may build
/// their fixtures with anything.
fn without_test_modules(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        let after = &rest[at..];
        let body_start = after
            .find('{')
            .filter(|&brace| after[..brace].contains("mod "));
        let Some(brace) = body_start else {
            out.push_str(&rest[..at + "#[cfg(test)]".len()]);
            rest = &rest[at + "#[cfg(test)]".len()..];
            continue;
        };
        out.push_str(&rest[..at]);
        let mut depth = 0usize;
        let mut end = after.len();
        for (index, c) in after.char_indices().skip(brace) {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = index + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.extend(after[..end].chars().filter(|&c| c == '\n'));
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// The top-level modules a path after `crate::` names: `memory::Memory` → `memory`, `{desk, memory}` →
/// both (a `use` list may run over several lines; its first line's names are enough to catch an arrow,
/// and a list broken before its first name starts with the brace alone).
fn named_modules(after: &str) -> Vec<String> {
    let identifier = |text: &str| -> String {
        text.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let Some(list) = after.strip_prefix('{') else {
        return vec![identifier(after)];
    };
    let mut names = Vec::new();
    let mut depth = 0usize;
    let mut item_start = true;
    for (index, c) in list.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => item_start = true,
            _ if item_start && !c.is_whitespace() => {
                names.push(identifier(&list[index..]));
                item_start = false;
            }
            _ => {}
        }
    }
    names
}

/// The source folders of the workspace's crates: each holds top-level modules of the layers (the crates
/// themselves keep the arrows between crates; this test keeps those inside a crate and the forbidden pairs).
const SOURCE_ROOTS: &[&str] = &[
    "src",
    "crates/core/src",
    "crates/desk/src",
    "crates/app/src",
];

#[test]
fn no_import_goes_up_a_layer() {
    let mut files = Vec::new();
    for root in SOURCE_ROOTS {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(root);
        let mut found = Vec::new();
        rust_files(&src, &mut found);
        files.extend(found.into_iter().map(|file| (src.clone(), file)));
    }
    files.sort();
    let mut violations = Vec::new();
    let mut checked = 0;
    for (src, file) in &files {
        let Some(module) = module_of(src, file) else {
            continue;
        };
        if matches!(module.as_str(), "lib" | "main") {
            continue;
        }
        let own_layer = layer_of(&module).unwrap_or_else(|| {
            panic!(
                "{}: module `{module}` has no layer in this test (and in ARCHITECTURE.md)",
                file.display()
            )
        });
        let code = std::fs::read_to_string(file).expect("source is readable");
        for (number, line) in without_test_modules(&code).lines().enumerate() {
            let code_part = line.split("//").next().unwrap_or_default();
            for (at, _) in code_part.match_indices("crate::") {
                for name in named_modules(&code_part[at + "crate::".len()..]) {
                    let Some(target_layer) = layer_of(&name) else {
                        continue;
                    };
                    checked += 1;
                    let forbidden = FORBIDDEN.contains(&(module.as_str(), name.as_str()));
                    if (target_layer > own_layer || forbidden) && name != module {
                        violations.push(format!(
                            "{}:{}: `{module}` (layer {own_layer}) uses `{name}` (layer {target_layer}): {}",
                            file.display(),
                            number + 1,
                            line.trim()
                        ));
                    }
                }
            }
        }
    }
    assert!(
        checked > 100,
        "only {checked} imports found: is the parser broken?"
    );
    assert!(
        violations.is_empty(),
        "imports against the layers:\n{}",
        violations.join("\n")
    );
}

#[test]
fn use_lists_name_every_module() {
    assert_eq!(named_modules("memory::Memory;"), ["memory"]);
    assert_eq!(
        named_modules("{desk, memory::{self, Memory}, layout};"),
        ["desk", "memory", "layout"]
    );
}

#[test]
fn test_modules_are_left_out_and_line_numbers_kept() {
    let code = "use crate::a;\n#[cfg(test)]\nmod tests {\n    use crate::b;\n    fn f() { {} }\n}\nuse crate::c;\n";
    let kept = without_test_modules(code);
    assert!(kept.contains("crate::a") && kept.contains("crate::c") && !kept.contains("crate::b"));
    assert_eq!(kept.lines().count(), code.lines().count());
    assert_eq!(kept.lines().nth(6), Some("use crate::c;"));
}
