//! What an installation needs: the window icon decodes, the desktop entry is valid (checked with
//! `desktop-file-validate` when it is installed, as `.ci/run` does), and every file the .deb installs exists.

#![allow(clippy::unwrap_used, reason = "test code")]

use std::path::Path;

#[cfg(feature = "gui")]
#[test]
fn the_window_icon_decodes_to_a_square_image_with_transparency() {
    let icon = eframe::icon_data::from_png_bytes(claimdesk::app::ICON_PNG).unwrap();
    assert_eq!(
        (icon.width, icon.height),
        (128, 128),
        "small enough for X11's _NET_WM_ICON"
    );
    assert!(
        icon.rgba.chunks(4).any(|px| px[3] == 0),
        "rounded corners are transparent"
    );
    assert_eq!(*claimdesk::app::window_icon(), icon);
}

#[test]
fn the_desktop_entry_is_valid() {
    let entry = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/claimdesk.desktop");
    let text = std::fs::read_to_string(&entry).unwrap();
    for line in [
        "[Desktop Entry]",
        "Type=Application",
        "Exec=claimdesk %f",
        "Icon=claimdesk",
        "Name=claimdesk",
    ] {
        assert!(text.lines().any(|l| l == line), "{line} missing");
    }
    match std::process::Command::new("desktop-file-validate")
        .arg(&entry)
        .output()
    {
        Ok(output) => assert!(
            output.status.success() && output.stdout.is_empty(),
            "desktop-file-validate: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ),
        Err(_) => eprintln!(
            "desktop-file-validate is not installed (Debian: desktop-file-utils); checked the keys only"
        ),
    }
}

#[test]
fn every_file_the_package_installs_exists() {
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    let section = manifest.split("[package.metadata.deb]").nth(1).unwrap();
    let assets = section
        .split("assets = [")
        .nth(1)
        .unwrap()
        .split("\n]")
        .next()
        .unwrap();
    let mut count = 0;
    for line in assets.lines().filter(|l| l.trim_start().starts_with("[\"")) {
        let source = line
            .trim_start()
            .trim_start_matches("[\"")
            .split('"')
            .next()
            .unwrap();
        count += 1;
        if source.starts_with("target/") {
            continue;
        }
        assert!(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(source).is_file(),
            "{source} is packaged but missing"
        );
    }
    assert!(count >= 4, "binary, desktop entry and icons are packaged");
}
