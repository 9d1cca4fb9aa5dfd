//! Generators of hostile inputs for the tests and benchmarks that prove claimdesk bounds them: PDFs built
//! byte by byte (a page that is its own parent, a compressed stream that inflates to far more than it
//! weighs, reference cycles, deeply nested arrays, thousands of pages) and HTML that hides its depth.

use std::io::Write as _;

/// A PDF of these objects (object 1 is the catalog), with a correct cross-reference table.
pub fn pdf_of(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.5\n".to_vec();
    let mut offsets = Vec::new();
    for (index, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        writeln!(out, "{} 0 obj", index + 1).unwrap();
        out.extend_from_slice(object);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).unwrap();
    for offset in offsets {
        writeln!(out, "{offset:010} 00000 n ").unwrap();
    }
    write!(
        out,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    )
    .unwrap();
    out
}

fn stream(data: &[u8], filter: &str) -> Vec<u8> {
    let mut out = format!("<< /Length {}{filter} >>\nstream\n", data.len()).into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    out
}

const CATALOG: &[u8] = b"<< /Type /Catalog /Pages 2 0 R >>";
const ONE_KID: &[u8] = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
const FONT: &[u8] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

fn text_content() -> Vec<u8> {
    stream(
        b"BT /F1 12 Tf 72 700 Td (Die Stadt investiert 12 Millionen Euro.) Tj ET",
        "",
    )
}

/// A page whose `/Parent` is itself, without its own resources: a reader that looks them up in the parent
/// chain never ends (the probe's 618-byte file hung claimdesk forever).
pub fn pdf_page_its_own_parent() -> Vec<u8> {
    pdf_of(&[
        CATALOG.to_vec(),
        ONE_KID.to_vec(),
        b"<< /Type /Page /Parent 3 0 R /Contents 4 0 R >>".to_vec(),
        text_content(),
        FONT.to_vec(),
    ])
}

/// A page tree whose only kid is the tree itself.
pub fn pdf_pages_its_own_kid() -> Vec<u8> {
    pdf_of(&[
        CATALOG.to_vec(),
        b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>".to_vec(),
    ])
}

/// A page whose content stream inflates to `mebibytes` MiB of zeros (it weighs about a thousandth).
pub fn pdf_flate_bomb(mebibytes: usize) -> Vec<u8> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..mebibytes {
        encoder.write_all(&zeros).unwrap();
    }
    let bomb = encoder.finish().unwrap();
    pdf_of(&[
        CATALOG.to_vec(),
        ONE_KID.to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_vec(),
        stream(&bomb, " /Filter /FlateDecode"),
        FONT.to_vec(),
    ])
}

/// Resources that refer to each other in a cycle.
pub fn pdf_reference_cycle() -> Vec<u8> {
    pdf_of(&[
        CATALOG.to_vec(),
        ONE_KID.to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources 6 0 R >>"
            .to_vec(),
        text_content(),
        FONT.to_vec(),
        b"<< /Font 7 0 R >>".to_vec(),
        b"<< /F1 6 0 R >>".to_vec(),
    ])
}

/// An array nested `depth` levels deep in the page dictionary.
pub fn pdf_deep_arrays(depth: usize) -> Vec<u8> {
    let mut page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /X ".to_vec();
    page.extend(std::iter::repeat_n(b'[', depth));
    page.extend(std::iter::repeat_n(b']', depth));
    page.extend_from_slice(b" >>");
    pdf_of(&[
        CATALOG.to_vec(),
        ONE_KID.to_vec(),
        page,
        text_content(),
        FONT.to_vec(),
    ])
}

/// `pages` empty pages.
pub fn pdf_empty_pages(pages: usize) -> Vec<u8> {
    let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", i + 3)).collect();
    let mut objects = vec![
        CATALOG.to_vec(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {pages} >>",
            kids.join(" ")
        )
        .into_bytes(),
    ];
    objects.extend(
        (0..pages).map(|_| b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>".to_vec()),
    );
    pdf_of(&objects)
}

/// HTML whose depth a count of tags does not see but the parser builds for real: `repeats` times the
/// pattern, inside a page with one real paragraph.
pub fn html_hidden_depth(pattern: &str, repeats: usize) -> Vec<u8> {
    let mut page = String::from(
        "<!doctype html><html><head><title>Tief</title></head><body><p>Die Stadt investiert 12 Millionen Euro in neue Busse, sagte der Bürgermeister.</p>",
    );
    for _ in 0..repeats {
        page.push_str(pattern);
    }
    page.push_str("</body></html>");
    page.into_bytes()
}

/// The HTML patterns the probe found: self-closing divs, closing tags of other elements, closing tags
/// inside attribute values, a div closed inside a script.
pub const HIDDEN_DEPTH_PATTERNS: [&str; 4] = [
    "<div/>",
    "<div></x>",
    "<div title=\"</div>\">",
    "<div><script></div></script>",
];
